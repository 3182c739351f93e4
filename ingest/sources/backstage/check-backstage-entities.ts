import { AppError } from '../../../lib/errors';
import { BACKSTAGE_KINDS, makeBackstageEntityKey, type BackstageKind } from './backstage-ids';
import {
  BACKSTAGE_SCHEMAS,
  type BackstageComponent,
  type BackstageEntity,
  type BackstageGroup,
  type BackstageUser,
} from './backstage-payloads';

export type CheckedBackstageEntity<E extends BackstageEntity = BackstageEntity> = {
  /** `namespace/name`, lower-cased: the raw payload's key. */
  key: string;
  entity: E;
  /** As the catalog answered it: what the raw payload keeps. */
  payload: unknown;
};

export type CheckedBackstageCatalog = {
  component: CheckedBackstageEntity<BackstageComponent>[];
  group: CheckedBackstageEntity<BackstageGroup>[];
  user: CheckedBackstageEntity<BackstageUser>[];
  system: CheckedBackstageEntity[];
};

const TITLES: Record<BackstageKind, string> = {
  component: 'Component',
  group: 'Group',
  user: 'User',
  system: 'System',
};

// An entity that fails its schema may lack a readable name; what can be read of it names it anyway.
const nameOf = (value: unknown) => {
  const metadata = (value as { metadata?: { namespace?: unknown; name?: unknown } } | null)?.metadata;
  const namespace = typeof metadata?.namespace === 'string' && metadata.namespace ? metadata.namespace : 'default';
  return `${namespace}/${typeof metadata?.name === 'string' && metadata.name ? metadata.name : '(no name)'}`;
};

/**
 * Checks every entity the catalog answered against its kind's schema before anything is stored, so a bad entity
 * stores nothing: the error names each one (kind, namespace/name, field). Two entities that would be one Waymark row
 * (a service or team is named by `metadata.name` alone, so `a/cart` and `b/cart` collide) are refused the same way,
 * rather than letting one silently overwrite the other.
 */
export const checkBackstageEntities = (fetched: Record<BackstageKind, unknown[]>): CheckedBackstageCatalog => {
  const problems: string[] = [];
  const checked = { component: [], group: [], user: [], system: [] } as unknown as Record<
    BackstageKind,
    CheckedBackstageEntity[]
  >;
  for (const kind of BACKSTAGE_KINDS) {
    const names = new Map<string, string>();
    for (const payload of fetched[kind]) {
      const parsed = BACKSTAGE_SCHEMAS[kind].safeParse(payload);
      if (!parsed.success) {
        const issues = parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
        problems.push(`${TITLES[kind]} ${nameOf(payload)}: ${issues.join('; ')}`);
        continue;
      }
      const entity = parsed.data as BackstageEntity;
      const key = makeBackstageEntityKey(entity);
      const name = entity.metadata.name.toLowerCase();
      const earlier = names.get(name);
      if (earlier && (kind === 'component' || kind === 'group'))
        problems.push(`${TITLES[kind]} ${key}: metadata.name: ${earlier} has the same name (Waymark names rows by it)`);
      names.set(name, key);
      checked[kind].push({ key, entity, payload });
    }
  }
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `The Backstage catalog holds ${problems.length === 1 ? 'an entity' : `${problems.length} entities`} Waymark ` +
        `cannot read; nothing was stored. ${problems[0]}`,
      { details: problems },
    );
  return checked as unknown as CheckedBackstageCatalog;
};
