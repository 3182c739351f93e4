import { normalizeCatalogInfo } from '../../lib/domain/normalize-catalog-info';
import { buildDemoRepository } from './build-demo-repository';
import type { Random } from './create-random';
import type { DemoService } from './demo-organization';
import { iso } from './demo-time';
import { DAY_MS, HOUR_MS } from '../../lib/format/time-units';
import type { DemoRecord } from './generate-demo-organization';
import { isPresent } from './is-present';

/**
 * A service's weekly facts records (repository tree and files, catalog entry, branch protection), oldest first, as the
 * organization table says they stand each week; the repository's head is the last commit deployed before collection.
 */
export function* generateDemoFacts(service: DemoService, start: number, end: number, days: number, deployedShas: { at: number; sha: string }[], random: Random): Generator<DemoRecord> {
  // The file rarely changes from one week to the next: parse each version once.
  const catalogs = new Map<string, ReturnType<typeof normalizeCatalogInfo>>();
  const weeks = Math.floor(days / 7);
  for (let week = weeks - 1; week >= 0; week--) {
    const collectedAt = end - week * 7 * DAY_MS - 2 * HOUR_MS;
    const day = Math.floor((collectedAt - start) / DAY_MS);
    const isProtected = isPresent(service.standards.protectedMain, day);
    const branchProtection = {
      branch: 'main',
      enabled: isProtected,
      requiredReviews: isProtected ? (service.profile === 'elite' ? 2 : 1) : 0,
      requireCodeOwnerReviews: isProtected && isPresent(service.standards.codeowners, day),
      requiredStatusChecks: isProtected ? ['ci / test'] : [],
      enforceAdmins: service.profile === 'elite',
      allowForcePushes: false,
      allowDeletions: false,
    };
    const base = { kind: 'facts', service: service.name, collectedAt: iso(collectedAt), branchProtection };
    if (service.quirk?.kind === 'facts-failed' && day >= service.quirk.day) {
      const error = `git clone of acme/${service.name} failed: Repository not found (the collector's token lost access)`;
      yield { ...base, errors: { repository: error, catalog: error } };
      continue;
    }
    const { paths, files } = buildDemoRepository(service, day);
    const headSha = deployedShas.filter((deployed) => deployed.at < collectedAt).at(-1)?.sha ?? random.hex(40);
    const content = files['catalog-info.yaml']!;
    if (!catalogs.has(content)) catalogs.set(content, normalizeCatalogInfo(content));
    const catalog = catalogs.get(content)!;
    yield {
      ...base,
      repository: { defaultBranch: 'main', headSha, paths, files, truncated: false },
      ...(catalog.status === 'ok' ? { catalog: catalog.entity } : { errors: { catalog: catalog.error } }),
    };
  }
}
