import { INPUT_LIMITS } from '../../../lib/validation/input-limits';
import { quoteForMessage } from '../../../lib/validation/quote-for-message';
import { formatScanProblem, scanJsonText } from '../../../lib/validation/scan-json-text';
import type { EventInput } from './event-input';

/**
 * One record's text parsed, after the checks that must come before parsing: its size, its nesting depth (a record
 * nested thousands deep would exhaust the stack of whatever walks it next) and repeated field names (which JSON.parse
 * would resolve silently). A parse error quotes the input only escaped, since the message is stored and printed.
 */
export const parseRecordText = (text: string, position: string): EventInput => {
  if (text.length > INPUT_LIMITS.recordChars) {
    return { position, parseError: `the record is ${text.length} characters long; the limit is ${INPUT_LIMITS.recordChars}` };
  }
  const problem = scanJsonText(text, INPUT_LIMITS.depth);
  if (problem) return { position, parseError: formatScanProblem(problem) };
  try {
    return { position, value: JSON.parse(text) };
  } catch (error) {
    return { position, parseError: `not valid JSON (${quoteForMessage((error as Error).message)})` };
  }
};
