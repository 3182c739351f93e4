import { MAX_FACT_FILE_BYTES } from '../domain/select-fact-files';

/**
 * What one record may hold: what Postgres can store (text and jsonb hold no NUL, integer and timestamp columns have
 * ranges) and what a page can show. README's events-v1 section lists every one of these; change both together.
 */
export const INPUT_LIMITS = {
  /** Characters of one record: one NDJSON line, or one element of a JSON array. */
  recordChars: 4 * 1024 * 1024,
  /** Nesting of objects and arrays in one record, counted on the text before it is parsed. */
  depth: 32,
  /** Characters of a record's unknown fields together, as JSON (they are kept in the raw payload). */
  unknownFieldsChars: 64 * 1024,
  id: 500,
  /** Service, team, environment, lifecycle, tier, severity, pipeline name, branch, author, repository, tag. */
  name: 200,
  title: 1000,
  /** Commit messages, error texts, check details. */
  message: 10_000,
  url: 2048,
  tags: 100,
  /** A path in repository facts (Linux's PATH_MAX). */
  path: 4096,
  /** Contents of one file in repository facts: what sources collect at most. */
  fileChars: MAX_FACT_FILE_BYTES,
  /** Largest attempt number or tier: a Postgres `integer`. */
  integer: 2_147_483_647,
  /** Timestamps must be at or after `earliest` and before `latest`. */
  earliest: '1970-01-01T00:00:00Z',
  latest: '2100-01-01T00:00:00Z',
} as const;

/** Object keys that would reach an object's prototype if a record were ever merged into another object. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
