import { z } from 'zod';

export const ZService = z
  .object({ name: z.string(), team: z.string().nullable(), lifecycle: z.string().nullable(), tier: z.string().nullable(), repository: z.string().nullable() })
  .meta({ id: 'Service' });

export const ZTeam = z.object({ name: z.string(), displayName: z.string().nullable(), services: z.number().int() }).meta({ id: 'Team' });
