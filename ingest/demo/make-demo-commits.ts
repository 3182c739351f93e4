import type { Random } from './create-random';
import { iso } from './demo-time';
import { HOUR_MS } from '../../lib/format/time-units';

const PEOPLE = ['Amara Okafor', 'Bo Lindqvist', 'Chen Wei', 'Dana Ruiz', 'Elif Kaya', 'Farid Haddad', 'Greta Novak', 'Hiro Tanaka', 'Ines Duarte', 'Jonas Berg', 'Kofi Mensah', 'Lena Fischer', 'Mateo Rossi', 'Nadia Petrova', 'Omar Aziz', 'Priya Nair', 'Quinn Murphy', 'Rosa Alves'];
const VERBS = ['Add', 'Fix', 'Refactor', 'Update', 'Remove', 'Speed up', 'Validate', 'Log', 'Retry', 'Cache'];
const THINGS = ['request validation', 'timeout handling', 'pagination', 'error messages', 'metrics labels', 'feature flag check', 'database index', 'retry policy', 'input parsing', 'health check', 'rate limits', 'currency rounding'];

export type DemoCommit = { sha: string; authoredAt: string; committedAt: string; author: string; message: string };

/** Commits for a deployment at `deployAt`, authored a log-normal lead time before it (median `leadMedianHours`). */
export const makeDemoCommits = (random: Random, count: number, deployAt: number, leadMedianHours: number, team: number): DemoCommit[] => {
  const commits: DemoCommit[] = [];
  for (let index = 0; index < count; index++) {
    const lead = Math.max(0.25, random.logNormal(leadMedianHours, 0.7)) * HOUR_MS;
    const authoredAt = deployAt - lead;
    // Committed (merged) somewhere between authoring and 10 minutes before the deploy.
    const committedAt = authoredAt + (lead - 10 * 60 * 1000) * random.between(0.3, 0.95);
    commits.push({ sha: random.hex(40), authoredAt: iso(authoredAt), committedAt: iso(Math.max(authoredAt, committedAt)), author: PEOPLE[(team * 3 + random.int(0, 4)) % PEOPLE.length]!, message: `${random.pick(VERBS)} ${random.pick(THINGS)}` });
  }
  return commits.sort((a, b) => a.authoredAt.localeCompare(b.authoredAt));
};

