import { z } from 'zod';

/** POST /api/v1/roles: the user (the provider's `sub`), the role, and for an owner the team. */
export const ZRoleGrantRequest = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  role: z.enum(['owner', 'platform', 'admin']),
  team: z.string().trim().min(1).max(200).nullish(),
});
