import { useId, type ReactNode } from 'react';
import styles from './ui.module.css';

type CardProps = { title?: ReactNode; hint?: ReactNode; children: ReactNode; as?: 'section' | 'div' | 'article'; headingLevel?: 2 | 3 };

/** A titled surface. As a <section> it is a region named by its title, so screen-reader users can jump between widgets. */
export function Card({ title, hint, children, as: Tag = 'section', headingLevel = 2 }: CardProps) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Tag className={styles.card} aria-labelledby={title ? id : undefined}>
      {title || hint ? (
        <div className={styles.cardHeader}>
          {title ? <Heading id={id}>{title}</Heading> : null}
          {hint ? <span className={styles.cardHint}>{hint}</span> : null}
        </div>
      ) : null}
      {children}
    </Tag>
  );
}
