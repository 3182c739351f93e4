import { existsSync } from 'node:fs';

export const INSTALL_HINT = 'install it with `apt-get install -y chromium` (or set WAYMARK_CHROMIUM to a Chromium binary)';

/** The binary WAYMARK_CHROMIUM names when set (and only it), else Debian's Chromium; null when there is none. */
export const findChromium = (): string | null => {
  const candidates = process.env.WAYMARK_CHROMIUM ? [process.env.WAYMARK_CHROMIUM] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => existsSync(path)) ?? null;
};
