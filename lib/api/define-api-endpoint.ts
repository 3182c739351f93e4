import type { z } from 'zod';
import type { Executor } from '../db/client';

/** Where a paged list starts and how long its page is (the cursor carries the offset). */
export type PageRequest = { offset: number; limit: number };

export type ApiAnswerContext<Q extends z.ZodObject> = {
  db: Executor;
  /** The query, validated by the endpoint's `query` schema (cursor and limit taken out of paged endpoints). */
  query: z.output<Q>;
  /** The same query as sent (strings), for readers that parse it themselves (the metrics query). */
  raw: Record<string, string>;
  /** Path parameters, decoded once. */
  path: Record<string, string>;
  page: PageRequest;
};

/**
 * One `/api/v1` read: its path (OpenAPI form, `{name}` for parameters), what it answers, the query it accepts and the
 * schema of its answer. The same object drives the route (validation, paging, ETag), the OpenAPI document and the
 * contract test, so the three cannot drift apart.
 */
export type ApiEndpoint<Q extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType> = {
  path: `/api/v1/${string}`;
  operationId: string;
  summary: string;
  tag: 'catalog' | 'metrics' | 'scorecards' | 'adoption';
  pathParams?: Record<string, string>;
  query: Q;
  /**
   * A reader of the query run before the schema, for queries shared with the CLI (the metrics query): its errors
   * (every problem by key, and rules across keys) are the ones the caller sees, the same as on the command line.
   */
  readQuery?: (raw: Record<string, string>) => void;
  /** A paged endpoint answers `{items, total, nextCursor}` and accepts `limit` and `cursor`. */
  paged: boolean;
  response: R;
  answer: (context: ApiAnswerContext<Q>) => Promise<unknown>;
};

/** Identity, typed: the answer's context follows the query schema. */
export const defineApiEndpoint = <Q extends z.ZodObject, R extends z.ZodType>(endpoint: ApiEndpoint<Q, R>): ApiEndpoint => endpoint as unknown as ApiEndpoint;
