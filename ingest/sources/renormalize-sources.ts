import type { Config } from '../../lib/config/config-schema';
import type { Db } from '../../lib/db/client';
import { getGitlabConfig } from './gitlab/get-gitlab-config';
import { renormalizeGitlab, type RenormalizeOutcome } from './gitlab/renormalize-gitlab';

/** The sources whose normalizers can run again over their stored raw payloads (`waymark renormalize`). */
export const RENORMALIZERS: Record<string, (db: Db, config: Config) => Promise<RenormalizeOutcome>> = {
  gitlab: (db, config) => renormalizeGitlab(db, getGitlabConfig(config).settings),
};
