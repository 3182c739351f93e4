import { isValidElement, type ReactElement } from 'react';
import { expect, it } from 'vitest';
import { ServicesTable } from '../../app/services/_components/services-table';
import { Pager } from '../../app/_components/ui/pager';
import { setDbHandle } from '../../lib/db/client';
import { ensureServices } from '../../lib/domain/ensure-services';
import { describeEachBackend } from '../helpers/test-db';

type Props = Record<string, unknown>;
const WINDOW = { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

const childrenOf = (element: unknown) => {
  if (!isValidElement(element)) return [];
  const children = (element as ReactElement<{ children?: unknown }>).props.children;
  return (Array.isArray(children) ? children : [children]).filter(isValidElement) as ReactElement<Props>[];
};

describeEachBackend('the services table of a large organization', ({ db, handle }) => {
  it('shows a page of 100 rows at a time, in the sorted order, with a pager to the others', async () => {
    setDbHandle(handle());
    const names = Array.from({ length: 105 }, (_, index) => `svc-${String(index).padStart(3, '0')}`);
    await ensureServices(db(), names, 'test');
    const render = async (offset: number) => {
      const tree = await ServicesTable({
        query: '',
        sort: 'service',
        dir: 'desc',
        window: WINDOW,
        href: () => '/services',
        page: { offset, href: (next) => `/services?offset=${next}` },
      });
      const [table, pager] = childrenOf(tree);
      return { rows: (table!.props.rows as { name: string }[]).map((row) => row.name), pager: pager! };
    };
    const first = await render(0);
    expect(first.rows).toEqual([...names].reverse().slice(0, 100));
    expect(first.pager.type).toBe(Pager);
    expect(first.pager.props).toMatchObject({ offset: 0, limit: 100, total: 105 });
    expect((await render(100)).rows).toEqual(['svc-004', 'svc-003', 'svc-002', 'svc-001', 'svc-000']);
    // An offset past the end (an old link after services were removed) shows the first page.
    expect((await render(500)).rows).toEqual(first.rows);
  });
});
