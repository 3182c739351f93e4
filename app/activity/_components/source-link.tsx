import table from '../../_components/ui/table.module.css';

/** A record's own id, linked to where it came from (GitHub, the CI) when the source gave a URL. */
export function SourceLink({ url, label, source }: { url: string | null; label: string; source: string }) {
  return (
    <>
      {url ? (
        <a href={url} className={table.mono} rel="noreferrer">
          {label}
          <span className="visually-hidden"> (opens in {source})</span>
        </a>
      ) : (
        <span className={table.mono}>{label}</span>
      )}{' '}
      <span className="muted">{source}</span>
    </>
  );
}
