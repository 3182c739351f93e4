import { redirect } from 'next/navigation';
import type { SearchParams } from '../_components/filters/read-filters';

export const dynamic = 'force-dynamic';

/** Activity starts at deployments, keeping whatever filters the link carried. */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) if (typeof value === 'string') params.set(key, value);
  const query = params.toString();
  redirect(query ? `/activity/deployments?${query}` : '/activity/deployments');
}
