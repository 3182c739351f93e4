import type { FakeIncident, FakeLogEntry, FakePagerdutyWorld } from './pagerduty-world';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../lib/format/time-units';

/** Ten PagerDuty services, named the way real accounts name them (not always as the code's service is named). */
export const PAGERDUTY_SERVICES = [
  { id: 'PSVC001', name: 'Payments API' },
  { id: 'PSVC002', name: 'Checkout' },
  { id: 'PSVC003', name: 'search-svc' },
  { id: 'PSVC004', name: 'Ledger' },
  { id: 'PSVC005', name: 'inventory' },
  { id: 'PSVC006', name: 'Shipping' },
  { id: 'PSVC007', name: 'notifications' },
  { id: 'PSVC008', name: 'identity' },
  { id: 'PSVC009', name: 'Legacy Mainframe' },
  { id: 'PSVC010', name: 'Data Warehouse' },
];


let entrySequence = 0;
const entry = (type: FakeLogEntry['type'], at: Date): FakeLogEntry => ({
  id: `RLE${String(++entrySequence).padStart(6, '0')}`,
  type,
  at,
});

/** One incident: triggered at `createdAt`, optionally acknowledged and resolved after the given minutes. */
export const makeIncident = (
  number: number,
  serviceId: string,
  createdAt: Date,
  {
    ackMinutes = null as number | null,
    resolveMinutes = null as number | null,
    urgency = 'high' as 'high' | 'low',
    priority = null as string | null,
  } = {},
): FakeIncident => {
  const log = [
    entry('trigger_log_entry', createdAt),
    entry('notify_log_entry', new Date(createdAt.getTime() + MINUTE_MS)),
  ];
  if (ackMinutes !== null)
    log.push(entry('acknowledge_log_entry', new Date(createdAt.getTime() + ackMinutes * MINUTE_MS)));
  if (resolveMinutes !== null)
    log.push(entry('resolve_log_entry', new Date(createdAt.getTime() + resolveMinutes * MINUTE_MS)));
  return {
    id: `PINC${String(number).padStart(5, '0')}`,
    number,
    title: `Incident ${number}`,
    serviceId,
    urgency,
    priority,
    createdAt,
    log,
  };
};

/**
 * Six incidents per service spread over the `days` before `now`, deterministic: every third one has a priority,
 * every fourth is low urgency, every seventh is still open, and acknowledgement and resolution times vary.
 */
export const buildPagerdutyWorld = (now: Date, days = 380): FakePagerdutyWorld => {
  entrySequence = 0;
  const incidents: FakeIncident[] = [];
  let number = 0;
  for (const [index, service] of PAGERDUTY_SERVICES.entries()) {
    for (let slot = 0; slot < 6; slot++) {
      number++;
      const createdAt = new Date(
        now.getTime() - days * DAY_MS + ((slot * 61 + index * 7) % days) * DAY_MS + (number % 13) * HOUR_MS + 2 * DAY_MS,
      );
      const open = number % 7 === 0;
      incidents.push(
        makeIncident(number, service.id, createdAt, {
          ackMinutes: number % 5 === 0 ? null : 3 + (number % 11),
          resolveMinutes: open ? null : 30 + ((number * 37) % 600),
          urgency: number % 4 === 0 ? 'low' : 'high',
          priority: number % 3 === 0 ? `P${(number % 4) + 1}` : null,
        }),
      );
    }
  }
  return { services: PAGERDUTY_SERVICES.map((service) => ({ ...service })), incidents };
};
