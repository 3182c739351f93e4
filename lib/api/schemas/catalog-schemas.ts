import { z } from 'zod';

export const ZService = z
  .object({
    name: z.string(),
    team: z.string().nullable(),
    lifecycle: z.string().nullable(),
    tier: z.string().nullable(),
    repository: z.string().nullable(),
  })
  .meta({ id: 'Service' });

export const ZTeam = z
  .object({
    name: z.string(),
    displayName: z.string().nullable(),
    parent: z.string().nullable().meta({ description: 'The team above it (a Backstage group parent)' }),
    services: z.number().int().meta({ description: 'Services it owns, itself or through its sub-teams' }),
    hasSubteams: z.boolean().meta({ description: 'Whether teams below it own services (its figures pool theirs)' }),
  })
  .meta({ id: 'Team' });
