import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { POST as acknowledge } from '../../app/api/acknowledgements/route';
import { createSession } from '../../lib/auth/create-session';
import { getConfig } from '../../lib/config/load-config';
import type { Db } from '../../lib/db/client';
import { setDbHandle } from '../../lib/db/client';
import { auditLog, checkResults, services } from '../../lib/db/schema';
import { listCheckAcknowledgements } from '../../lib/scorecard/list-check-acknowledgements';
import { clearAuthConfig, useAuthConfig } from '../helpers/auth-config';
import { describeEachBackend } from '../helpers/test-db';

const APP = 'http://localhost';

beforeAll(() => useAuthConfig('https://id.example.com'));
afterAll(() => clearAuthConfig());

let evaluated = Date.parse('2026-11-01T00:00:00Z');
const record = async (db: Db, checkId: string, status: string) => {
  evaluated += 60_000;
  await db
    .insert(checkResults)
    .values({ service: 'payments-api', checkId, checkHash: `h-${checkId}`, status, evaluatedAt: new Date(evaluated) });
};

describeEachBackend('owners acknowledge a failing check with a note (POST /api/acknowledgements)', ({ db, handle }) => {
  beforeEach(() => setDbHandle(handle()));

  const session = async (subject: string, roles: string[], teams: string[]) => {
    const user = { subject, name: subject, email: `${subject}@example.com`, groups: [], roles, teams };
    return `waymark-session=${(await createSession({ db: db(), config: getConfig(), user, previous: null })).value}`;
  };
  const post = (cookie: string, body: Record<string, string>, form = false) =>
    acknowledge(
      new Request(`${APP}/api/acknowledgements`, {
        method: 'POST',
        body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
        headers: {
          cookie,
          origin: APP,
          'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
        },
      }),
    );

  it('shows the note on the check until its result changes; only the service team may write it', async () => {
    await db()
      .insert(services)
      .values({ name: 'payments-api', team: 'payments', source: 'events', sourceId: 'payments-api' });
    await record(db(), 'readme', 'fail');
    await record(db(), 'codeowners', 'pass');
    const owner = await session('olga', ['viewer', 'owner'], ['payments']);
    const note = { service: 'payments-api', check: 'readme', note: 'Known; README lands with PR #12' };

    expect((await post(await session('otto', ['viewer', 'owner'], ['search']), note)).status).toBe(403);
    expect((await post(await session('vic', ['viewer'], []), note)).status).toBe(403);
    const passing = await post(owner, { ...note, check: 'codeowners' });
    expect(passing.status).toBe(400);
    expect(JSON.stringify(await passing.json())).toContain(
      'only a failing check is acknowledged; \\"codeowners\\" is pass',
    );
    expect(await listCheckAcknowledgements(db(), 'payments-api')).toEqual([]);

    // The service page's form: back to the page.
    const sent = await post(owner, note, true);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/services/payments-api?acknowledged=readme');
    expect(await listCheckAcknowledgements(db(), 'payments-api')).toEqual([
      expect.objectContaining({ checkId: 'readme', note: note.note, createdBy: 'olga@example.com' }),
    ]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, 'check.acknowledge'));
    expect(audit.map((row) => [row.actor, row.target])).toEqual([['olga@example.com', 'payments-api/readme']]);

    // The check passes: the note has done its job and is no longer shown.
    await record(db(), 'readme', 'pass');
    expect(await listCheckAcknowledgements(db(), 'payments-api')).toEqual([]);
  });
});
