import type { CatalogService } from './monorepo-service';
import { CATALOG_FILES, readCatalogFile } from './normalize-catalog-info';

const isCatalogFile = (path: string) =>
  (CATALOG_FILES as readonly string[]).includes(path.slice(path.lastIndexOf('/') + 1));

/**
 * The catalog files that make a repository a monorepo: those in sub-folders, when there is none at the top (a
 * top-level one makes the repository one service). Sources read only these files' contents, so an ordinary
 * repository costs nothing more.
 */
export const listMonorepoCatalogFiles = (paths: readonly string[]): string[] => {
  const files = paths.filter(isCatalogFile);
  return files.some((file) => !file.includes('/')) ? [] : files.sort();
};

/**
 * The components the sub-folder catalog files describe, each owning its folder (`services/checkout/**`). Invalid
 * files are skipped (the repository-level catalog fact reports catalog errors). Candidates only: each source decides
 * when one is a service (git: it has release tags of its name; forges: a deployment names it).
 */
export const listCatalogServices = (files: Readonly<Record<string, string>>): CatalogService[] => {
  const found: CatalogService[] = [];
  for (const file of listMonorepoCatalogFiles(Object.keys(files))) {
    const folder = file.slice(0, file.lastIndexOf('/'));
    const catalog = readCatalogFile({ [file.slice(folder.length + 1)]: files[file]! });
    if (catalog?.status !== 'ok') continue;
    found.push({ service: catalog.entity.metadata.name, paths: [`${folder}/**`], origin: 'catalog', catalog, file });
  }
  return found;
};
