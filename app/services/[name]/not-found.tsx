import Link from 'next/link';
import { PageHeader } from '../../_components/ui/page-header';
import { EmptyState } from '../../_components/ui/states';

export default function ServiceNotFound() {
  return (
    <>
      <PageHeader title="Service not found" eyebrow={<Link href="/services">Services</Link>} />
      <EmptyState title="No source has reported a service by this name.">
        <p className="muted">Check the spelling, or find it in the list of services. A service appears once a source reports it or a deployment names it.</p>
        <Link href="/services">All services →</Link>
      </EmptyState>
    </>
  );
}
