/**
 * The demo organization "acme", generated from a seed. Same seed and same UTC date ⇒ the same records; everything is
 * placed relative to today's UTC midnight, in the 180 days before it.
 *
 * GROUND TRUTH (what the dashboard, the scorecard and the adoption-impact analysis should find; table in
 * demo-organization.ts):
 *
 * - 40 services in 6 teams. checkout and platform are elite (about 2 deploys per weekday per service, lead time a few
 *   hours, ~4 % change failure rate, recovery under an hour) and on the golden path from the start. payments, catalog
 *   and growth are typical (about 4 deploys a week, lead time ~1.5 days, ~16 % failures, recovery ~5 h). fulfillment
 *   is slower (1–2 deploys a week, lead time ~5 days, ~22 % failures). erp-connector (fulfillment, Java) is the
 *   struggling legacy service: one release a month, lead time ~3 weeks, every other release fails, incidents every
 *   couple of weeks besides, recovery ~2 days, and it fails most standards.
 * - Org-wide trend: every service's lead time improves linearly by 10 % from the first day to the last, whatever it
 *   adopts. A naive before/after comparison therefore over-credits any adoption.
 * - golden-deploy-workflow adoption has a REAL effect: from the day a service adopts it (the deploy workflow starts
 *   using acme/platform/.github/workflows/deploy.yml@v3), its median lead time halves and its change failure rate
 *   drops to 45 % of what it was. Adopters (day of the 180): payments-api 55, search-service 70, loyalty-service 85,
 *   billing-service 95, orders-service 110, returns-service 125. tracking-api stays on @v1, which does not pass.
 * - tracing adoption (@opentelemetry/api in package.json) has NO effect: invoicing-service 45, catalog-api 60,
 *   shipping-service 75, inventory-service 90, email-campaigns 100, referral-service 120, and late, under the demo's
 *   OpenTelemetry campaign, ledger-service 156 and billing-service 168.
 * - dependency-updates adoption (renovate.json or .github/dependabot.yml) has NO effect: reviews-service 50,
 *   marketing-site 65, ledger-service 80, warehouse-sync 105, tracking-api 130.
 * - Other adoptions, also without effect: recommendations sets spec.owner on day 40, tracking-api adds CODEOWNERS on
 *   day 40, marketing-site protects main on day 90.
 * - Unknowns: ab-testing's catalog-info.yaml stops parsing on day 70 (a merge conflict), so its catalog facts are
 *   errors from then on; label-service's fact collection fails from day 150 (repository and catalog errors).
 *   product-media stops deploying on day 135, so "deployed within 30 days" fails at the end.
 * - Failures show up as incidents (80 %; 60 % of those name the deployment in causedBy, the rest rely on time
 *   attribution), rollbacks (35 %, reason rollback with rollbackOf), hotfixes (40 %, reason hotfix) or a later fix.
 *   About 3 % of deployment runs fail and are retried; CI runs fail at the profile's rate and are re-run (attempt 2).
 * - Repository facts and branch protection are collected every 7 days at 22:00 UTC, the last time the evening before
 *   today (25 collections per service).
 */
import { DEMO_SERVICES } from './demo-organization';
import { DAY_MS } from '../../lib/format/time-units';
import { generateDemoServiceHistory } from './generate-demo-service-history';

export type DemoRecord = { kind: string } & Record<string, unknown>;

export type GenerateDemoOptions = { seed: number; now: Date; days?: number };

export const DEMO_DAYS = 180;

const startOfUtcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/**
 * Generates the demo organization as events-v1 records: services, then each service's deployments (with commits),
 * incidents and pipeline runs in time order, then its weekly facts in time order. Pure and deterministic.
 */
export function* generateDemoOrganization({ seed, now, days = DEMO_DAYS }: GenerateDemoOptions): Generator<DemoRecord> {
  const end = startOfUtcDay(now);
  const start = end - days * DAY_MS;
  for (const service of DEMO_SERVICES) {
    yield { kind: 'service', name: service.name, team: service.team, lifecycle: 'production', tier: service.tier, repository: `acme/${service.name}`, tags: [service.language] };
  }
  for (const service of DEMO_SERVICES) yield* generateDemoServiceHistory(service, seed, start, end, days);
}
