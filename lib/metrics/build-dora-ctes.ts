import { sql, type SQL } from 'drizzle-orm';
import { buildOwnerAt, buildScopeCondition } from './build-scope-condition';
import type { MetricsScope, MetricsSettings, MetricsWindow } from './metrics-types';

export type DoraCteOptions = {
  scope: MetricsScope;
  /** Disjoint windows (one for a figure, one per bucket for a series), numbered by position as `w`. */
  windows: MetricsWindow[];
  /** Pool the scope (`g` = ''), or group it by service (`g` = service name) or by owning team (`g` = team name). */
  groupBy: 'scope' | 'service' | 'team';
  settings: MetricsSettings;
  /** Read first shipments from metrics_first_shipments (built for this production pattern) instead of searching. */
  useRollup?: boolean;
};

/**
 * The definitions of METRICS.md as SQL common table expressions, shared by the figures and the drill-down lists:
 *
 * - `win(w, w_from, w_to)`, `grp(g)`: the windows and the groups of the answer;
 * - `dw`: counted deployments with `finished_at` in a window (the set D), one row per (window, deployment);
 * - `first_shipped`: the commits each deployment in D shipped first, with their lead time;
 * - `attributions`: incidents and the deployment each is attributed to (those in D fail it);
 * - `outcomes`: D with failed, recovered-at and rework flags;
 * - `restores`: incidents of the scope resolved in a window, with their restore time.
 *
 * Ties between deployments finishing at the same instant are broken by id in byte order (`collate "C"`), so
 * "earlier" and "latest" are total orders and every answer is deterministic.
 */
export const buildDoraCtes = ({ scope, windows, groupBy, settings, useRollup = false }: DoraCteOptions): SQL => {
  const pattern = settings.productionEnvironmentPattern;
  const counted = (alias: string) =>
    sql`${sql.raw(`${alias}.status = 'success' and ${alias}.finished_at is not null and ${alias}.environment ~*`)} ${pattern}`;
  const owners = settings.teamOwners ?? 'history';
  // `at`: the time the event counts at, so a team's scope and groups follow who owned the service then.
  const inScope = (column: string, at?: string) =>
    buildScopeCondition(scope, sql.raw(column), { at: at ? sql.raw(at) : undefined, owners });
  // A team's figures pool its services' events: each event's group is the team owning its service at the event's time
  // (or today, with teamOwners = current); services without one are in no team's group.
  const teamOf = (column: string, at: string) =>
    owners === 'current'
      ? sql`(select s.team from services s where s.name = ${sql.raw(column)})`
      : buildOwnerAt(sql.raw(column), sql.raw(at));
  const group = (column: string, at: string) =>
    groupBy === 'service' ? sql.raw(column) : groupBy === 'team' ? teamOf(column, at) : sql`''`;
  // Rollup rows are found service by service; a team's history also needs each row's time checked.
  const rowInScope = 'team' in scope && owners === 'history' ? inScope('f.service', 'f.finished_at') : sql`true`;
  const labels = settings.reworkLabels.map((label) => label.toLowerCase());
  const labelled =
    labels.length === 0
      ? sql`false`
      : sql`exists (select 1 from unnest(pr.labels) as l(label) where lower(l.label) in (${sql.join(
          labels.map((label) => sql`${label}`),
          sql`, `,
        )}))`;
  const attribution = sql`(${settings.attributionWindowHours}::float8 * interval '1 hour')`;
  const values = sql.join(
    windows.map(
      (window, index) =>
        sql`(${index}::int, ${window.from.toISOString()}::timestamptz, ${window.to.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  // The windows' overall bounds as values the planner can see (bounds read from `win` look unknown to it, which
  // makes it guess the size of a window and pick the wrong index for a team).
  const lo = sql`${new Date(Math.min(...windows.map((window) => window.from.getTime()))).toISOString()}::timestamptz`;
  const hi = sql`${new Date(Math.max(...windows.map((window) => window.to.getTime()))).toISOString()}::timestamptz`;
  const groups =
    groupBy === 'service'
      ? sql`select s.name as g from services s where ${inScope('s.name')}`
      : groupBy === 'team'
        ? owners === 'current'
          ? sql`select distinct s.team as g from services s where s.team is not null and ${inScope('s.name')}`
          : sql`select distinct o.team as g from service_owners o where o.team is not null and ${inScope('o.service')}`
        : sql`select ''::text as g`;
  // Rollbacks and incidents naming a deployment are few next to an organization's D: for the whole organization read
  // them all and keep those of D; for a smaller scope look each of D's deployments up instead.
  const wholeOrg = 'org' in scope;
  const namedInD = wholeOrg ? sql`true` : sql`i.caused_by in (select id from dw)`;
  const rolledBackInD = wholeOrg ? sql`true` : sql`r.rollback_of in (select id from dw)`;

  // A rollup row's deployment is counted by construction (built for this pattern) and of the row's service, so a row
  // finishing in a window and in scope is a commit shipped first by a deployment in D: no join with D needed.
  // The window's rows: for the organization from the time index; for fewer services, service by service from the
  // (service, time) index, which the planner would not choose by itself for a team.
  const rollupRows = wholeOrg
    ? sql`metrics_first_shipments f`
    : sql`(select f.* from services s
        cross join lateral (
          -- offset 0 keeps this a per-service lookup instead of letting the planner flatten it into one scan.
          select * from metrics_first_shipments f where f.service = s.name and f.finished_at >= ${lo} and f.finished_at < ${hi} offset 0
        ) f
        where ${inScope('s.name')}) f`;
  // Not materialized: each use (lead times, rework by pull request) streams the window's rows from the index.
  const firstShippedFromRollup = sql`first_shipped as not materialized (
  select win.w, ${group('f.service', 'f.finished_at')} as g, f.deployment_id, f.service, f.finished_at, f.sha, f.authored_at,
         (f.pull_request_ids is not null and exists (
           select 1 from pull_requests pr where pr.id = any(f.pull_request_ids) and (pr.is_revert or ${labelled}))) as rework_pr,
         extract(epoch from f.finished_at - f.authored_at)::float8 as lead_seconds
  from win
  join ${rollupRows} on f.finished_at >= win.w_from and f.finished_at < win.w_to
  where ${rowInScope}
),`;
  const firstShippedDirect = sql`shipped as materialized (
  -- A commit is (service, sha): two sources reporting the same commit, or a redeploy, ship it once.
  select dw.w, dw.g, dw.id as deployment_id, dw.service, dw.finished_at, c.sha, min(c.authored_at) as authored_at,
         bool_or(pr.id is not null and (pr.is_revert or ${labelled})) as rework_pr
  from dw
  join deployment_changes dc on dc.deployment_id = dw.id
  join changes c on c.id = dc.change_id and c.service = dw.service
  left join pull_requests pr on pr.id = c.pull_request_id
  group by dw.w, dw.g, dw.id, dw.service, dw.finished_at, c.sha
),
first_shipped as materialized (
  select s.*, extract(epoch from s.finished_at - s.authored_at)::float8 as lead_seconds
  from shipped s
  where not exists (
    -- From the commit's rows to the deployments that carried them, in that order (the laterals fix it): a commit has
    -- a row or two and few deployments, while its service may have thousands; with outdated statistics the planner
    -- would start from those and look the commit up once per deployment.
    select 1 from changes c2
    cross join lateral (select dc2.deployment_id from deployment_changes dc2 where dc2.change_id = c2.id offset 0) dc2
    cross join lateral (
      select 1 from deployments d2
      where d2.id = dc2.deployment_id and d2.service = s.service and ${counted('d2')}
        and (d2.finished_at < s.finished_at or (d2.finished_at = s.finished_at and d2.id collate "C" < s.deployment_id collate "C"))
      offset 0
    ) d2
    where c2.service = s.service and c2.sha = s.sha
  )
),`;

  return sql`with
win(w, w_from, w_to) as (values ${values}),
span as (select min(w_from) as lo, max(w_to) as hi from win),
grp as (${groups}),
dw as materialized (
  select win.w, ${group('d.service', 'd.finished_at')} as g, d.id, d.service, d.finished_at, d.rollback_of, d.reason
  from win join deployments d on d.finished_at >= win.w_from and d.finished_at < win.w_to
  where ${counted('d')} and ${inScope('d.service', 'd.finished_at')} and d.finished_at >= ${lo} and d.finished_at < ${hi}
),
${useRollup ? firstShippedFromRollup : firstShippedDirect}
attributions as materialized (
  -- Each incident's deployment (those outside D are ignored later). Joining D inside the laterals would re-read D per
  -- incident.
  select i.id as incident_id, i.caused_by as deployment_id, i.resolved_at
  from incidents i
  where i.caused_by is not null and ${namedInD}
  union all
  select i.id, x.id, i.resolved_at
  from incidents i
  cross join lateral (
    select d.id from deployments d
    where d.service = i.service and ${counted('d')}
      and (d.commit_sha = lower(i.caused_by_sha) or d.id in (
        select dc.deployment_id from changes c join deployment_changes dc on dc.change_id = c.id
        where c.service = i.service and c.sha = lower(i.caused_by_sha)))
    order by d.finished_at, d.id collate "C"
    limit 1
  ) x
  where i.caused_by is null and i.caused_by_sha is not null and ${inScope('i.service')}
  union all
  -- A named request, deployment URL or artifact: the deployment that is it, or that first shipped the request.
  select i.id, x.id, i.resolved_at
  from incidents i
  cross join lateral (
    select d.id from deployments d
    where d.service = i.service and ${counted('d')}
      and (d.url = i.caused_by_ref or d.artifact = i.caused_by_ref or d.id in (
        select dc.deployment_id from pull_requests pr
        join changes c on c.pull_request_id = pr.id and c.service = i.service
        join deployment_changes dc on dc.change_id = c.id
        where pr.url = i.caused_by_ref))
    order by d.finished_at, d.id collate "C"
    limit 1
  ) x
  where i.caused_by is null and i.caused_by_sha is null and i.caused_by_ref is not null and ${inScope('i.service')}
  union all
  select i.id, x.id, i.resolved_at
  from span, incidents i
  cross join lateral (
    select d.id, d.finished_at from deployments d
    where d.service = i.service and ${counted('d')} and d.finished_at <= i.opened_at
    order by d.finished_at desc, d.id collate "C" desc
    limit 1
  ) x
  where i.caused_by is null and i.caused_by_sha is null and i.caused_by_ref is null and ${inScope('i.service')}
    -- Only incidents that can fail a deployment in D: opened after the window starts, within the attribution window after it ends.
    and i.opened_at >= span.lo and i.opened_at <= span.hi + ${attribution}
    and i.opened_at - x.finished_at <= ${attribution}
),
rollbacks as (
  select r.rollback_of as deployment_id, min(r.finished_at) as first_rollback_at
  from deployments r
  where r.rollback_of is not null and ${rolledBackInD} and ${counted('r')}
  group by r.rollback_of
),
incident_outcomes as (
  select deployment_id, bool_and(resolved_at is not null) as all_resolved, max(resolved_at) as last_resolved_at
  from attributions
  group by deployment_id
),
reworked_by_pull_request as (
  select distinct deployment_id from first_shipped where rework_pr
),
outcomes as materialized (
  select dw.*,
         (rb.deployment_id is not null or io.deployment_id is not null) as failed,
         least(rb.first_rollback_at, case when io.all_resolved then io.last_resolved_at end) as recovered_at,
         -- coalesce: a deployment without a reason is not rework (null would drop it from rework = false lists).
         (dw.rollback_of is not null or coalesce(dw.reason in ('rollback', 'hotfix'), false) or pr.deployment_id is not null) as rework
  from dw
  left join rollbacks rb on rb.deployment_id = dw.id
  left join incident_outcomes io on io.deployment_id = dw.id
  left join reworked_by_pull_request pr on pr.deployment_id = dw.id
),
restores as (
  select win.w, ${group('i.service', 'i.resolved_at')} as g, i.id, i.service,
         extract(epoch from i.resolved_at - i.opened_at)::float8 as restore_seconds
  from win join incidents i on i.resolved_at >= win.w_from and i.resolved_at < win.w_to
  where ${inScope('i.service', 'i.resolved_at')} and i.resolved_at >= i.opened_at
)`;
};
