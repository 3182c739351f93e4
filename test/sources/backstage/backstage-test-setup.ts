import { createBackstageClient } from '../../../ingest/sources/backstage/create-backstage-client';
import { syncBackstage } from '../../../ingest/sources/backstage/sync-backstage';
import type { Db } from '../../../lib/db/client';
import { services, teams } from '../../../lib/db/schema';
import type { FakeBackstage } from '../../fakes/backstage/fake-backstage-server';

export const TOKEN = 'bs-test-token';

export const createTestClient = (fake: FakeBackstage, { token = TOKEN, sleeps = [] as number[] } = {}) =>
  createBackstageClient({ url: fake.url, token, sleep: async (ms) => void sleeps.push(ms) });

/** A sync as the CLI runs it, with pages of 20 so the 50 components take three. */
export const runSync = (db: Db, fake: FakeBackstage, options: { full?: boolean; token?: string } = {}) =>
  syncBackstage({ db, client: createTestClient(fake, { token: options.token }), pageSize: 20, full: options.full });

export const readServiceRows = async (db: Db) =>
  (
    await db
      .select({
        name: services.name,
        team: services.team,
        lifecycle: services.lifecycle,
        tier: services.tier,
        tags: services.tags,
        repository: services.repository,
      })
      .from(services)
  ).sort((a, b) => a.name.localeCompare(b.name));

export const readTeamRows = async (db: Db) =>
  (
    await db
      .select({ name: teams.name, displayName: teams.displayName, parent: teams.parent, source: teams.source })
      .from(teams)
  ).sort((a, b) => a.name.localeCompare(b.name));
