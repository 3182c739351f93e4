import { expect, it } from 'vitest';
import { getDataPresence } from '../../lib/catalog/get-data-presence';
import { getService } from '../../lib/catalog/get-service';
import { listServices } from '../../lib/catalog/list-services';
import { listTeams } from '../../lib/catalog/list-teams';
import { importEvents } from '../../ingest/sources/events/import-events';
import { asLines } from '../helpers/event-input';
import { describeEachBackend } from '../helpers/test-db';

const catalog = [
  {
    kind: 'service',
    name: 'payments',
    team: 'core',
    lifecycle: 'production',
    tier: 1,
    repository: 'acme/payments',
    tags: ['pci'],
  },
  { kind: 'service', name: 'ledger', team: 'core', lifecycle: 'production' },
  { kind: 'service', name: 'search', team: 'discovery' },
  { kind: 'service', name: 'scratch' },
];

describeEachBackend('catalog reads', ({ db }) => {
  it('says an empty install has no data', async () => {
    expect(await getDataPresence({ db: db() })).toEqual({
      hasServices: false,
      hasDeployments: false,
      hasIncidents: false,
    });
    expect(await listServices({ db: db() })).toEqual([]);
    expect(await listTeams({ db: db() })).toEqual([]);
  });

  it('lists services by name, all or one team', async () => {
    await importEvents({ db: db(), input: asLines(catalog) });
    expect((await listServices({ db: db() })).map((row) => row.name)).toEqual([
      'ledger',
      'payments',
      'scratch',
      'search',
    ]);
    expect(await listServices({ db: db(), team: 'core' })).toEqual([
      { name: 'ledger', team: 'core', lifecycle: 'production', tier: null, repository: null },
      { name: 'payments', team: 'core', lifecycle: 'production', tier: '1', repository: 'acme/payments' },
    ]);
    expect(await listServices({ db: db(), team: 'nobody' })).toEqual([]);
  });

  it('lists teams with their service counts, leaving out services without a team', async () => {
    await importEvents({ db: db(), input: asLines(catalog) });
    expect(await listTeams({ db: db() })).toEqual([
      { name: 'core', displayName: null, parent: null, services: 2, hasSubteams: false },
      { name: 'discovery', displayName: null, parent: null, services: 1, hasSubteams: false },
    ]);
  });

  it('gets one service with its tags, or null for an unknown name', async () => {
    await importEvents({ db: db(), input: asLines(catalog) });
    expect(await getService({ db: db(), name: 'payments' })).toMatchObject({
      name: 'payments',
      team: 'core',
      tags: ['pci'],
      source: 'events',
    });
    expect(await getService({ db: db(), name: 'scratch' })).toMatchObject({ team: null, tags: [] });
    expect(await getService({ db: db(), name: 'nope' })).toBeNull();
  });

  it('sees deployments and incidents once they arrive', async () => {
    await importEvents({
      db: db(),
      input: asLines([
        ...catalog,
        {
          kind: 'deployment',
          id: 'd1',
          service: 'payments',
          environment: 'production',
          status: 'success',
          finishedAt: '2026-11-01T10:00:00Z',
        },
      ]),
    });
    expect(await getDataPresence({ db: db() })).toEqual({
      hasServices: true,
      hasDeployments: true,
      hasIncidents: false,
    });
  });
});
