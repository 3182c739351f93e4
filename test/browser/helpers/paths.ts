import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Gitignored: the server log and a screenshot of every page visited. */
export const ARTIFACTS = join(ROOT, 'test/artifacts');
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
