'use client';

import { PageHeader } from './_components/ui/page-header';
import { ErrorState } from './_components/ui/states';
import ui from './_components/ui/ui.module.css';

/** A page that failed as a whole (widgets fail on their own first): say so, offer a retry, keep the navigation. */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String((error as Error & { digest?: string }).digest) : null;
  return (
    <>
      <PageHeader title="Something went wrong" />
      <ErrorState title="This page could not be loaded.">
        <p>The server logged the error{digest ? ` with reference ${digest}` : ''}. If the database was busy or restarting, trying again usually helps.</p>
        <button type="button" className={ui.button} onClick={() => retry()}>
          Try again
        </button>
      </ErrorState>
    </>
  );
}
