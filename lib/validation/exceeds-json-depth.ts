/**
 * Whether JSON text nests objects and arrays deeper than `limit`, found by scanning the text before it is parsed:
 * a deeply nested record must be refused before JSON.parse, zod or Postgres recurse into it.
 */
export const exceedsJsonDepth = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
};
