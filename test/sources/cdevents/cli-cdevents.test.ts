import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli';
import { example, MAPPED_EXAMPLES } from './cdevents-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-cdevents-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const waymark = (file: string) =>
  runCli(['ingest', 'cdevents', file], { cwd: dir, env: { WAYMARK_DATA_DIR: join(dir, 'data'), WAYMARK_DEMO: 'off' } });

describe('waymark ingest cdevents (embedded database)', () => {
  it('imports the conformance examples as NDJSON, and refuses a bad file by line and field', async () => {
    writeFileSync(join(dir, 'events.ndjson'), MAPPED_EXAMPLES.map((name) => JSON.stringify(example(name))).join('\n'));
    const good = await waymark('events.ndjson');
    expect(good.stderr).toBe('');
    expect(good.stdout).toBe('Imported 8 CDEvents: 3 deployments, 1 incident, 1 pipeline run, 1 merged change.\n');

    const bad = example('incident_reported');
    (bad.subject as { content: Record<string, unknown> }).content.ticketURI = 'not a uri';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad, null, 2));
    const refused = await waymark('bad.json');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/bad\.json line \d+: subject\.content\.ticketURI: Invalid URL/);
  }, 240_000);
});
