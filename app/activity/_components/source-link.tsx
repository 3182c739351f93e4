import table from '../../_components/ui/table.module.css';
import { ExternalLink } from '../../_components/ui/external-link';
import { toSafeHref } from '@/lib/links/to-safe-href';

/** A record's own id, linked to where it came from (GitHub, the CI) when the source gave an http(s) URL. */
export function SourceLink({ url, label, source }: { url: string | null; label: string; source: string }) {
  return (
    <>
      <ExternalLink url={url} className={table.mono}>
        {label}
        {toSafeHref(url) ? <span className="visually-hidden"> (opens in {source})</span> : null}
      </ExternalLink>{' '}
      <span className="muted">{source}</span>
    </>
  );
}
