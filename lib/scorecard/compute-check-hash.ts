import { stableHash } from '../domain/stable-hash';
import type { CheckDefinition } from './standards-schema';

/**
 * The version of a check: a hash of what decides its result (id, level, rule, appliesTo). Stored with every result,
 * so history tells "the rule changed" from "the service changed". Editing title, description or fix is not a
 * rule change and leaves the hash alone.
 */
export const computeCheckHash = (check: Pick<CheckDefinition, 'id' | 'level' | 'rule' | 'appliesTo'>) =>
  stableHash({ id: check.id, level: check.level, rule: check.rule, appliesTo: check.appliesTo ?? null }).slice(0, 16);
