// An exclusive lock on a PGlite data directory. The file holds the owner's pid; a lock left by a process
// that no longer runs is taken over, a live one is refused with a clear message.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { DomainError } from '../domain/errors.js';

export interface DirectoryLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirectoryLock(file: string): DirectoryLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        throw new DomainError(
          'storage.data_dir_in_use',
          `data directory in use: ${file} is held by process ${pid}. Stop that process or set INVENTUR_DATA_DIR to another directory.`,
          { params: { pid } },
        );
      }
      if (pid === process.pid) {
        throw new DomainError('storage.data_dir_in_use', `data directory in use: ${file} is already open in this process`);
      }
      unlinkSync(file); // stale lock of a dead process
    }
  }
  throw new DomainError('storage.data_dir_in_use', `data directory in use: could not lock ${file}`);
}
