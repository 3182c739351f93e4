import { DEFAULT_FACT_FILE_GLOBS } from '../../../lib/domain/select-fact-files';

/**
 * The files whose contents the GitHub source collects as facts. The one place to switch to the standards' own list
 * (lib/scorecard's getFactFileGlobs(standards)) once the scorecard lands.
 */
export const getFactFileGlobs = (): readonly string[] => DEFAULT_FACT_FILE_GLOBS;
