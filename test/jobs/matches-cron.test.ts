import { describe, expect, it } from 'vitest';
import { matchesCron } from '../../lib/jobs/matches-cron';

const at = (iso: string) => new Date(iso);

describe('matchesCron', () => {
  it.each([
    ['*/15 * * * *', '2026-11-21T10:30:00Z', true],
    ['*/15 * * * *', '2026-11-21T10:31:00Z', false],
    ['0 2 * * *', '2026-11-21T02:00:00Z', true],
    ['0 2 * * *', '2026-11-21T03:00:00Z', false],
    ['0 9 * * 1-5', '2026-11-23T09:00:00Z', true],
    ['0 9 * * 1-5', '2026-11-22T09:00:00Z', false],
    ['30 6 1,15 * *', '2026-11-15T06:30:00Z', true],
    ['0 0 1 1 *', '2026-01-01T00:00:00Z', true],
  ])('%s at %s → %s', (cron, time, expected) => {
    expect(matchesCron(cron, at(time))).toBe(expected);
  });

  it.each(['', '* * * *', '61 * * * *', '* * * * 8', 'every hour', '5-1 * * * *'])('says %j is not a cron expression', (cron) => {
    expect(matchesCron(cron, new Date())).toBeNull();
  });
});
