import { sql, type SQL } from 'drizzle-orm';
import { buildDoraCtes, type DoraCteOptions } from './build-dora-ctes';

/**
 * Every figure of every (window, group) cell as one statement: the database does the counting, joining and
 * percentiles (continuous, as `percentile_cont`); the caller only rounds and classifies.
 */
export const buildDoraCellsQuery = (options: DoraCteOptions): SQL => {
  // One cell (a figure, not a series or table): aggregate without GROUP BY, which spares sorting every sample by
  // constant keys before the percentiles sort them again.
  const single = options.windows.length === 1 && options.groupBy === 'scope';
  const keys = single ? sql`0 as w, ''::text as g` : sql`w, g`;
  const groupBy = single ? sql`` : sql`group by w, g`;
  return sql`${buildDoraCtes(options)},
deploy_days as (select distinct w, g, date_trunc('day', finished_at at time zone 'UTC') as day from dw),
periods as (
  -- The full ISO weeks (Monday 00:00 UTC) and full calendar months inside each window.
  select win.w, p.kind, p.start, p.start + p.step as stop
  from win
  cross join lateral (values
    ('week', date_trunc('week', (win.w_from at time zone 'UTC') - interval '1 microsecond') + interval '7 days', interval '7 days'),
    ('month', date_trunc('month', (win.w_from at time zone 'UTC') - interval '1 microsecond') + interval '1 month', interval '1 month')
  ) as first(kind, start, step)
  cross join lateral (
    select first.kind, s.start, first.step from generate_series(first.start, win.w_to at time zone 'UTC', first.step) as s(start)
  ) as p
  where p.start + p.step <= win.w_to at time zone 'UTC'
),
period_days as (
  select p.w, grp.g, p.kind, p.start, count(dd.day)::int as days
  from periods p
  cross join grp
  left join deploy_days dd on dd.w = p.w and dd.g = grp.g and dd.day >= p.start and dd.day < p.stop
  group by p.w, grp.g, p.kind, p.start
),
frequency as (
  select ${keys},
         count(*) filter (where kind = 'week')::int as full_weeks,
         percentile_cont(0.5) within group (order by days) filter (where kind = 'week') as week_median,
         count(*) filter (where kind = 'month')::int as full_months,
         percentile_cont(0.5) within group (order by days) filter (where kind = 'month') as month_median
  from period_days
  ${groupBy}
),
deployment_figures as (
  select ${keys}, count(*)::int as deployments, count(*) filter (where failed)::int as failed, count(*) filter (where rework)::int as rework,
         count(*) filter (where failed and recovered_at >= finished_at)::int as recovered,
         percentile_cont(0.5) within group (order by extract(epoch from recovered_at - finished_at)::float8)
           filter (where failed and recovered_at >= finished_at) as recovery_p50
  from outcomes
  ${groupBy}
),
lead_figures as (
  select ${keys}, count(*)::int as changes,
         percentile_cont(array[0.5, 0.9]::float8[]) within group (order by lead_seconds) as lead_percentiles
  from first_shipped
  where lead_seconds >= 0
  ${groupBy}
),
restore_figures as (
  select ${keys}, count(*)::int as incidents, percentile_cont(0.5) within group (order by restore_seconds) as restore_p50
  from restores
  ${groupBy}
)
select win.w, grp.g,
       coalesce(df.deployments, 0) as deployments, coalesce(df.failed, 0) as failed, coalesce(df.recovered, 0) as recovered,
       df.recovery_p50::float8 as "recoveryP50", coalesce(df.rework, 0) as rework,
       coalesce(lf.changes, 0) as changes, lf.lead_percentiles[1]::float8 as "leadP50", lf.lead_percentiles[2]::float8 as "leadP90",
       coalesce(fq.full_weeks, 0) as "fullWeeks", fq.week_median::float8 as "weekMedian",
       coalesce(fq.full_months, 0) as "fullMonths", fq.month_median::float8 as "monthMedian",
       coalesce(rf.incidents, 0) as incidents, rf.restore_p50::float8 as "restoreP50"
from win
cross join grp
left join deployment_figures df on df.w = win.w and df.g = grp.g
left join lead_figures lf on lf.w = win.w and lf.g = grp.g
left join frequency fq on fq.w = win.w and fq.g = grp.g
left join restore_figures rf on rf.w = win.w and rf.g = grp.g
order by win.w, grp.g`;
};
