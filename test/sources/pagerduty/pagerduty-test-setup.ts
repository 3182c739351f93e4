import { createPagerdutyClient } from '../../../ingest/sources/pagerduty/create-pagerduty-client';
import type { PagerdutySettings } from '../../../ingest/sources/pagerduty/sync-pagerduty';
import type { Db } from '../../../lib/db/client';
import { facts, incidents, services } from '../../../lib/db/schema';
import type { FakePagerduty } from '../../fakes/pagerduty/fake-pagerduty-server';
import type { FakeIncident } from '../../fakes/pagerduty/pagerduty-world';

export const TOKEN = 'pd-test-token';
export const NOW = new Date('2026-06-01T00:00:00Z');

/** waymark.yaml's `pagerduty.services` in these tests; PSVC008 is annotated too, and the annotation wins. */
export const CONFIGURED = { PSVC003: 'search', PSVC004: 'ledger', PSVC008: 'identity' };
export const SETTINGS: PagerdutySettings = { services: CONFIGURED, backfillDays: 400, windowDays: 180 };

/** Where each PagerDuty service's incidents belong, worked out by hand from the three rules. */
export const EXPECTED_SERVICE: Record<string, string | null> = {
  PSVC001: 'payments', // annotation on the service row's catalog entity
  PSVC002: 'checkout', // annotation in the latest catalog fact
  PSVC003: 'search', // waymark.yaml
  PSVC004: 'ledger', // waymark.yaml
  PSVC005: 'inventory', // equal name
  PSVC006: 'shipping', // equal name, ignoring case ("Shipping")
  PSVC007: 'notifications', // equal name
  PSVC008: 'auth', // annotation beats waymark.yaml ("identity") and the equal name ("identity")
  PSVC009: null,
  PSVC010: null,
};

const annotated = (id: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations: { 'pagerduty.com/service-id': id } },
});

/** The Waymark side: services, two annotated through their row's catalog, one through a catalog fact. */
export const seedWaymarkServices = async (db: Db) => {
  const names = [
    'payments',
    'checkout',
    'search',
    'ledger',
    'inventory',
    'shipping',
    'notifications',
    'identity',
    'auth',
  ];
  await db
    .insert(services)
    .values(
      names.map((name) => ({
        name,
        source: 'test',
        sourceId: name,
        catalog: name === 'payments' ? annotated('PSVC001') : name === 'auth' ? annotated('PSVC008') : null,
      })),
    );
  const at = new Date('2026-05-01T00:00:00Z');
  await db
    .insert(facts)
    .values({
      service: 'checkout',
      kind: 'catalog',
      source: 'github',
      status: 'ok',
      data: annotated('PSVC002'),
      collectedAt: at,
      checkedAt: at,
    });
};

export const createTestClient = (fake: FakePagerduty, sleeps: number[] = []) =>
  createPagerdutyClient({ token: TOKEN, apiUrl: fake.url, sleep: async (ms) => void sleeps.push(ms) });

/** The incident row the world implies, by hand: log-entry times, priority else urgency. */
export const expectedRow = (incident: FakeIncident) => {
  const find = (type: string) => incident.log.find((entry) => entry.type === type)?.at ?? null;
  const resolved =
    incident.log.filter((entry) => entry.type !== 'notify_log_entry').at(-1)?.type === 'resolve_log_entry';
  return {
    id: `pagerduty:incident:${incident.id}`,
    service: EXPECTED_SERVICE[incident.serviceId],
    severity: incident.priority ?? incident.urgency,
    openedAt: incident.createdAt,
    acknowledgedAt: find('acknowledge_log_entry'),
    resolvedAt: resolved ? incident.log.findLast((entry) => entry.type === 'resolve_log_entry')!.at : null,
  };
};

export const readIncidentRows = async (db: Db) =>
  (
    await db
      .select({
        id: incidents.id,
        service: incidents.service,
        severity: incidents.severity,
        openedAt: incidents.openedAt,
        acknowledgedAt: incidents.acknowledgedAt,
        resolvedAt: incidents.resolvedAt,
      })
      .from(incidents)
  ).sort((a, b) => a.id.localeCompare(b.id));
