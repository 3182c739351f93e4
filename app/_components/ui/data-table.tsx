import type { ReactNode } from 'react';
import styles from './table.module.css';

export type Column<T> = {
  label: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** A header cell of its own (a sortable header); default a plain <th scope="col">. */
  header?: ReactNode;
};

type DataTableProps<T> = {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Every table has a caption: visible, or for screen readers only. */
  caption: ReactNode;
  captionHidden?: boolean;
  testId?: string;
};

/** A table with real headers: column headers on top and the first cell of each row as its row header. */
export function DataTable<T>({ columns, rows, rowKey, caption, captionHidden, testId }: DataTableProps<T>) {
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid={testId}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              column.header ? (
                <Slot key={column.label}>{column.header}</Slot>
              ) : (
                <th key={column.label} scope="col" className={column.numeric ? styles.numeric : undefined}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.label} scope="row" className={column.numeric ? styles.numeric : undefined}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.label} className={column.numeric ? styles.numeric : undefined}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Slot({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
