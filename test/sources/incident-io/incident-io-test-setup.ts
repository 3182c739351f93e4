import { createIncidentIoClient } from '../../../ingest/sources/incident-io/create-incident-io-client';
import type { IncidentIoSyncSettings } from '../../../ingest/sources/incident-io/sync-incident-io';
import type { Db } from '../../../lib/db/client';
import { facts, incidents, services } from '../../../lib/db/schema';
import type { FakeIncidentIo } from '../../fakes/incident-io/fake-incident-io-server';
import type { FakeIoIncident } from '../../fakes/incident-io/incident-io-world';

export const KEY = 'io-test-key';
export const NOW = new Date('2026-06-01T00:00:00Z');

/** waymark.yaml's `incidentIo.services`: by entry id, by external id, and one the annotation overrides. */
export const CONFIGURED = { '01CE03': 'search', 'default/ledger-core': 'ledger', '01CE08': 'identity' };
export const SETTINGS: IncidentIoSyncSettings = {
  services: CONFIGURED,
  serviceFields: ['Affected services'],
  backfillDays: 400,
};

/** Where each catalog entry's incidents belong, worked out by hand from the three rules. */
export const EXPECTED_SERVICE: Record<string, string | null> = {
  '01CE01': 'payments', // annotation (entry id) on the service row's catalog entity
  '01CE02': 'checkout', // annotation (external id) in the latest catalog fact
  '01CE03': 'search', // waymark.yaml, by entry id
  '01CE04': 'ledger', // waymark.yaml, by external id
  '01CE05': 'inventory', // equal name
  '01CE06': 'shipping', // equal name, ignoring case ("Shipping")
  '01CE07': 'notifications', // the external id's last part ("default/notifications")
  '01CE08': 'auth', // annotation beats waymark.yaml ("identity") and the equal name ("identity")
  '01CE09': null,
  '01CE10': null,
};

const annotated = (value: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations: { 'incident.io/catalog-entry-id': value } },
});

export const seedWaymarkServices = async (db: Db) => {
  const names = ['payments', 'checkout', 'search', 'ledger', 'inventory', 'shipping', 'notifications', 'identity'];
  await db.insert(services).values(
    [...names, 'auth'].map((name) => ({
      name,
      source: 'test',
      sourceId: name,
      catalog: name === 'payments' ? annotated('01CE01') : name === 'auth' ? annotated('01CE08') : null,
    })),
  );
  const at = new Date('2026-05-01T00:00:00Z');
  await db.insert(facts).values({
    service: 'checkout',
    kind: 'catalog',
    source: 'github',
    status: 'ok',
    data: annotated('default/checkout-web'),
    collectedAt: at,
    checkedAt: at,
  });
};

export const createTestClient = (fake: FakeIncidentIo, sleeps: number[] = []) =>
  createIncidentIoClient({ token: KEY, apiUrl: fake.url, sleep: async (ms) => void sleeps.push(ms) });

/** Counted incidents: standard or retrospective, not declined, and of a service that maps. */
export const isExpected = (incident: FakeIoIncident) =>
  ['standard', 'retrospective'].includes(incident.mode) &&
  incident.category !== 'declined' &&
  incident.services.length > 0 &&
  EXPECTED_SERVICE[incident.services[0]!] !== null;

/** The incident row the world implies, by hand. */
export const expectedRow = (incident: FakeIoIncident) => ({
  id: `incident-io:incident:${incident.id}`,
  service: EXPECTED_SERVICE[incident.services[0]!],
  title: `INC-${incident.number}: ${incident.name}`,
  severity: incident.severity,
  openedAt: incident.reportedAt,
  acknowledgedAt: incident.reportedAt,
  resolvedAt: incident.resolvedAt,
});

export const readIncidentRows = async (db: Db) =>
  (
    await db
      .select({
        id: incidents.id,
        service: incidents.service,
        title: incidents.title,
        severity: incidents.severity,
        openedAt: incidents.openedAt,
        acknowledgedAt: incidents.acknowledgedAt,
        resolvedAt: incidents.resolvedAt,
      })
      .from(incidents)
  ).sort((a, b) => a.id.localeCompare(b.id));
