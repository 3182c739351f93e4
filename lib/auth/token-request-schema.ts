import { z } from 'zod';
import { TOKEN_SCOPES } from './roles';

/** POST /api/v1/tokens: a name, its scopes, and optionally how many days it works. */
export const ZTokenRequest = z.strictObject({
  name: z.string().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
  expiresInDays: z.int().min(1).max(3650).optional(),
});
