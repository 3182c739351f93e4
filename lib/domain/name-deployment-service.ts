import picomatch from 'picomatch';
import { isMonorepoTag } from './is-monorepo-tag';
import type { MonorepoService } from './monorepo-service';

export type NamedService = { service: string; environment: string };

// `checkout-production`, `checkout_production`, `checkout/production`, and the other way round.
const SEPARATORS = ['-', '_', '/'];

/** The environment left once the service's name is taken off either end, or null when it does not name it. */
const stripService = (environment: string, service: string): string | null => {
  const lower = environment.toLowerCase();
  const name = service.toLowerCase();
  for (const separator of SEPARATORS) {
    if (lower.startsWith(`${name}${separator}`) && lower.length > name.length + 1) {
      return environment.slice(name.length + 1);
    }
    if (lower.endsWith(`${separator}${name}`) && lower.length > name.length + 1) {
      return environment.slice(0, -(name.length + 1));
    }
  }
  return null;
};

const tagOf = (ref: string | null | undefined) => (ref ? ref.replace(/^refs\/tags\//, '') : null);

/**
 * Which service of a monorepo a deployment is, from what it names: its environment (`checkout-production`,
 * `production/checkout`; the environment is then what is left, `production`, so production rules keep working),
 * else its ref when that is the service's release tag (`checkout@1.4.0`, `checkout/v1.4.0`, or the waymark.yaml
 * tag glob). The longest name wins, so `api-gateway-production` is api-gateway's, not api's. Null: it names none.
 */
export const nameDeploymentService = (
  services: readonly MonorepoService[],
  deployment: { environment: string; ref?: string | null },
): NamedService | null => {
  const byLength = [...services].sort((a, b) => b.service.length - a.service.length);
  for (const { service } of byLength) {
    const environment = stripService(deployment.environment, service);
    if (environment !== null) return { service, environment };
  }
  const tag = tagOf(deployment.ref);
  if (tag === null) return null;
  for (const { service, deployTags } of byLength) {
    const named = deployTags ? picomatch(deployTags, { dot: true })(tag) : isMonorepoTag(service, tag);
    if (named) return { service, environment: deployment.environment };
  }
  return null;
};
