// An exclusive lock on a PGlite data directory: two processes on one directory corrupt it for good.
//
// The lock is the kernel's, not the file's: the lock file is opened and an exclusive whole-file lock is
// taken on that open file (on Linux an open-file-description fcntl lock, F_OFD_SETLK; flock on macOS;
// LockFileEx on Windows — all through fs-native-extensions). The descriptor stays open for the process's
// life, so the kernel drops the lock when the process ends however it ends (kill -9 included), and a
// process in another PID namespace (another container on the same volume) sees the same lock because it
// lives on the file, not in a PID table. The pid and host written into the file only name the holder in
// the error message; they are never trusted, so a stale file whose pid now belongs to someone else does
// not block a restart. The file is never deleted: unlinking a lock file lets a late opener lock a
// different inode than the next one and both would "hold" the directory.
import { closeSync, constants, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { DomainError } from '../domain/errors.js';

export interface DirectoryLock {
  release(): void;
}

interface NativeLocks {
  /** True when the lock was granted, false when another open file holds it. */
  tryLock(fd: number, offset?: number, length?: number, options?: { shared?: boolean }): boolean;
}

let native: NativeLocks | undefined;
function nativeLocks(): NativeLocks {
  // Loaded on first use: a PostgreSQL deployment never needs the addon.
  native ??= createRequire(import.meta.url)('fs-native-extensions') as NativeLocks;
  return native;
}

interface Holder {
  pid?: number;
  host?: string;
}

function readHolder(file: string): Holder {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { pid, host } = parsed as Record<string, unknown>;
    return { ...(Number.isInteger(pid) ? { pid: pid as number } : {}), ...(typeof host === 'string' ? { host } : {}) };
  } catch {
    return {}; // empty (the holder has not written yet), unreadable or from an older version
  }
}

function inUse(file: string): DomainError {
  const holder = readHolder(file);
  const who =
    holder.pid === undefined
      ? 'another process'
      : `process ${holder.pid}${holder.host ? ` on host ${holder.host}` : ''}`;
  return new DomainError(
    'storage.data_dir_in_use',
    `data directory in use: ${file} is held by ${who}. Stop that process or set INVENTUR_DATA_DIR to another directory.`,
    { params: holder.pid === undefined ? {} : { pid: holder.pid } },
  );
}

export function acquireDirectoryLock(file: string): DirectoryLock {
  const locks = nativeLocks();
  // Read-write without O_APPEND (an exclusive lock needs a writable descriptor; the pid is rewritten in place).
  const fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o644);
  let granted = false;
  try {
    granted = locks.tryLock(fd);
  } finally {
    if (!granted) closeSync(fd);
  }
  if (!granted) throw inUse(file);
  ftruncateSync(fd, 0);
  writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }) + '\n', 0);
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      try {
        ftruncateSync(fd, 0); // no holder to name any more; the file itself stays (see the header)
      } finally {
        closeSync(fd); // closing the descriptor is what drops the lock
      }
    },
  };
}
