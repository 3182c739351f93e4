import type { FakeCatalogEntry, FakeIncidentIoWorld, FakeIoIncident } from './incident-io-world';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../lib/format/time-units';

/** Ten services in incident.io's catalog, named the way catalogs name them (not always as the code is named). */
export const IO_ENTRIES: FakeCatalogEntry[] = [
  { id: '01CE01', name: 'Payments API', externalId: 'default/payments-api' },
  { id: '01CE02', name: 'Checkout Web', externalId: 'default/checkout-web' },
  { id: '01CE03', name: 'search-svc', externalId: null },
  { id: '01CE04', name: 'Ledger Core', externalId: 'default/ledger-core' },
  { id: '01CE05', name: 'inventory', externalId: null },
  { id: '01CE06', name: 'Shipping', externalId: null },
  { id: '01CE07', name: 'Notifications Service', externalId: 'default/notifications' },
  { id: '01CE08', name: 'identity', externalId: 'default/identity' },
  { id: '01CE09', name: 'Legacy Mainframe', externalId: null },
  { id: '01CE10', name: 'Data Warehouse', externalId: 'default/dwh' },
];


/** One incident reported at `reportedAt`, resolved after `resolveMinutes` (open when null). */
export const makeIoIncident = (
  number: number,
  services: string[],
  reportedAt: Date,
  {
    resolveMinutes = null as number | null,
    mode = 'standard' as FakeIoIncident['mode'],
    category = null as string | null,
    severity = 'Minor' as string | null,
    name = `Incident ${number}`,
    summary = null as string | null,
  } = {},
): FakeIoIncident => {
  const resolvedAt = resolveMinutes === null ? null : new Date(reportedAt.getTime() + resolveMinutes * MINUTE_MS);
  return {
    id: `01INC${String(number).padStart(5, '0')}`,
    number,
    name,
    summary,
    mode,
    category: category ?? (resolvedAt ? 'closed' : 'live'),
    severity,
    services,
    // Declared a minute after it was reported, as incidents opened from an alert are.
    createdAt: new Date(reportedAt.getTime() + MINUTE_MS),
    updatedAt: resolvedAt ?? new Date(reportedAt.getTime() + 2 * MINUTE_MS),
    reportedAt,
    resolvedAt,
  };
};

/**
 * Six incidents per catalog entry over the `days` before `now`, deterministic: every seventh still open, every
 * third Major; plus a test, a tutorial, a declined incident and one with no affected service.
 */
export const buildIncidentIoWorld = (now: Date, days = 380): FakeIncidentIoWorld => {
  const incidents: FakeIoIncident[] = [];
  let number = 0;
  for (const [index, entry] of IO_ENTRIES.entries()) {
    for (let slot = 0; slot < 6; slot++) {
      number++;
      const reportedAt = new Date(
        now.getTime() - days * DAY_MS + ((slot * 61 + index * 7) % days) * DAY_MS + (number % 13) * HOUR_MS + 2 * DAY_MS,
      );
      incidents.push(
        makeIoIncident(number, [entry.id], reportedAt, {
          resolveMinutes: number % 7 === 0 ? null : 30 + ((number * 37) % 600),
          severity: number % 3 === 0 ? 'Major' : 'Minor',
        }),
      );
    }
  }
  const late = (hours: number) => new Date(now.getTime() - 20 * DAY_MS + hours * HOUR_MS);
  incidents.push(
    makeIoIncident(61, ['01CE01'], late(1), { mode: 'test', resolveMinutes: 5 }),
    makeIoIncident(62, ['01CE01'], late(2), { mode: 'tutorial', resolveMinutes: 5 }),
    makeIoIncident(63, ['01CE01'], late(3), { category: 'declined' }),
    makeIoIncident(64, [], late(4), { resolveMinutes: 45 }),
  );
  return { entries: IO_ENTRIES.map((entry) => ({ ...entry })), incidents };
};
