/** A CSV download: UTF-8 with a byte-order mark (so spreadsheets read accents right), saved under `filename`. */
export const csvResponse = (filename: string, csv: string) =>
  new Response(`\uFEFF${csv}`, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
