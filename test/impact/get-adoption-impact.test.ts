import { expect, it } from 'vitest';
import { importEvents } from '../../ingest/sources/events/import-events';
import { getAdoptionImpact } from '../../lib/impact/get-adoption-impact';
import { seededRandom } from '../../lib/random/seeded-random';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { rebuildScorecardHistory } from '../../lib/scorecard/rebuild-scorecard-history';
import { asLines } from '../helpers/event-input';
import { describeEachBackend } from '../helpers/test-db';
import { DAY_MS } from '../../lib/format/time-units';

const NOW = new Date('2026-11-21T12:00:00Z');
const END = Date.parse('2026-11-22T00:00:00Z');
const DAYS = 120;
const START = END - DAYS * DAY_MS;

// Services 0-7 adopt ADOPTED.md (their lead time drops to 30 %); 8-11 adopt PLACEBO.md (no effect); everyone's lead
// time falls 40 % over the period, so a naive before/after would credit the placebo too.
const ADOPTED = new Map([0, 1, 2, 3, 4, 5, 6, 7].map((index) => [index, 38 + index * 6]));
const PLACEBO = new Map([8, 9, 10, 11].map((index) => [index, 42 + (index - 8) * 9]));
const SERVICES = 16;

const FILE_CHECKS = `version: 1
levels: [bronze]
checks:
  - { id: adopted-file, level: bronze, rule: { fileExists: [ADOPTED.md] } }
  - { id: placebo-file, level: bronze, rule: { fileExists: [PLACEBO.md] } }
`;
// History is rebuilt with the file checks only (a metric check costs a metrics statement per day); the analysis
// is given the full standards, whose metric check it must leave out.
const HISTORY_STANDARDS = parseStandards(FILE_CHECKS, 'test standards');
const STANDARDS = parseStandards(`${FILE_CHECKS}  - { id: quick, level: bronze, rule: { metric: { name: leadTimeP50Hours, below: 24, windowDays: 30 } } }\n`, 'test standards');

/** The organization as events-v1 records: daily deployments with commits, and weekly repository facts. */
const generateRecords = () => {
  const random = seededRandom(99);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const records: unknown[] = [];
  const sha = () => Array.from({ length: 40 }, () => Math.floor(random() * 16).toString(16)).join('');
  for (let index = 0; index < SERVICES; index++) {
    const service = `svc-${index}`;
    for (let day = 0; day < DAYS; day++) {
      const finishedAt = START + day * DAY_MS + 10 * 3600_000;
      const adopted = ADOPTED.has(index) && day >= ADOPTED.get(index)!;
      const median = 40 * 3600_000 * (1 - 0.4 * (day / DAYS)) * (adopted ? 0.3 : 1);
      const commits = Array.from({ length: 2 }, () => ({ sha: sha(), authoredAt: new Date(finishedAt - median * Math.exp(0.6 * normal())).toISOString() }));
      records.push({ kind: 'deployment', id: `${service}-${day}`, service, environment: 'production', status: 'success', finishedAt: new Date(finishedAt).toISOString(), commits });
      if (day % 7 === 0) {
        const paths = ['README.md'];
        if (ADOPTED.has(index) && day >= ADOPTED.get(index)!) paths.push('ADOPTED.md');
        if (PLACEBO.has(index) && day >= PLACEBO.get(index)!) paths.push('PLACEBO.md');
        records.push({ kind: 'facts', service, collectedAt: new Date(START + day * DAY_MS + 3600_000).toISOString(), repository: { paths, files: {} } });
      }
    }
  }
  return records;
};

/** The first weekly facts record that shows the file: the day the scorecard sees the check pass. */
const firstWeeklyDayFrom = (day: number) => new Date(START + Math.ceil(day / 7) * 7 * DAY_MS).toISOString().slice(0, 10);

describeEachBackend('getAdoptionImpact', ({ db }) => {
  it('credits the adoption that changed delivery, not the placebo riding an organization-wide trend', async () => {
    await importEvents({ db: db(), input: asLines(generateRecords()) });
    await rebuildScorecardHistory({ db: db(), standards: HISTORY_STANDARDS, from: new Date(START), to: NOW, now: NOW });
    const impact = await getAdoptionImpact({ db: db(), standards: STANDARDS, now: NOW, historyDays: DAYS, windowDays: 30, options: { iterations: 300 } });

    const adopted = impact.subjects.find((subject) => subject.subject.kind === 'check' && subject.subject.id === 'adopted-file')!;
    expect(new Map(adopted.adoption.adopters.map(({ service, day }) => [service, day]))).toEqual(
      new Map([...ADOPTED].map(([index, day]) => [`svc-${index}`, firstWeeklyDayFrom(day)])),
    );
    expect(adopted.adoption.controls).toBe(SERVICES - ADOPTED.size);
    expect(adopted.adoption.effects.leadTimeP50Seconds.verdict).toBe('improved');
    expect(adopted.adoption.effects.leadTimeP50Seconds.summary).toMatch(/^After adopting, median lead time was [\d.]+ h faster than before/);
    expect(adopted.cohort.effects.leadTimeP50Seconds.verdict).toBe('improved');

    const placebo = impact.subjects.find((subject) => subject.subject.kind === 'check' && subject.subject.id === 'placebo-file')!;
    expect(placebo.adoption.adopters.map(({ service }) => service).sort()).toEqual(['svc-10', 'svc-11', 'svc-8', 'svc-9']);
    const lead = placebo.adoption.effects.leadTimeP50Seconds;
    // The trend is there: the placebo's adopters were faster after adopting than before...
    expect(lead.figures.adopterAfter!).toBeLessThan(lead.figures.adopterBefore!);
    // ...and the comparison services sped up as much in the same weeks, so nothing is credited.
    expect(lead.verdict).toBe('no_clear_effect');
    expect(lead.summary).toMatch(/^No clear difference in median lead time/);

    expect(impact.skipped).toEqual([{ check: 'quick', reason: expect.stringContaining('circular') }]);
    expect(impact.subjects.some((subject) => subject.subject.kind === 'check' && subject.subject.id === 'quick')).toBe(false);
  }, 300_000);

  it('says "not enough data" when too few services adopted, and names the check it was asked about', async () => {
    await importEvents({ db: db(), input: asLines(generateRecords().filter((record) => !['svc-10', 'svc-11'].includes((record as { service: string }).service))) });
    await rebuildScorecardHistory({ db: db(), standards: HISTORY_STANDARDS, from: new Date(START), to: NOW, now: NOW });
    const impact = await getAdoptionImpact({ db: db(), standards: STANDARDS, check: 'placebo-file', now: NOW, historyDays: DAYS, options: { iterations: 100 } });
    expect(impact.subjects.map(({ subject }) => subject)).toEqual([{ kind: 'check', id: 'placebo-file', title: expect.any(String), level: 'bronze' }]);
    expect(impact.subjects[0]!.adoption.effects.leadTimeP50Seconds).toMatchObject({ verdict: 'not_enough_data', effect: null, reason: expect.stringContaining('has 2 and') });
  }, 300_000);
});
