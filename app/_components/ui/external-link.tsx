import type { ReactNode } from 'react';
import { toSafeHref } from '@/lib/links/to-safe-href';

/**
 * The one way a page links to a URL that came from stored data (a deployment's CI run, an incident's page): the
 * URL goes through toSafeHref, and one that is not http(s) renders as plain text. eslint refuses any other
 * `<a href={…}>` in app/.
 */
export function ExternalLink({ url, className, children }: { url: string | null | undefined; className?: string; children: ReactNode }) {
  const href = toSafeHref(url);
  if (!href) return <span className={className}>{children}</span>;
  return (
    <a href={href} className={className} rel="noreferrer noopener">
      {children}
    </a>
  );
}
