import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type CheckChange = {
  resultId: number;
  kind: 'check-regression' | 'check-recovery';
  service: string;
  team: string | null;
  checkId: string;
  title: string | null;
  level: string | null;
  evaluatedAt: Date;
};

/** How many changes one run reads; a full page means more may follow. */
export const CHECK_CHANGES_PAGE = 500;

/**
 * Results written after `afterId` that turn a passing check into a failing one, or back, under the same rule (same
 * check hash): a changed rule is the platform team's doing, not the service's, and is not announced. Exempt,
 * skipped and unknown results neither start nor end a failure.
 */
export const listCheckChanges = (db: Executor, afterId: number, limit = CHECK_CHANGES_PAGE) =>
  queryRows<CheckChange>(
    db,
    sql`select r.id::int as "resultId",
          case when r.status = 'fail' then 'check-regression' else 'check-recovery' end as kind,
          r.service, s.team, r.check_id as "checkId", d.definition->>'title' as title,
          d.definition->>'level' as level, r.evaluated_at as "evaluatedAt"
        from check_results r
        join lateral (
          select p.status, p.check_hash from check_results p
          where p.service = r.service and p.check_id = r.check_id and p.id < r.id
          order by p.evaluated_at desc, p.id desc limit 1
        ) p on true
        left join services s on s.name = r.service
        left join check_definitions d on d.hash = r.check_hash
        where r.id > ${afterId} and p.check_hash = r.check_hash
          and ((p.status = 'pass' and r.status = 'fail') or (p.status = 'fail' and r.status = 'pass'))
        order by r.id
        limit ${limit}`,
  );
