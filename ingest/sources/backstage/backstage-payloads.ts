import { z } from 'zod';
import type { BackstageKind } from './backstage-ids';

/**
 * The parts of Backstage catalog entities Waymark reads, after the descriptor format
 * (backstage.io/docs/features/software-catalog/descriptor-format, and @backstage/catalog-model's
 * ComponentEntityV1alpha1, GroupEntityV1alpha1, UserEntityV1alpha1, SystemEntityV1alpha1). Loose objects: catalogs
 * carry more (relations, custom fields), and the raw payload keeps all of it.
 */
const ref = z.string().trim().min(1);
const metadata = z.looseObject({
  name: z.string().trim().min(1).max(253),
  namespace: z.string().trim().min(1).max(253).optional(),
  uid: z.string().optional(),
  etag: z.string().optional(),
  title: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  tags: z.array(z.string()).optional(),
});
const entity = <K extends string, S extends z.ZodType>(kind: K, spec: S) =>
  z.looseObject({ apiVersion: z.string().min(1), kind: z.literal(kind), metadata, spec });

export const ZBackstageComponent = entity(
  'Component',
  z.looseObject({
    type: z.string().min(1),
    lifecycle: z.string().min(1),
    owner: ref,
    system: ref.optional(),
    subcomponentOf: ref.optional(),
  }),
);
export const ZBackstageGroup = entity(
  'Group',
  z.looseObject({
    type: z.string().min(1),
    profile: z.looseObject({ displayName: z.string().optional(), email: z.string().optional() }).optional(),
    parent: ref.optional(),
    children: z.array(ref),
    members: z.array(ref).optional(),
  }),
);
export const ZBackstageUser = entity(
  'User',
  z.looseObject({
    profile: z.looseObject({ displayName: z.string().optional(), email: z.string().optional() }).optional(),
    memberOf: z.array(ref).optional(),
  }),
);
export const ZBackstageSystem = entity('System', z.looseObject({ owner: ref, domain: ref.optional() }));

export type BackstageComponent = z.infer<typeof ZBackstageComponent>;
export type BackstageGroup = z.infer<typeof ZBackstageGroup>;
export type BackstageUser = z.infer<typeof ZBackstageUser>;
export type BackstageEntity = BackstageComponent | BackstageGroup | BackstageUser | z.infer<typeof ZBackstageSystem>;

export const BACKSTAGE_SCHEMAS = {
  component: ZBackstageComponent,
  group: ZBackstageGroup,
  user: ZBackstageUser,
  system: ZBackstageSystem,
} as const satisfies Record<BackstageKind, z.ZodType>;

/**
 * `GET /entities/by-query`'s answer (software-catalog-api, "Query entities"; catalog-client's QueryEntitiesResponse):
 * a page of entities, the total and the cursors. Entities stay unknown here: each is checked by its kind's schema.
 */
export const ZBackstageQueryPage = z.looseObject({
  items: z.array(z.unknown()),
  totalItems: z.number().int().nonnegative().optional(),
  pageInfo: z.looseObject({ nextCursor: z.string().min(1).optional(), prevCursor: z.string().min(1).optional() }),
});
