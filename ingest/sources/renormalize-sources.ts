import type { Config } from '../../lib/config/config-schema';
import type { Db } from '../../lib/db/client';
import { renormalizeBackstage } from './backstage/renormalize-backstage';
import { renormalizeCdevents } from './cdevents/renormalize-cdevents';
import { renormalizeEvents } from './events/renormalize-events';
import { renormalizeGit } from './git/renormalize-git';
import { getGithubConfig } from './github/get-github-config';
import { renormalizeGithub } from './github/renormalize-github';
import { getGitlabConfig } from './gitlab/get-gitlab-config';
import { renormalizeGitlab } from './gitlab/renormalize-gitlab';
import { renormalizeIncidentIo } from './incident-io/renormalize-incident-io';
import { renormalizeOtel } from './otel/renormalize-otel';
import { renormalizePagerduty } from './pagerduty/renormalize-pagerduty';
import type { RenormalizeOutcome } from './renormalize-source';

type Renormalizer = {
  /** What a scope of the report is. */
  unit: string;
  run: (db: Db, config: Config) => Promise<RenormalizeOutcome>;
};

// Sources with a room of their own; every other namespace of stored events-v1 records is the events source's.
const OWN_SOURCES = ['git', 'gitlab', 'github', 'pagerduty', 'incident-io', 'cdevents', 'otel', 'backstage'];

/** The sources whose normalizers can run again over their stored raw payloads (`waymark renormalize`). */
export const RENORMALIZERS: Record<string, Renormalizer> = {
  events: { unit: 'namespace', run: (db) => renormalizeEvents(db, { exclude: OWN_SOURCES }) },
  git: { unit: 'service', run: (db) => renormalizeGit(db) },
  github: { unit: 'repository', run: (db, config) => renormalizeGithub(db, getGithubConfig(config).settings) },
  gitlab: { unit: 'project', run: (db, config) => renormalizeGitlab(db, getGitlabConfig(config).settings) },
  pagerduty: { unit: 'incident', run: (db, config) => renormalizePagerduty(db, config.pagerduty.services) },
  'incident-io': { unit: 'incident', run: (db, config) => renormalizeIncidentIo(db, config.incidentIo) },
  cdevents: { unit: 'event', run: (db, config) => renormalizeCdevents(db, config.cdevents.services) },
  otel: { unit: 'export', run: (db) => renormalizeOtel(db) },
  backstage: { unit: 'entity record', run: (db) => renormalizeBackstage(db) },
};
