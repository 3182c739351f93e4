import { UNPRINTABLE } from './text-patterns';

/**
 * Text from hostile input made safe to put in an error message that is stored and printed: control characters and
 * unpaired surrogates escaped (Postgres text cannot hold NUL; a terminal should not get escape sequences), cut short.
 */
export const quoteForMessage = (text: string, max = 200) => {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
};
