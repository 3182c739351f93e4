import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';

export type EmbeddedLockOwner = { pid: number; role: 'server' | 'cli'; port?: number; command?: string };

const LOCK_FILE = 'waymark.lock';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the database.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const describeOwner = (owner: EmbeddedLockOwner) =>
  owner.role === 'server'
    ? `the Waymark server (pid ${owner.pid}${owner.port ? `, port ${owner.port}` : ''})`
    : `another Waymark command (pid ${owner.pid}${owner.command ? `, \`waymark ${owner.command}\`` : ''})`;

export const describeBusyDatabase = (dataDir: string, owner: EmbeddedLockOwner) => {
  const viaServer =
    owner.role === 'server' && owner.port
      ? ` Events can still be sent through the running server: POST http://localhost:${owner.port}/api/events.`
      : '';
  return (
    `The embedded database in ${dataDir} is in use by ${describeOwner(owner)}. ` +
    `The embedded database (PGlite) allows one process at a time: stop that process first, ` +
    `or run Waymark on a Postgres server (DATABASE_URL) to use the CLI and the server together.${viaServer}`
  );
};

/**
 * Takes the embedded database for this process. PGlite corrupts its files if two processes open them,
 * so the first process writes a lock file with its pid and every other one is refused with a clear message.
 * A lock left by a process that no longer runs is taken over.
 */
export const acquireEmbeddedLock = (dataDir: string, owner: Omit<EmbeddedLockOwner, 'pid'>): (() => void) => {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const me: EmbeddedLockOwner = { pid: process.pid, ...owner };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: EmbeddedLockOwner | null = null;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as EmbeddedLockOwner;
    } catch {
      holder = null; // unreadable or half-written: treat as stale
    }
    if (holder?.pid === process.pid) {
      // Two PGlite instances on one folder corrupt it, even inside one process: share the handle instead.
      throw new AppError('DATABASE_BUSY', `The embedded database in ${dataDir} is already open in this process; use the shared handle (getDbHandle).`);
    }
    if (holder && isAlive(holder.pid)) {
      throw new AppError('DATABASE_BUSY', describeBusyDatabase(dataDir, holder));
    }
    try {
      unlinkSync(path);
    } catch {
      // someone else removed it first; try again
    }
  }
  throw new AppError('DATABASE_BUSY', `Could not take the lock file ${path}; remove it if no Waymark process is running.`);
};
