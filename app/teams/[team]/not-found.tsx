import Link from 'next/link';
import { PageHeader } from '../../_components/ui/page-header';
import { EmptyState } from '../../_components/ui/states';

export default function TeamNotFound() {
  return (
    <>
      <PageHeader title="Team not found" eyebrow={<Link href="/teams">Teams</Link>} />
      <EmptyState title="No service names a team by this name.">
        <Link href="/teams">All teams →</Link>
      </EmptyState>
    </>
  );
}
