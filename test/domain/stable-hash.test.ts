import { describe, expect, it } from 'vitest';
import { stableHash } from '../../lib/domain/stable-hash';

describe('stableHash', () => {
  it('ignores key order at every depth and tells different values apart', () => {
    expect(stableHash({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(stableHash({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(stableHash({ a: 1 })).not.toBe(stableHash({ a: '1' }));
    expect(stableHash([1, 2])).not.toBe(stableHash([2, 1]));
    expect(stableHash({ a: { b: 1 } })).not.toBe(stableHash({ a: { b: 1, c: null } }));
  });
});
