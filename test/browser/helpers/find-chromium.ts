import { existsSync } from 'node:fs';

export const INSTALL_HINT = 'install it with `apt-get install -y chromium` (or set WAYMARK_CHROMIUM to a Chromium binary)';

/** Debian's Chromium, or the binary WAYMARK_CHROMIUM names; null when there is none. */
export const findChromium = (): string | null => {
  const candidates = [process.env.WAYMARK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => Boolean(path));
  return candidates.find((path) => existsSync(path)) ?? null;
};
