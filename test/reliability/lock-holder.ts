// A process that takes the data-directory lock on argv[2] and keeps it, for the lock tests. It prints one
// line — `locked <pid>` or `refused <code> <message>` (exit 3) — and then holds the lock until its standard
// input closes, it is killed, or 60 s pass (so it never outlives a broken test).
import { acquireDirectoryLock } from '../../src/storage/lock-file.js';
import { isDomainError } from '../../src/domain/errors.js';

const file = process.argv[2];
if (!file) throw new Error('usage: lock-holder <lock file>');
try {
  const lock = acquireDirectoryLock(file);
  process.stdout.write(`locked ${process.pid}\n`);
  const stop = () => {
    lock.release();
    process.exit(0);
  };
  process.stdin.on('end', stop).resume();
  setTimeout(stop, 60_000);
} catch (e) {
  process.stdout.write(isDomainError(e) ? `refused ${e.code} ${e.message}\n` : `error ${(e as Error).message}\n`);
  process.exit(3);
}
