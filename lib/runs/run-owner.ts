import { hostname } from 'node:os';

/** This process as the owner of the runs it starts: `host:pid`. */
export const currentRunOwner = () => `${hostname()}:${process.pid}`;

/**
 * Whether the process that owns a run is certainly gone: it ran on this host and no process has its pid any more.
 * A run owned by another host cannot be judged from here (a Postgres server is shared), so it is never "dead".
 */
export const isRunOwnerDead = (owner: string) => {
  const separator = owner.lastIndexOf(':');
  const pid = Number(owner.slice(separator + 1));
  if (owner.slice(0, separator) !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the pid exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
};
