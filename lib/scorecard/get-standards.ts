import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getConfig } from '../config/load-config';
import { AppError } from '../errors';
import { DEFAULT_STANDARDS_YAML } from './default-standards';
import { parseStandards } from './parse-standards';
import type { Standards } from './standards-schema';

export type GetStandardsOptions = {
  /** The standards file; default: `standards.path` (WAYMARK_STANDARDS), else ./golden-path.yaml when it exists. */
  path?: string;
  cwd?: string;
};

type Cached = { key: string; standards: Standards };
const globalForStandards = globalThis as unknown as { waymarkStandards?: Cached };

/**
 * The standards in force: the configured file, ./golden-path.yaml, or the built-in default set, in that order.
 * The file is read on every call (it is small) and parsed again only when its content changed, so a running
 * server picks up edits without a restart. A broken file throws, naming every problem; nothing is evaluated with it.
 */
export const getStandards = ({ path, cwd = process.cwd() }: GetStandardsOptions = {}): Standards => {
  const configured = path ?? getConfig().standards.path;
  const file = resolve(cwd, configured ?? 'golden-path.yaml');
  if (!existsSync(/*turbopackIgnore: true*/ file)) {
    if (configured) throw new AppError('CONFIG_INVALID', `The standards file ${file} does not exist (standards.path / WAYMARK_STANDARDS)`);
    return (globalForStandards.waymarkStandards =
      globalForStandards.waymarkStandards?.key === 'built-in' ? globalForStandards.waymarkStandards : { key: 'built-in', standards: parseStandards(DEFAULT_STANDARDS_YAML, 'built-in') }).standards;
  }
  // Keyed by content, not modification time: two edits within one clock tick must not be missed.
  const content = readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
  const key = `${file}|${content}`;
  if (globalForStandards.waymarkStandards?.key === key) return globalForStandards.waymarkStandards.standards;
  const standards = parseStandards(content, file);
  globalForStandards.waymarkStandards = { key, standards };
  return standards;
};
