import { ZCampaign, type CampaignDefinition } from '../campaigns/campaign-schema';
import { DAY_MS } from '../format/time-units';

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The demo organization's campaign, dated from the day the demo was generated up to (`through`) so it is always
 * under way: started 100 days before, due 45 days after. It reads the built-in standards' `tracing` check, which
 * the demo's tier-1 services adopt one by one (see ingest/demo/demo-organization.ts).
 */
export const listDemoCampaigns = (through: string): CampaignDefinition[] => [
  ZCampaign.parse({
    name: 'otel-tier-1',
    title: 'OpenTelemetry on every tier-1 service',
    goal: { checks: ['tracing'] },
    scope: { tier: 1 },
    start: shift(through, -100),
    deadline: shift(through, 45),
    owner: 'platform',
    description: 'Every tier-1 service sends traces, so an incident can be followed across services.',
    link: 'https://opentelemetry.io/docs/languages/js/getting-started/nodejs/',
  }),
];
