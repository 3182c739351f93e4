import styles from './ui.module.css';

/**
 * A "Download CSV" button: a GET form to an export endpoint carrying the page's filters as hidden fields, so the
 * file holds the rows on screen (a form, not a link: hrefs built from data go through ExternalLink only).
 */
export function DownloadCsv({ action, params, label = 'Download CSV' }: { action: string; params: Record<string, string | null | undefined>; label?: string }) {
  return (
    <form action={action} method="get" className={styles.row}>
      {Object.entries(params).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <button type="submit" className={styles.button}>
        {label}
      </button>
    </form>
  );
}
