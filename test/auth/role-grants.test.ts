import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { DELETE as revokeGrant } from '../../app/api/v1/roles/[id]/route';
import { GET as listGrants, POST as postGrant } from '../../app/api/v1/roles/route';
import { computeRoles } from '../../lib/auth/compute-roles';
import { createSession } from '../../lib/auth/create-session';
import { getConfig } from '../../lib/config/load-config';
import { setDbHandle } from '../../lib/db/client';
import { auditLog } from '../../lib/db/schema';
import { clearAuthConfig, useAuthConfig } from '../helpers/auth-config';
import { describeEachBackend } from '../helpers/test-db';

const APP = 'http://localhost';

beforeAll(() => useAuthConfig('https://id.example.com'));
afterAll(() => clearAuthConfig());

describeEachBackend(
  'roles granted in the app by an admin (GET/POST /api/v1/roles, DELETE /api/v1/roles/:id)',
  ({ db, handle }) => {
    beforeEach(() => setDbHandle(handle()));

    const session = async (subject: string, roles: string[]) => {
      const user = { subject, name: subject, email: `${subject}@example.com`, groups: [], roles, teams: [] };
      return `waymark-session=${(await createSession({ db: db(), config: getConfig(), user, previous: null })).value}`;
    };
    const grant = (cookie: string, body: unknown) =>
      postGrant(
        new Request(`${APP}/api/v1/roles`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { cookie, origin: APP },
        }),
      );
    const rolesOf = (subject: string) => computeRoles({ db: db(), config: getConfig(), subject, groups: [] });

    it('an admin grants owner and platform, held from the next sign-in, and a revoke takes them back', async () => {
      const ada = await session('ada', ['viewer', 'admin']);
      const owner = await grant(ada, { subject: 'sam', role: 'owner', team: 'payments' });
      expect(owner.status).toBe(201);
      expect((await grant(ada, { subject: 'sam', role: 'platform' })).status).toBe(201);
      expect(await rolesOf('sam')).toEqual({ roles: ['viewer', 'platform', 'owner'], teams: ['payments'] });

      const listed = (await (
        await listGrants(new Request(`${APP}/api/v1/roles`, { headers: { cookie: ada } }))
      ).json()) as {
        id: string;
        role: string;
        team: string | null;
        grantedBy: string;
      }[];
      expect(listed.map((row) => [row.role, row.team, row.grantedBy])).toEqual([
        ['owner', 'payments', 'ada@example.com'],
        ['platform', null, 'ada@example.com'],
      ]);
      const { id } = (await owner.json()) as { id: string };
      const revoke = new Request(`${APP}/api/v1/roles/${id}`, {
        method: 'DELETE',
        headers: { cookie: ada, origin: APP },
      });
      expect((await revokeGrant(revoke, { params: Promise.resolve({ id }) })).status).toBe(200);
      expect(await rolesOf('sam')).toEqual({ roles: ['viewer', 'platform'], teams: [] });
      // Revoked once: a second revoke names the grant it cannot find.
      const again = await revokeGrant(new Request(revoke), { params: Promise.resolve({ id }) });
      expect(again.status).toBe(404);
      expect(JSON.stringify(await again.json())).toContain(`No active grant ${id}`);

      const audit = await db().select().from(auditLog).where(eq(auditLog.target, 'sam'));
      expect(audit.map((row) => [row.action, row.actor, row.actorRole]).sort()).toEqual([
        ['role.grant', 'ada@example.com', 'admin'],
        ['role.grant', 'ada@example.com', 'admin'],
        ['role.revoke', 'ada@example.com', 'admin'],
      ]);
    });

    it('refuses a platform user, a viewer, a grant without its team or with an unknown role: nothing stored', async () => {
      const ada = await session('ada', ['viewer', 'admin']);
      for (const cookie of [await session('pat', ['viewer', 'platform']), await session('vic', ['viewer'])]) {
        expect((await grant(cookie, { subject: 'sam', role: 'admin' })).status).toBe(403);
        const list = await listGrants(new Request(`${APP}/api/v1/roles`, { headers: { cookie } }));
        expect(list.status).toBe(403);
      }
      const noTeam = await grant(ada, { subject: 'sam', role: 'owner' });
      expect(noTeam.status).toBe(400);
      expect(JSON.stringify(await noTeam.json())).toContain('team: an owner grant names the team');
      const unknown = await grant(ada, { subject: 'sam', role: 'root' });
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(await unknown.json())).toMatch(/role/);
      const blank = await grant(ada, { subject: '  ', role: 'platform' });
      expect(blank.status).toBe(400);
      expect(JSON.stringify(await blank.json())).toMatch(/subject/);
      expect(await rolesOf('sam')).toEqual({ roles: ['viewer'], teams: [] });
    });
  },
);
