import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireEmbeddedLock } from '../../lib/db/embedded-lock';
import { runCli } from '../helpers/run-cli';

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** A live process that is not this one, standing in for a running server. */
const liveProcess = () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  children.push(child);
  return child.pid!;
};

describe('the embedded database lock', () => {
  it('refuses a second process, naming the server that holds the database and how to proceed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-lock-'));
    writeFileSync(join(dataDir, 'waymark.lock'), JSON.stringify({ pid: liveProcess(), role: 'server', port: 3999 }));
    const result = await runCli(['token', 'list'], { env: { WAYMARK_DATA_DIR: dataDir } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is in use by the Waymark server \(pid \d+, port 3999\)/);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toContain('POST http://localhost:3999/api/events');
  });

  it('takes over a lock left by a process that no longer runs, and removes it when done', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-lock-'));
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('close', resolve));
    writeFileSync(join(dataDir, 'waymark.lock'), JSON.stringify({ pid: dead.pid, role: 'cli' }));
    const result = await runCli(['token', 'list'], { env: { WAYMARK_DATA_DIR: dataDir } });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('No tokens') });
    expect(existsSync(join(dataDir, 'waymark.lock'))).toBe(false);
  });

  it('refuses to open the same folder twice in one process', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-lock-'));
    const release = acquireEmbeddedLock(dataDir, { role: 'cli' });
    try {
      expect(() => acquireEmbeddedLock(dataDir, { role: 'cli' })).toThrow(/already open in this process/);
    } finally {
      release();
    }
    expect(existsSync(join(dataDir, 'waymark.lock'))).toBe(false);
  });
});
