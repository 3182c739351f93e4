import type { CatalogInfo } from './normalize-catalog-info';

/** One service of a monorepo: the paths (globs) it owns, and optionally its deployment tag glob (waymark.yaml). */
export type MonorepoService = {
  service: string;
  paths: string[];
  deployTags?: string;
  origin: 'waymark.yaml' | 'catalog';
};

/** A service of waymark.yaml's `git.services` (read by the git and GitHub sources alike). */
export type ConfiguredService = { name: string; repository: string; paths: string[]; tags?: string };

/** A component a catalog file in a sub-folder describes (`file`): a candidate service owning its folder. */
export type CatalogService = MonorepoService & { origin: 'catalog'; catalog: CatalogInfo; file: string };
