import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';

export type SeedSize = { services: number; deployments: number; incidents: number };

/** The instant the seeded history ends; it spans the two years before. */
export const SEED_END = new Date('2026-11-21T00:00:00Z');

/**
 * A large organization generated inside the database (setseed makes it the same every run): 20 services per team;
 * deployments spread at random over two years and stored in the order they happened, as sources deliver them, 85 % to production, 90 % successful, 1 % rollbacks, 3 % hotfixes;
 * three commits per deployment authored 10 minutes to 20 days before it (log-uniform), a tenth of them redeployed by
 * a later deployment of the service and a tenth with a pull request (a fifth of those labelled bug); incidents at
 * random, 95 % resolved within 3 days, 30 % naming a deployment.
 */
export const seedLargeOrganization = async (db: Db, { services, deployments, incidents }: SeedSize) => {
  const end = SEED_END.toISOString();
  const service = (number: string) => `'svc-' || lpad((1 + ${number} % ${services})::text, 5, '0')`;
  const steps = [
    sql`select setseed(0.42)`,
    sql.raw(`insert into services (name, team, source, source_id)
      select 'svc-' || lpad(i::text, 5, '0'), 'team-' || lpad(((i - 1) / 20 + 1)::text, 3, '0'), 'bench', i::text
      from generate_series(1, ${services}) i`),
    sql.raw(`insert into teams (name, source) select distinct team, 'bench' from services`),
    sql.raw(`insert into deployments (id, source, source_id, service, environment, status, commit_sha, started_at, finished_at, rollback_of, reason)
      select 'bench:deployment:' || g, 'bench', g::text, ${service('g')},
             case when r1 < 0.85 then 'production' else 'staging' end,
             case when r2 < 0.9 then 'success' when r2 < 0.97 then 'failure' else 'cancelled' end,
             md5('c' || (3 * g - 1)) || substr(md5('s' || (3 * g - 1)), 1, 8), at - interval '5 minutes', at,
             case when r3 < 0.01 and g > ${services} then 'bench:deployment:' || (g - ${services}) end,
             case when r3 < 0.01 then 'rollback' when r3 < 0.04 then 'hotfix' else 'planned' end
      from (select row_number() over (order by at) as g, r1, r2, r3, at
            from (select random() as r1, random() as r2, random() as r3, '${end}'::timestamptz - random() * interval '730 days' as at
                  from generate_series(1, ${deployments})) t) x
      order by g`),
    sql.raw(`insert into changes (id, source, source_id, service, sha, authored_at, pull_request_id)
      select 'bench:change:' || d.service || '@' || x.sha, 'bench', d.service || '@' || x.sha, d.service, x.sha,
             d.finished_at - 600 * exp(random() * 8) * interval '1 second',
             case when x.k % 10 = 0 then 'bench:pull_request:' || x.k end
      from (select k, k / 3 + 1 as g, md5('c' || k) || substr(md5('s' || k), 1, 8) as sha from generate_series(0, 3 * ${deployments} - 1) k) x
      join deployments d on d.id = 'bench:deployment:' || x.g
      order by x.k`),
    sql.raw(`insert into deployment_changes (deployment_id, change_id)
      select 'bench:deployment:' || g, 'bench:change:' || ${service('g')} || '@' || sha
      from (select k / 3 + 1 as g, md5('c' || k) || substr(md5('s' || k), 1, 8) as sha from generate_series(0, 3 * ${deployments} - 1) k) x
      union all
      select 'bench:deployment:' || (g + ${services}), 'bench:change:' || ${service('g')} || '@' || sha
      from (select k, k / 3 + 1 as g, md5('c' || k) || substr(md5('s' || k), 1, 8) as sha from generate_series(0, 3 * ${deployments} - 1) k) x
      where k % 10 = 1 and g + ${services} <= ${deployments}`),
    sql.raw(`insert into pull_requests (id, source, source_id, service, state, labels, is_revert, opened_at, merged_at)
      select c.pull_request_id, 'bench', c.pull_request_id, c.service, 'merged',
             case when random() < 0.2 then array['bug'] else array['feature'] end, random() < 0.02, c.authored_at, c.authored_at
      from changes c where c.pull_request_id is not null`),
    sql.raw(`insert into incidents (id, source, source_id, service, opened_at, resolved_at, caused_by)
      select 'bench:incident:' || i, 'bench', i::text, ${service('(random() * 1e9)::bigint')}, at,
             case when random() < 0.95 then at + random() * random() * interval '72 hours' end,
             case when random() < 0.3 then 'bench:deployment:' || (1 + (random() * ${deployments - 1})::int) end
      from (select row_number() over (order by at) as i, at
            from (select '${end}'::timestamptz - random() * interval '730 days' as at from generate_series(1, ${incidents})) t) x
      order by i`),
  ];
  for (const step of steps) await db.execute(step);
};
