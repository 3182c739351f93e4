import styles from './shell.module.css';

/** The Waymark logo: a trail marker (inline SVG, so no asset request and it follows the theme colours). */
export function BrandMark() {
  return (
    <svg className={styles.brandMark} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="28" height="28" rx="7" fill="var(--accent)" />
      <path d="M8 22 L13 11 L17 18 L20 13 L24 22" fill="none" stroke="var(--surface)" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
