import { exceedsJsonDepth } from '../validation/exceeds-json-depth';
import { INPUT_LIMITS } from '../validation/input-limits';
import { quoteForMessage } from '../validation/quote-for-message';
import type { EventInput } from './event-input';

/**
 * One record's text parsed, after the checks that must come before parsing: its size and its nesting depth (a
 * record nested thousands deep would exhaust the stack of whatever walks it next). A parse error quotes the input
 * only escaped, since the message is stored with the run and printed.
 */
export const parseRecordText = (text: string, position: string): EventInput => {
  if (text.length > INPUT_LIMITS.recordChars) {
    return { position, parseError: `the record is ${text.length} characters long; the limit is ${INPUT_LIMITS.recordChars}` };
  }
  if (exceedsJsonDepth(text, INPUT_LIMITS.depth)) {
    return { position, parseError: `nested deeper than ${INPUT_LIMITS.depth} levels of objects and arrays` };
  }
  try {
    return { position, value: JSON.parse(text) };
  } catch (error) {
    return { position, parseError: `not valid JSON (${quoteForMessage((error as Error).message)})` };
  }
};
