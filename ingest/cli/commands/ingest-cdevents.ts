import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { getConfig } from '../../../lib/config/load-config';
import { ingestCdevents } from '../../sources/cdevents/ingest-cdevents';
import { readCdeventsText } from '../../sources/cdevents/read-cdevents-text';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { formatCount } from '../../../lib/format/format-count';
import { openCommandDb } from '../open-command-db';

export const ingestCdeventsCommand = defineCommand({
  usage: 'waymark ingest cdevents <file>',
  help: [
    'Imports CDEvents: one JSON event, a JSON array of events, or NDJSON (one event a line). service.deployed,',
    "upgraded and rolledback become deployments (of the artifact purl's name, or cdevents.services),",
    'incident.detected, reported and resolved incidents, pipelinerun.finished pipeline runs, change.merged merged',
    'changes; other types are validated and kept only as raw payloads. All or nothing: an invalid event is reported',
    'by line and field and nothing is stored. Importing the same file again changes nothing.',
    '',
    'Example:',
    '  waymark ingest cdevents deploys.ndjson',
  ].join('\n'),
  options: {},
  run: async ({ positionals, stdout }) => {
    const [path, extra] = positionals;
    if (!path) throw usageError('missing <file>: the CDEvents file to import');
    if (extra) throw usageError(`unexpected argument "${extra}"`);
    const file = resolve(path);
    if (!existsSync(file) || !statSync(file).isFile()) throw usageError(`${path}: no such file`);
    // Refused before the database is opened: bad input changes nothing.
    const events = readCdeventsText(readFileSync(file, 'utf8'), basename(file));
    const handle = await openCommandDb('ingest cdevents');
    const counts = await ingestCdevents({
      db: handle.db,
      events,
      services: getConfig().cdevents.services,
      scope: basename(file),
    });
    stdout.write(
      `Imported ${formatCount(counts.events, 'CDEvent')}: ${formatCount(counts.deployments, 'deployment')}, ` +
        `${formatCount(counts.incidents, 'incident')}, ` +
        `${formatCount(counts.pipelineRuns, 'pipeline run')}, ${formatCount(counts.pullRequests, 'merged change')}` +
        `${counts.unplaced ? `; ${counts.unplaced} without a service` : ''}` +
        `${counts.ignored ? `; ${counts.ignored} of types not mapped` : ''}.\n`,
    );
  },
});
