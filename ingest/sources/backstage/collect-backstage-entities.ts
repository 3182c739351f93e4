import type { BackstageKind } from './backstage-ids';
import { ZBackstageQueryPage } from './backstage-payloads';
import type { BackstageClient } from './create-backstage-client';

/**
 * Every entity of one kind, as `GET /entities/by-query` pages them (backstage.io/docs/features/software-catalog/
 * software-catalog-api, "Query entities"): the first request carries the filter and the page size; the following ones
 * only `cursor` (and `limit`), since the cursor holds the query. The walk ends on a page without `nextCursor`; a cursor
 * that comes back twice would loop forever, so it is refused.
 */
export const collectBackstageEntities = async (
  client: BackstageClient,
  kind: BackstageKind,
  pageSize: number,
): Promise<unknown[]> => {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const query: [string, string][] = cursor
      ? [
          ['cursor', cursor],
          ['limit', String(pageSize)],
        ]
      : [
          ['filter', `kind=${kind}`],
          ['limit', String(pageSize)],
        ];
    const parsed = ZBackstageQueryPage.safeParse(await client.get('entities/by-query', query));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(
        `Backstage entities/by-query (kind=${kind}) answered something else than a page of entities: ` +
          `${issue.path.join('.') || '(root)'}: ${issue.message}`,
      );
    }
    items.push(...parsed.data.items);
    cursor = parsed.data.pageInfo.nextCursor;
    if (!cursor || parsed.data.items.length === 0) return items;
    if (seen.has(cursor)) throw new Error(`Backstage entities/by-query (kind=${kind}) repeated a cursor`);
    seen.add(cursor);
  }
};
