import Link from 'next/link';
import { PageHeader } from './_components/ui/page-header';
import { EmptyState } from './_components/ui/states';

export default function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="There is no page at this address.">
        <Link href="/">Go to the overview →</Link>
      </EmptyState>
    </>
  );
}
