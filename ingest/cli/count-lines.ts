import { createReadStream } from 'node:fs';

/** Counts the non-empty lines of a file without holding it in memory, so progress can show a total. */
export const countLines = async (file: string) => {
  let lines = 0;
  let lineHasContent = false;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 10) {
        if (lineHasContent) lines++;
        lineHasContent = false;
      } else if (byte !== 13 && byte !== 32) lineHasContent = true;
    }
  }
  return lineHasContent ? lines + 1 : lines;
};
