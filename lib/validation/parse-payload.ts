import type { z } from 'zod';

/**
 * Parses a payload a source fetched or received, or says in one line why it cannot be interpreted (kept as the raw
 * payload's error): `incident cannot be interpreted: service.id: expected string`.
 */
export const parsePayload = <T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): { ok: true; value: z.infer<T> } | { ok: false; error: string } => {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { ok: false, error: `${what} cannot be interpreted: ${issues.join('; ')}` };
};
