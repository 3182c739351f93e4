import { describe, expect, it } from 'vitest';
import { placeSpreadDots } from '../../app/_components/dora/place-spread-dots';
import { groupByReason } from '../../app/impact/_components/group-by-reason';

describe('pages of a large organization', () => {
  it('draws a spread stack to its height and counts the rest, whatever the number of services', () => {
    const graded = [
      ...Array.from({ length: 2000 }, (_, index) => ({ service: `svc-${index}`, score: 8 })),
      { service: 'lonely', score: 1.1 },
    ];
    const { points, overflows } = placeSpreadDots(graded);
    expect(points.filter((point) => point.score === 8).map((point) => point.level)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(points.find((point) => point.service === 'lonely')).toEqual({ service: 'lonely', score: 1.1, level: 0 });
    expect(overflows).toEqual([{ at: 8, count: 2000 }]);
  });

  it('writes the count of a tall stack only where it does not run into a taller one', () => {
    const stack = (score: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({ service: `${score}-${index}`, score }));
    const { overflows } = placeSpreadDots([...stack(8, 27), ...stack(8.25, 1973), ...stack(9.5, 7), ...stack(2, 8)]);
    expect(overflows).toEqual([
      { at: 2, count: 8 },
      { at: 8.25, count: 1973 },
      { at: 9.5, count: 7 },
    ]);
  });

  it('groups the services left out of an analysis by reason, the most common first', () => {
    const excluded = [
      { service: 'a', reason: 'never judged' },
      { service: 'b', reason: 'adopted on 2026-11-02, less than 30 days into the history' },
      { service: 'c', reason: 'never judged' },
    ];
    expect(groupByReason(excluded)).toEqual([
      { reason: 'never judged', services: ['a', 'c'] },
      { reason: 'adopted on 2026-11-02, less than 30 days into the history', services: ['b'] },
    ]);
  });
});
