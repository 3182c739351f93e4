import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config/load-config';
import { isAppError } from '../../lib/errors';

const inFolder = (yaml?: string) => {
  const cwd = mkdtempSync(join(tmpdir(), 'waymark-config-'));
  if (yaml !== undefined) writeFileSync(join(cwd, 'waymark.yaml'), yaml);
  return cwd;
};

const configErrors = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFIG_INVALID') return error.details;
    throw error;
  }
  throw new Error('expected a configuration error');
};

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is configured', () => {
    const { config, configFile } = loadConfig({ env: {}, cwd: inFolder() });
    expect(configFile).toBeNull();
    expect(config.database).toEqual({ dataDir: '.waymark/data' });
    expect(config.server).toEqual({ port: 3000, maxBodyBytes: 10 * 1024 * 1024, requireReadToken: false, worker: 'all', allowAnonymous: false });
    expect(config.metrics.productionEnvironmentPattern).toBe('^(prod|production)$');
    expect(config.metrics.attributionWindowHours).toBe(168);
    expect(config.auth).toEqual({
      oidc: { scopes: ['openid', 'profile', 'email'], groupsClaim: 'groups', signOutAtProvider: false },
      roles: { admin: [], platform: [], owners: {} },
      session: { idleMinutes: 480, absoluteHours: 24 },
    });
  });

  it('reads sign-in from waymark.yaml with the client secret from the environment, and wants issuer and clientId together', () => {
    const cwd = inFolder('auth:\n  oidc:\n    issuer: https://id.example.com\n    clientId: waymark\n  roles:\n    owners:\n      team-a: payments\n');
    const { config } = loadConfig({ env: { WAYMARK_OIDC_CLIENT_SECRET: 's3cret' }, cwd });
    expect(config.auth.oidc).toMatchObject({ issuer: 'https://id.example.com', clientId: 'waymark', clientSecret: 's3cret' });
    expect(config.auth.roles.owners).toEqual({ 'team-a': 'payments' });
    const details = configErrors(() => loadConfig({ env: { WAYMARK_OIDC_ISSUER: 'https://id.example.com' }, cwd: inFolder() }));
    expect(details).toEqual([expect.stringMatching(/auth\.oidc: issuer and clientId are set together/)]);
  });

  it('reads waymark.yaml, and an env var wins over the same key', () => {
    const cwd = inFolder('metrics:\n  attributionWindowHours: 72\nserver:\n  port: 4000\n');
    const { config } = loadConfig({ env: { PORT: '5000', WAYMARK_REWORK_LABELS: 'bug, incident-fix' }, cwd });
    expect(config.metrics.attributionWindowHours).toBe(72);
    expect(config.server.port).toBe(5000);
    expect(config.metrics.reworkLabels).toEqual(['bug', 'incident-fix']);
  });

  it('names the environment variable of a bad value', () => {
    const details = configErrors(() => loadConfig({ env: { PORT: 'eighty', WAYMARK_REQUIRE_READ_TOKEN: 'maybe' }, cwd: inFolder() }));
    expect(details).toEqual([expect.stringMatching(/^PORT: /), expect.stringMatching(/^WAYMARK_REQUIRE_READ_TOKEN: /)]);
  });

  it('names the file, line and key of a bad value in waymark.yaml', () => {
    const cwd = inFolder('server:\n  port: 3000\nmetrics:\n  attributionWindowHours: -5\n');
    const [detail] = configErrors(() => loadConfig({ env: {}, cwd }));
    expect(detail).toMatch(/waymark\.yaml line 4: metrics\.attributionWindowHours: /);
  });

  it('rejects an unknown key instead of ignoring a typo', () => {
    const cwd = inFolder('metrics:\n  attributionWindowHour: 5\n');
    const [detail] = configErrors(() => loadConfig({ env: {}, cwd }));
    expect(detail).toMatch(/attributionWindowHour/);
  });

  it('rejects a production pattern that is not a regular expression', () => {
    const details = configErrors(() => loadConfig({ env: { WAYMARK_PRODUCTION_PATTERN: '(prod' }, cwd: inFolder() }));
    expect(details).toEqual(['WAYMARK_PRODUCTION_PATTERN: not a valid regular expression']);
  });

  it('rejects a DATABASE_URL that is not a Postgres URL', () => {
    const details = configErrors(() => loadConfig({ env: { DATABASE_URL: 'mysql://localhost/db' }, cwd: inFolder() }));
    expect(details).toEqual(['DATABASE_URL: must start with postgres:// or postgresql://']);
  });

  it('reports YAML syntax errors with their line', () => {
    const details = configErrors(() => loadConfig({ env: {}, cwd: inFolder('server:\n  port: [3000\n') }));
    expect(details[0]).toMatch(/waymark\.yaml line \d+: /);
  });

  it('treats an empty variable as unset', () => {
    const { config } = loadConfig({ env: { PORT: '', DATABASE_URL: '  ' }, cwd: inFolder() });
    expect(config.server.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
  });
});
