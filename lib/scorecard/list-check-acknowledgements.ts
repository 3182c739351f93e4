import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type CheckAcknowledgement = { checkId: string; note: string; createdBy: string; createdAt: Date };

/** A service's acknowledgements still in force: the newest per check, written on the check's current result. */
export const listCheckAcknowledgements = (db: Executor, service: string) =>
  queryRows<CheckAcknowledgement>(
    db,
    sql`select distinct on (a.check_id) a.check_id as "checkId", a.note, a.created_by as "createdBy",
          a.created_at as "createdAt"
        from check_acknowledgements a
        where a.service = ${service}
          and a.result_id = (
            select r.id from check_results r where r.service = a.service and r.check_id = a.check_id
            order by r.evaluated_at desc, r.id desc limit 1
          )
        order by a.check_id, a.created_at desc`,
  );
