import { isReleaseVersion } from './release-version';

/** The prefixes of a monorepo service's own tags: its name, then @ or / (`checkout@1.4.0`, `checkout/v1.4.0`). */
export const monorepoTagPrefixes = (service: string) => [`${service}@`, `${service}/`];

/**
 * Whether a tag is a release of one service of a monorepo: a prefix of its name, then a release version. Shared by
 * the git source (tags are its deployments) and forges (a deployment whose ref is such a tag names the service).
 */
export const isMonorepoTag = (service: string, tag: string) =>
  monorepoTagPrefixes(service).some((prefix) => tag.startsWith(prefix) && isReleaseVersion(tag.slice(prefix.length)));
