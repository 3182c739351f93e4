import { z } from 'zod';

/** Every error answer (lib/http/json-response.ts): a message for people, a stable code, and each problem by field. */
export const ZApiError = z
  .object({ error: z.string(), code: z.string(), details: z.array(z.string()).optional() })
  .meta({ id: 'Error' });
