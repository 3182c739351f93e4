import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../errors';
import { ZConfig, type Config } from './config-schema';
import { ENV_VARS } from './env-vars';

type Origin = { kind: 'env'; name: string } | { kind: 'file'; file: string; line: number };

export type LoadConfigOptions = {
  env?: Record<string, string | undefined>;
  cwd?: string;
};

export type LoadedConfig = {
  config: Config;
  /** The waymark.yaml that was read, if any. */
  configFile: string | null;
};

const setPath = (target: Record<string, unknown>, path: string, value: unknown) => {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
};

const toPlain = (node: Node | null | undefined): unknown => {
  if (!node) return undefined;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      out[key] = toPlain(pair.value as Node);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => toPlain(item as Node));
  if (isScalar(node)) return node.value;
  return undefined;
};

/** Records the line of every leaf key in the YAML file so errors can point at it. */
const collectLines = (node: Node | null | undefined, prefix: string, lines: LineCounter, out: Map<string, number>) => {
  if (!node || !isMap(node)) return;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const path = prefix ? `${prefix}.${key}` : key;
    const range = (pair.key as Node | null)?.range;
    if (range) out.set(path, lines.linePos(range[0]).line);
    collectLines(pair.value as Node, path, lines, out);
  }
};

const readEnvValue = (raw: string, kind: 'string' | 'boolean' | 'list'): unknown => {
  if (kind === 'list') return raw.split(',').map((part) => part.trim()).filter(Boolean);
  if (kind === 'boolean') {
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    return raw; // left for zod to reject with the variable named
  }
  return raw;
};

const describeIssue = (issue: z.core.$ZodIssue, origins: Map<string, Origin>, fileLines: Map<string, number>, file: string | null) => {
  const path = issue.path.join('.');
  // An issue on a list element is reported against the list's key.
  const origin = origins.get(path) ?? origins.get(issue.path.slice(0, -1).join('.'));
  if (origin?.kind === 'env') return `${origin.name}: ${issue.message}`;
  const line = fileLines.get(path) ?? fileLines.get(issue.path.slice(0, -1).join('.'));
  if (file && line) return `${file} line ${line}: ${path}: ${issue.message}`;
  return `${path}: ${issue.message}`;
};

/**
 * Reads the environment and the optional waymark.yaml once, and validates both against one schema.
 * Env vars override file keys. Every problem is reported with the variable, or the file, line and key.
 */
export const loadConfig = ({ env = process.env, cwd = process.cwd() }: LoadConfigOptions = {}): LoadedConfig => {
  const raw: Record<string, unknown> = {};
  const origins = new Map<string, Origin>();
  const fileLines = new Map<string, number>();
  const explicitFile = env.WAYMARK_CONFIG?.trim();
  const configFile = resolve(cwd, explicitFile || 'waymark.yaml');
  let usedFile: string | null = null;

  if (existsSync(/*turbopackIgnore: true*/ configFile)) {
    usedFile = configFile;
    const lineCounter = new LineCounter();
    const doc = parseDocument(readFileSync(/*turbopackIgnore: true*/ configFile, 'utf8'), { lineCounter });
    if (doc.errors.length > 0) {
      const details = doc.errors.map((error) => `${configFile} line ${error.linePos?.[0]?.line ?? '?'}: ${error.message.split('\n')[0]}`);
      throw new AppError('CONFIG_INVALID', `Invalid configuration in ${configFile}`, { details });
    }
    const parsed = toPlain(doc.contents as Node);
    if (parsed !== undefined && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
      throw new AppError('CONFIG_INVALID', `Invalid configuration in ${configFile}`, { details: [`${configFile}: the top level must be a mapping of keys`] });
    }
    Object.assign(raw, parsed ?? {});
    collectLines(doc.contents as Node, '', lineCounter, fileLines);
    for (const [path, line] of fileLines) origins.set(path, { kind: 'file', file: configFile, line });
  } else if (explicitFile) {
    throw new AppError('CONFIG_INVALID', `WAYMARK_CONFIG points at ${configFile}, which does not exist`);
  }

  for (const section of Object.keys(ZConfig.shape)) raw[section] ??= {};

  for (const variable of ENV_VARS) {
    const value = env[variable.name];
    // An empty variable means "not set", as most shells and .env files intend.
    if (value === undefined || value.trim() === '') continue;
    setPath(raw, variable.path, readEnvValue(value.trim(), variable.kind));
    origins.set(variable.path, { kind: 'env', name: variable.name });
  }

  const result = ZConfig.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map((issue) => describeIssue(issue, origins, fileLines, usedFile));
    throw new AppError('CONFIG_INVALID', 'Invalid configuration', { details });
  }
  return { config: result.data, configFile: usedFile };
};

const globalForConfig = globalThis as unknown as { waymarkConfig?: LoadedConfig };

/** The validated configuration of this process, read on first use. */
export const getConfig = (): Config => {
  globalForConfig.waymarkConfig ??= loadConfig();
  return globalForConfig.waymarkConfig.config;
};

/** Forget the cached configuration (tests and the CLI's --config handling). */
export const resetConfig = () => {
  delete globalForConfig.waymarkConfig;
};
