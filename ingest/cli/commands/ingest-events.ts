import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { collectNdjsonRecords } from '../../sources/events/collect-ndjson-records';
import { ingestEvents } from '../../sources/events/ingest-events';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { formatCount } from '../../../lib/format/format-count';
import { formatDuration } from '../format';
import { openCommandDb } from '../open-command-db';
import { createProgress } from '../progress';
import { countLines } from '../count-lines';

export const ingestEventsCommand = defineCommand({
  usage: 'waymark ingest events <file|-> [--source NAME]',
  help: [
    'Imports deployments, incidents, pipeline runs, services and facts in the events-v1 format (see README).',
    'The import is all-or-nothing: if any record is invalid, every error is listed by line and field and nothing is stored.',
    'Importing the same file again changes nothing (ids are unique per source and kind).',
    '',
    'Arguments:',
    '  <file|->         an NDJSON file, or - to read standard input',
    'Options:',
    '  --source NAME    namespace for the record ids (default: events), e.g. jenkins',
    '',
    'Example:',
    '  waymark ingest events deploys.ndjson --source jenkins',
  ].join('\n'),
  options: { source: { type: 'string' } },
  run: async ({ values, positionals, stdout }) => {
    const [path, extra] = positionals;
    if (!path) throw usageError('missing <file|->: the NDJSON file to import, or - for standard input');
    if (extra) throw usageError(`unexpected argument "${extra}"`);
    const fromStdin = path === '-';
    const file = fromStdin ? null : resolve(path);
    if (file && (!existsSync(file) || !statSync(file).isFile())) throw usageError(`${path}: no such file`);

    const handle = await openCommandDb('ingest events');
    const progress = createProgress({ label: `Importing ${fromStdin ? 'stdin' : basename(file!)}`, unit: 'records' });
    if (file) progress.setTotal(await countLines(file));
    const started = Date.now();
    try {
      const counts = await ingestEvents({
        db: handle.db,
        input: collectNdjsonRecords(fromStdin ? process.stdin : createReadStream(file!)),
        source: (values.source as string | undefined) ?? 'events',
        scope: fromStdin ? 'stdin' : basename(file!),
        onProgress: ({ records }) => progress.update(records),
      });
      progress.finish();
      stdout.write(
        `Imported ${formatCount(counts.records, 'record')} from ${fromStdin ? 'stdin' : path} in ${formatDuration(Date.now() - started)}: ` +
          `${counts.inserted} inserted, ${counts.updated} updated, ${counts.unchanged} unchanged.\n`,
      );
    } finally {
      progress.finish();
    }
  },
});
