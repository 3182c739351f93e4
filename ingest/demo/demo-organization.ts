/**
 * The demo organization "acme": who owns what, how each service delivers, and when it adopts which standard.
 * generate-demo-organization.ts turns this table into events; its header states the ground truth in words.
 */

export type DeliveryProfile = 'elite' | 'high' | 'medium' | 'legacy';
export type Language = 'node' | 'go' | 'python' | 'java';
/** true: all period; false: never; a number: from that day of the 180 (0 = first day) on. */
export type Presence = boolean | number;

export type DemoStandards = {
  codeowners: Presence;
  catalogOwner: Presence;
  readme: Presence;
  goldenDeploy: Presence;
  dependencyUpdates: Presence;
  tracing: Presence;
  protectedMain: Presence;
};

export type DemoService = {
  name: string;
  team: string;
  language: Language;
  tier: 1 | 2 | 3;
  profile: DeliveryProfile;
  /** Multiplies the profile's deploy rate (and divides its lead time by the square root), so a team's services differ. */
  pace?: number;
  standards: DemoStandards;
  quirk?: { kind: 'broken-catalog' | 'facts-failed' | 'stopped-deploying'; day: number };
  /** The deploy workflow of a service without the golden one: an old golden version, or its own script. */
  legacyWorkflow?: 'golden-v1' | 'script';
};

export type DemoProfile = {
  /** Mean deployments per weekday (weekends get 3 % of it). */
  deploysPerWeekday: number;
  /** Median hours from a commit's author time to its deployment, at the start of the period. */
  leadTimeHours: number;
  changeFailureRate: number;
  /** Median hours from a failure's incident to its resolution. */
  recoveryHours: number;
  commitsPerDeploy: number;
  /** How soon a rollback or hotfix follows a failed deployment, in hours. */
  remedyHours: number;
  ciFailureRate: number;
};

export const DEMO_PROFILES: Record<DeliveryProfile, DemoProfile> = {
  elite: { deploysPerWeekday: 2.2, leadTimeHours: 4, changeFailureRate: 0.04, recoveryHours: 0.7, commitsPerDeploy: 1.6, remedyHours: 0.5, ciFailureRate: 0.05 },
  high: { deploysPerWeekday: 0.8, leadTimeHours: 40, changeFailureRate: 0.16, recoveryHours: 5, commitsPerDeploy: 2.5, remedyHours: 2, ciFailureRate: 0.1 },
  medium: { deploysPerWeekday: 0.32, leadTimeHours: 130, changeFailureRate: 0.22, recoveryHours: 14, commitsPerDeploy: 3.5, remedyHours: 6, ciFailureRate: 0.15 },
  // Monthly releases of a month's work; every other one breaks something.
  legacy: { deploysPerWeekday: 0, leadTimeHours: 500, changeFailureRate: 0.5, recoveryHours: 40, commitsPerDeploy: 14, remedyHours: 20, ciFailureRate: 0.3 },
};

export const DEMO_TEAMS = ['checkout', 'platform', 'payments', 'catalog', 'fulfillment', 'growth'] as const;

const GOLD: DemoStandards = { codeowners: true, catalogOwner: true, readme: true, goldenDeploy: true, dependencyUpdates: true, tracing: true, protectedMain: true };
const TYPICAL: DemoStandards = { codeowners: true, catalogOwner: true, readme: true, goldenDeploy: false, dependencyUpdates: false, tracing: false, protectedMain: true };
const with_ = (base: DemoStandards, changes: Partial<DemoStandards>): DemoStandards => ({ ...base, ...changes });

export const DEMO_SERVICES: DemoService[] = [
  // checkout: elite, on the golden path from the start.
  { name: 'checkout-api', team: 'checkout', language: 'node', tier: 1, profile: 'elite', standards: GOLD },
  { name: 'cart-service', team: 'checkout', language: 'node', tier: 1, profile: 'elite', pace: 1.2, standards: GOLD },
  { name: 'checkout-web', team: 'checkout', language: 'node', tier: 1, profile: 'elite', pace: 1.3, standards: GOLD },
  { name: 'promotions-service', team: 'checkout', language: 'node', tier: 2, profile: 'elite', pace: 0.8, standards: GOLD },
  { name: 'tax-calculator', team: 'checkout', language: 'node', tier: 2, profile: 'elite', pace: 0.6, standards: GOLD },
  { name: 'gift-cards', team: 'checkout', language: 'node', tier: 3, profile: 'elite', pace: 0.5, standards: with_(GOLD, { dependencyUpdates: false }) },
  // platform: elite; Go services cannot pass the Node tracing check.
  { name: 'api-gateway', team: 'platform', language: 'go', tier: 1, profile: 'elite', standards: GOLD },
  { name: 'auth-service', team: 'platform', language: 'go', tier: 1, profile: 'elite', pace: 0.8, standards: GOLD },
  { name: 'feature-flags', team: 'platform', language: 'node', tier: 2, profile: 'elite', pace: 0.9, standards: GOLD },
  { name: 'notification-service', team: 'platform', language: 'node', tier: 2, profile: 'elite', pace: 0.7, standards: GOLD },
  { name: 'config-service', team: 'platform', language: 'go', tier: 2, profile: 'elite', pace: 0.5, standards: GOLD },
  { name: 'developer-portal', team: 'platform', language: 'node', tier: 3, profile: 'elite', pace: 0.6, standards: with_(GOLD, { tracing: false }) },
  { name: 'rate-limiter', team: 'platform', language: 'go', tier: 2, profile: 'elite', pace: 0.4, standards: GOLD },
  // payments: typical; two services adopt the golden deploy workflow, one adopts tracing.
  { name: 'payments-api', team: 'payments', language: 'node', tier: 1, profile: 'high', standards: with_(TYPICAL, { goldenDeploy: 55 }) },
  // billing and ledger adopt tracing late, under the demo's OpenTelemetry campaign (lib/demo/demo-campaigns.ts).
  { name: 'billing-service', team: 'payments', language: 'node', tier: 1, profile: 'high', pace: 0.9, standards: with_(TYPICAL, { goldenDeploy: 95, tracing: 168 }) },
  { name: 'invoicing-service', team: 'payments', language: 'node', tier: 2, profile: 'high', pace: 0.8, standards: with_(TYPICAL, { tracing: 45 }) },
  { name: 'fraud-detection', team: 'payments', language: 'python', tier: 1, profile: 'high', pace: 0.9, standards: TYPICAL },
  { name: 'ledger-service', team: 'payments', language: 'node', tier: 1, profile: 'high', pace: 0.7, standards: with_(TYPICAL, { dependencyUpdates: 80, tracing: 156 }) },
  { name: 'payouts-service', team: 'payments', language: 'node', tier: 2, profile: 'high', pace: 0.8, standards: with_(TYPICAL, { dependencyUpdates: true }) },
  { name: 'refunds-service', team: 'payments', language: 'node', tier: 2, profile: 'high', pace: 0.7, standards: with_(TYPICAL, { tracing: true }) },
  // catalog: typical.
  { name: 'catalog-api', team: 'catalog', language: 'node', tier: 1, profile: 'high', pace: 1.1, standards: with_(TYPICAL, { tracing: 60 }) },
  { name: 'search-service', team: 'catalog', language: 'node', tier: 1, profile: 'high', standards: with_(TYPICAL, { goldenDeploy: 70 }) },
  { name: 'inventory-service', team: 'catalog', language: 'node', tier: 1, profile: 'high', pace: 0.9, standards: with_(TYPICAL, { tracing: 90 }) },
  { name: 'recommendations', team: 'catalog', language: 'python', tier: 2, profile: 'high', pace: 0.7, standards: with_(TYPICAL, { catalogOwner: 40 }) },
  { name: 'product-media', team: 'catalog', language: 'node', tier: 3, profile: 'high', pace: 0.5, standards: TYPICAL, quirk: { kind: 'stopped-deploying', day: 135 } },
  { name: 'reviews-service', team: 'catalog', language: 'node', tier: 2, profile: 'high', pace: 0.6, standards: with_(TYPICAL, { dependencyUpdates: 50 }) },
  { name: 'pricing-feed', team: 'catalog', language: 'node', tier: 2, profile: 'high', pace: 0.6, standards: with_(TYPICAL, { dependencyUpdates: true }) },
  // fulfillment: slower, with the struggling legacy ERP connector.
  { name: 'orders-service', team: 'fulfillment', language: 'node', tier: 1, profile: 'medium', pace: 1.3, standards: with_(TYPICAL, { goldenDeploy: 110 }) },
  { name: 'shipping-service', team: 'fulfillment', language: 'node', tier: 1, profile: 'medium', pace: 1.2, standards: with_(TYPICAL, { tracing: 75 }) },
  { name: 'warehouse-sync', team: 'fulfillment', language: 'node', tier: 2, profile: 'medium', standards: with_(TYPICAL, { codeowners: false, dependencyUpdates: 105 }) },
  { name: 'returns-service', team: 'fulfillment', language: 'node', tier: 2, profile: 'medium', pace: 1.2, standards: with_(TYPICAL, { goldenDeploy: 125 }) },
  { name: 'tracking-api', team: 'fulfillment', language: 'node', tier: 2, profile: 'medium', standards: with_(TYPICAL, { codeowners: 40, dependencyUpdates: 130 }), legacyWorkflow: 'golden-v1' },
  { name: 'label-service', team: 'fulfillment', language: 'node', tier: 3, profile: 'medium', pace: 0.8, standards: with_(TYPICAL, { codeowners: false }), quirk: { kind: 'facts-failed', day: 150 } },
  {
    name: 'erp-connector',
    team: 'fulfillment',
    language: 'java',
    tier: 2,
    profile: 'legacy',
    standards: { codeowners: false, catalogOwner: false, readme: true, goldenDeploy: false, dependencyUpdates: false, tracing: false, protectedMain: false },
  },
  // growth: typical.
  { name: 'marketing-site', team: 'growth', language: 'node', tier: 3, profile: 'high', pace: 1.2, standards: with_(TYPICAL, { protectedMain: 90, dependencyUpdates: 65 }) },
  { name: 'email-campaigns', team: 'growth', language: 'node', tier: 2, profile: 'high', pace: 0.8, standards: with_(TYPICAL, { tracing: 100 }) },
  { name: 'loyalty-service', team: 'growth', language: 'node', tier: 2, profile: 'high', pace: 0.9, standards: with_(TYPICAL, { goldenDeploy: 85 }) },
  { name: 'referral-service', team: 'growth', language: 'node', tier: 3, profile: 'high', pace: 0.7, standards: with_(TYPICAL, { tracing: 120 }) },
  { name: 'ab-testing', team: 'growth', language: 'node', tier: 3, profile: 'high', pace: 0.6, standards: TYPICAL, quirk: { kind: 'broken-catalog', day: 70 } },
  { name: 'analytics-ingest', team: 'growth', language: 'python', tier: 2, profile: 'high', pace: 0.8, standards: with_(TYPICAL, { codeowners: false }) },
];
