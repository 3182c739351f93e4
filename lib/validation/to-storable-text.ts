import { UNPAIRED_SURROGATE } from './text-patterns';

/**
 * Text we produce from hostile input (an error that quotes a record) made storable in Postgres text: NUL written
 * out as `\u0000`, unpaired surrogates replaced by U+FFFD. Line breaks and everything else stay as they are.
 */
export const toStorableText = (text: string) =>
  text.replace(/\u0000/g, '\\u0000').replace(new RegExp(UNPAIRED_SURROGATE.source, 'g'), '\ufffd');
