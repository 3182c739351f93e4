import { describe, expect, it } from 'vitest';
import { filterHref, readFilters, toScope, toWindow } from '../../app/_components/filters/read-filters';
import { toPreviousWindow } from '../../lib/metrics/describe-period-change';
import { formatExpiry } from '../../app/_components/format/format-expiry';
import { formatRelativeTime } from '../../app/_components/format/format-relative-time';
import { formatWindow } from '../../app/_components/format/format-window';
import { readSort, sortRows } from '../../app/_components/ui/sort-rows';

describe('dashboard filters from the URL', () => {
  it('reads range, team, service and bucket, falling back to defaults on anything malformed', () => {
    expect(readFilters({}, 90)).toEqual({ days: 90, team: null, service: null, bucket: 'week' });
    expect(readFilters({ range: '30d', team: 'payments', service: ' ', bucket: 'month' }, 90)).toEqual({ days: 30, team: 'payments', service: null, bucket: 'month' });
    expect(readFilters({ range: ['180d', '30d'] }, 90).days).toBe(180);
    for (const range of ['3d', '3651d', '30', 'abc', '-30d']) expect(readFilters({ range }, 90).days).toBe(90);
    expect(readFilters({ range: '730d' }, 90).days).toBe(730);
    expect(readFilters({ bucket: 'year' }, 90).bucket).toBe('week');
  });

  it('turns filters into a scope: a service wins over a team, neither is the organization', () => {
    expect(toScope({ team: 'payments', service: 'ledger' })).toEqual({ service: 'ledger' });
    expect(toScope({ team: 'payments', service: null })).toEqual({ team: 'payments' });
    expect(toScope({ team: null, service: null })).toEqual({ org: true });
  });

  it('windows end at the next UTC midnight, and the previous window has the same length just before', () => {
    const window = toWindow({ days: 30, team: null, service: null, bucket: 'week' }, new Date('2026-11-21T15:30:00Z'));
    expect(window).toEqual({ from: new Date('2026-10-23T00:00:00Z'), to: new Date('2026-11-22T00:00:00Z') });
    expect(toPreviousWindow(window)).toEqual({ from: new Date('2026-09-23T00:00:00Z'), to: new Date('2026-10-23T00:00:00Z') });
    expect(formatWindow(window)).toBe('23 Oct 2026 – 21 Nov 2026');
  });

  it('reads "all time" and a custom from–to (both days inclusive; the dates win over the range)', () => {
    const base = { team: null, service: null, bucket: 'week' } as const;
    expect(readFilters({ range: 'all' }, 90)).toEqual({ ...base, days: 90, all: true });
    expect(readFilters({ range: '30d', from: '2025-01-01', to: '2025-12-31' }, 90)).toEqual({ ...base, days: 365, from: '2025-01-01', to: '2025-12-31' });
    for (const [from, to] of [['2025-02-01', '2025-01-01'], ['2025-01-01', ''], ['01/01/2025', '2025-02-01'], ['2025-13-01', '2025-12-01']]) {
      expect(readFilters({ from, to }, 90)).toEqual({ ...base, days: 90 });
    }
    const now = new Date('2026-11-21T15:30:00Z');
    expect(toWindow({ ...base, days: 365, from: '2025-01-01', to: '2025-12-31' }, now)).toEqual({ from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') });
    // All time starts at the UTC day of the first deployment; without one it is the default window.
    expect(toWindow({ ...base, days: 90, all: true }, now, new Date('2014-03-05T17:00:00Z'))).toEqual({ from: new Date('2014-03-05T00:00:00Z'), to: new Date('2026-11-22T00:00:00Z') });
    expect(toWindow({ ...base, days: 90, all: true }, now, null)).toEqual(toWindow({ ...base, days: 90 }, now));
    expect(filterHref('/', { ...base, days: 90, all: true }, 90)).toBe('/?range=all');
    expect(filterHref('/', { ...base, days: 365, from: '2025-01-01', to: '2025-12-31' }, 90)).toBe('/?from=2025-01-01&to=2025-12-31');
  });

  it('writes links with only the filters that differ from the defaults', () => {
    expect(filterHref('/dora', { days: 90, team: null, service: null, bucket: 'week' }, 90)).toBe('/dora');
    expect(filterHref('/dora', { days: 30, team: 'a b', service: null, bucket: 'month' }, 90, { status: 'failed', offset: null })).toBe('/dora?range=30d&team=a+b&bucket=month&status=failed');
  });
});

describe('sorting table rows', () => {
  const rows = [
    { name: 'b', value: 2 },
    { name: 'a', value: null },
    { name: 'c', value: 10 },
  ];

  it('sorts numbers as numbers and puts missing values last in either direction', () => {
    expect(sortRows(rows, (row) => row.value, 'asc').map((row) => row.name)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows, (row) => row.value, 'desc').map((row) => row.name)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, (row) => row.name, 'desc').map((row) => row.name)).toEqual(['c', 'b', 'a']);
  });

  it('accepts only known sort columns from the URL', () => {
    expect(readSort({ sort: 'team', dir: 'desc' }, ['service', 'team'] as const, 'service')).toEqual({ sort: 'team', dir: 'desc' });
    expect(readSort({ sort: 'password', dir: 'sideways' }, ['service', 'team'] as const, 'service')).toEqual({ sort: 'service', dir: 'asc' });
  });
});

describe('relative times', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it.each([
    ['2026-11-21T11:59:50Z', 'just now'],
    ['2026-11-21T11:48:00Z', '12 min ago'],
    ['2026-11-21T09:00:00Z', '3 h ago'],
    ['2026-11-20T12:00:00Z', '1 day ago'],
    ['2026-11-14T12:00:00Z', '7 days ago'],
    ['2026-05-21T12:00:00Z', '6 months ago'],
    ['2026-11-21T12:05:00Z', 'in the future'],
  ])('%s is "%s"', (at, expected) => {
    expect(formatRelativeTime(new Date(at), now)).toBe(expected);
  });
});

describe('exemption expiry', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it('counts the days an exemption still holds, its last day included', () => {
    expect(formatExpiry('2026-11-21', now)).toBe('expires today');
    expect(formatExpiry('2026-11-22', now)).toBe('1 day left');
    expect(formatExpiry('2026-12-01', now)).toBe('10 days left');
    expect(formatExpiry('2026-11-20', now)).toBe('expired');
  });
});
