import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { getConfig } from '../config/load-config';
import type { Executor } from '../db/client';
import { deployments, exemptions, externalCheckResults, services } from '../db/schema';
import type { FactKind } from '../domain/facts';
import { getLatestFacts } from '../domain/record-facts';
import { describeExemption } from './describe-exemption';
import { loadMetricFigures } from './load-metric-figures';
import type { Standards } from './standards-schema';
import type { ActiveExemption, ServiceInputs } from './scorecard-types';

export type LoadScorecardInputsOptions = {
  db: Executor;
  standards: Standards;
  /** Default: every service. */
  services?: readonly string[];
  /** The moment evaluated: now, or the end of a past day when history is rebuilt. */
  asOf: Date;
};

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

const loadLastDeployments = async (db: Executor, names: string[], asOf: Date) => {
  // The latest success per (service, environment); production is decided here with the same JS regex the
  // configuration validated, so SQL and JS regex dialects cannot disagree.
  const rows = await db
    .selectDistinctOn([deployments.service, deployments.environment], { service: deployments.service, environment: deployments.environment, id: deployments.id, finishedAt: deployments.finishedAt })
    .from(deployments)
    .where(and(inArray(deployments.service, names), eq(deployments.status, 'success'), lte(deployments.finishedAt, asOf)))
    .orderBy(deployments.service, deployments.environment, desc(deployments.finishedAt));
  const production = new RegExp(getConfig().metrics.productionEnvironmentPattern, 'i');
  const last = new Map<string, { id: string; environment: string; finishedAt: Date }>();
  for (const row of rows) {
    if (!row.finishedAt || !production.test(row.environment)) continue;
    const known = last.get(row.service);
    if (!known || known.finishedAt < row.finishedAt) last.set(row.service, { id: row.id, environment: row.environment, finishedAt: row.finishedAt });
  }
  return last;
};

const loadExternalResults = async (db: Executor, names: string[], asOf: Date) =>
  db
    .selectDistinctOn([externalCheckResults.service, externalCheckResults.check])
    .from(externalCheckResults)
    .where(and(inArray(externalCheckResults.service, names), lte(externalCheckResults.reportedAt, asOf)))
    .orderBy(externalCheckResults.service, externalCheckResults.check, desc(externalCheckResults.reportedAt), desc(externalCheckResults.id));

/** Exemptions in force at `asOf`: approved, granted by then, not revoked by then, and not past their last day. */
const loadExemptions = async (db: Executor, standards: Standards, names: string[], asOf: Date): Promise<ActiveExemption[]> => {
  const day = dayOf(asOf);
  const rows = await db
    .select()
    .from(exemptions)
    .where(and(inArray(exemptions.service, names), eq(exemptions.status, 'approved'), lte(exemptions.createdAt, asOf), or(isNull(exemptions.revokedAt), gt(exemptions.revokedAt, asOf)), gte(exemptions.expires, day)));
  const wanted = new Set(names);
  return [...standards.exemptions.filter((exemption) => wanted.has(exemption.service) && exemption.expires >= day), ...rows].map(describeExemption);
};

/** Everything the standards need to evaluate the given services as of one moment, in a handful of queries. */
export const loadScorecardInputs = async ({ db, standards, services: only, asOf }: LoadScorecardInputsOptions): Promise<ServiceInputs[]> => {
  const described = await db
    .select({ name: services.name, team: services.team, lifecycle: services.lifecycle, tier: services.tier, tags: services.tags })
    .from(services)
    .where(only ? inArray(services.name, [...only]) : undefined)
    .orderBy(asc(services.name));
  if (described.length === 0) return [];
  const names = described.map((service) => service.name);
  // One after the other: inside a transaction they share one connection anyway.
  const facts = await getLatestFacts(db, names, asOf);
  const lastDeployments = await loadLastDeployments(db, names, asOf);
  const external = await loadExternalResults(db, names, asOf);
  const active = await loadExemptions(db, standards, names, asOf);
  const metrics = await loadMetricFigures({ db, standards, services: names, asOf });
  const byService = new Map<string, ServiceInputs>(
    described.map((service) => [
      service.name,
      { service, facts: {}, lastDeployment: lastDeployments.get(service.name) ?? null, metrics: metrics.get(service.name) ?? {}, external: {}, exemptions: [] },
    ]),
  );
  for (const fact of facts) byService.get(fact.service)!.facts[fact.kind as FactKind] = fact;
  for (const result of external) byService.get(result.service)!.external[result.check] = result;
  for (const exemption of active) byService.get(exemption.service)?.exemptions.push(exemption);
  return [...byService.values()];
};
