import { getConfig } from '../../../lib/config/load-config';
import { AppError } from '../../../lib/errors';
import { formatCount } from '../../../lib/format/format-count';
import { createBackstageClient } from '../../sources/backstage/create-backstage-client';
import { syncBackstage, type BackstageSyncOutcome } from '../../sources/backstage/sync-backstage';
import { defineCommand } from '../command';
import { formatDuration } from '../format';
import { openCommandDb } from '../open-command-db';

const changes = ({ inserted, updated, unchanged }: BackstageSyncOutcome['services']) =>
  `${inserted} inserted, ${updated} updated, ${unchanged} unchanged`;

// Only the names of a few: a catalog that lost many components says how many, and the list is in the next runs too.
const removedText = ({ components }: BackstageSyncOutcome['removed']) =>
  components.length === 0
    ? ''
    : ` ${formatCount(components.length, 'component')} no longer in the catalog, services kept: ` +
      `${components.slice(0, 5).join(', ')}${components.length > 5 ? ', …' : ''}.`;

export const ingestBackstageCommand = defineCommand({
  usage: 'waymark ingest backstage [--url URL] [--token TOKEN] [--full]',
  help: [
    'Reads Components, Systems, Groups and Users through the Backstage catalog API (GET /api/catalog/entities/by-query',
    'paged by cursor) with a static token (backend.auth.externalAccess) sent as a bearer token. Each Component becomes',
    'a service (team from spec.owner, lifecycle, tier from the `tier` label or `waymark.dev/tier` annotation, tags,',
    'repository from the github.com/gitlab.com `project-slug` annotation, the entity kept for annotations such as',
    '`pagerduty.com/service-id`); each Group a team with its parent group. A change of owner is kept with its date.',
    'Incremental: only entities whose payload changed are written again. A bad entity stores nothing and is named.',
    '',
    'Options:',
    '  --url URL       the Backstage backend base URL (default: backstage.url, WAYMARK_BACKSTAGE_URL)',
    '  --token TOKEN   the static token (default: WAYMARK_BACKSTAGE_TOKEN, which keeps it out of the shell history)',
    '  --full          write every entity again, not only the new and changed ones',
    '',
    'Example:',
    '  WAYMARK_BACKSTAGE_TOKEN=… waymark ingest backstage --url https://backstage.example.com',
  ].join('\n'),
  options: { url: { type: 'string' }, token: { type: 'string' }, full: { type: 'boolean' } },
  run: async ({ values, stdout }) => {
    const { backstage } = getConfig();
    const url = (values.url as string | undefined) ?? backstage.url;
    if (!url)
      throw new AppError(
        'CONFIG_INVALID',
        'Backstage needs the catalog address: pass --url or set backstage.url (WAYMARK_BACKSTAGE_URL)',
      );
    const parsedUrl = URL.canParse(url) ? new URL(url) : null;
    if (!parsedUrl || !/^https?:$/.test(parsedUrl.protocol))
      throw new AppError('CONFIG_INVALID', `--url ${url}: not an http(s) address`);
    const token = (values.token as string | undefined) ?? backstage.token ?? null;
    const handle = await openCommandDb('ingest backstage');
    const started = Date.now();
    const outcome = await syncBackstage({
      db: handle.db,
      client: createBackstageClient({ url, token }),
      pageSize: backstage.pageSize,
      scope: parsedUrl.origin,
      full: values.full === true,
    });
    const { component, group, user, system } = outcome.entities;
    stdout.write(
      `Synced Backstage in ${formatDuration(Date.now() - started)}: ` +
        `${formatCount(component.fetched, 'component')}, ${formatCount(group.fetched, 'group')}, ` +
        `${formatCount(user.fetched, 'user')}, ${formatCount(system.fetched, 'system')} read; ` +
        `services ${changes(outcome.services)}; teams ${changes(outcome.teams)}; ` +
        `${formatCount(outcome.requests, 'API request')}.${removedText(outcome.removed)}\n`,
    );
  },
});
