import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { queryRows } from '../../lib/db/query-rows';
import { toArrayLiteral } from '../../lib/db/to-array-literal';
import { UNPAIRED_SURROGATE } from '../../lib/validation/text-patterns';
import { describeEachBackend } from '../helpers/test-db';

// What array literals meet: quotes and backslashes (JSON text), braces, commas, spaces, the word NULL, empty text.
const element = fc.option(
  fc.oneof(
    fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', ',', ' ', 'a', 'é', 'N', 'U', 'L') }),
    fc.constantFrom('NULL', '', '\\"', '{"a":"b\\\\c"}'),
    // Text Postgres can hold: no NUL (the storable boundary writes it out before any write).
    fc.string({ unit: 'binary' }).filter((text) => !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text)),
  ),
);

describeEachBackend('toArrayLiteral', ({ db }) => {
  it('reads back as the same text[] on the database, for any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 8 }), async (values) => {
        const [row] = await queryRows<{ values: Array<string | null> }>(
          db(),
          // Through jsonb, so the answer does not depend on a driver's array parser.
          sql`select to_jsonb(${toArrayLiteral(values)}::text[]) as values`,
        );
        expect(row!.values).toEqual(values);
      }),
      { numRuns: 200 },
    );
  });
});
