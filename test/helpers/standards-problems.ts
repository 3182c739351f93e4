import { isAppError } from '../../lib/errors';
import { parseStandards } from '../../lib/scorecard/parse-standards';

/** The problems parseStandards lists for a file it refuses; fails the test when it accepts the file. */
export const problemsOf = (source: string) => {
  try {
    parseStandards(source, 'golden-path.yaml');
  } catch (error) {
    if (isAppError(error)) return error.details;
    throw error;
  }
  throw new Error('expected the standards to be refused');
};
