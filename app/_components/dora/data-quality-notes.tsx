import type { DataQualityNote } from '@/lib/metrics/get-data-quality-notes';
import styles from './dora.module.css';

/** Why the figures above may mislead, each with its fix (METRICS.md, "Data-quality notes"); nothing when all is well. */
export function DataQualityNotes({ notes }: { notes: DataQualityNote[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className={styles.qualityNotes} aria-label="Data-quality notes">
      {notes.map((note) => (
        <li key={note.kind} data-quality-note={note.kind}>
          <strong>Check the data:</strong> {note.text} <span className="muted">{note.fix}</span>
        </li>
      ))}
    </ul>
  );
}
