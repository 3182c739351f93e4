import { DEFAULT_FACT_FILE_GLOBS } from '../../../lib/domain/select-fact-files';

/**
 * The files whose contents a git ingest collects as facts. The one place to switch to the standards' own list
 * (`getFactFileGlobs(standards)` from lib/scorecard) once it exists, so files a standard asks about are collected too.
 */
export const getGitFactFileGlobs = (): readonly string[] => DEFAULT_FACT_FILE_GLOBS;
