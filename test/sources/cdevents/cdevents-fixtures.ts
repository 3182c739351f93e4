import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FOLDER = join(import.meta.dirname, '../../fixtures/cdevents');

/** The spec's conformance examples (v0.5.1) of every type Waymark maps, by file name. */
export const MAPPED_EXAMPLES = [
  'service_deployed',
  'service_upgraded',
  'service_rolledback',
  'incident_detected',
  'incident_reported',
  'incident_resolved',
  'change_merged',
  'pipelinerun_finished',
];

export const exampleText = (name: string) => readFileSync(join(FOLDER, `${name}.json`), 'utf8');
export const example = (name: string) => JSON.parse(exampleText(name)) as Record<string, unknown>;

/** Fields the validator checks, by example: required ones may also be deleted. */
const COMMON = [
  'context.specversion',
  'context.id',
  'context.source',
  'context.type',
  'context.timestamp',
  'subject.id',
  'subject.content',
];
const CHECKED: Record<string, { required: string[]; optional: string[] }> = {
  service_deployed: {
    required: ['subject.content.environment', 'subject.content.environment.id', 'subject.content.artifactId'],
    optional: [],
  },
  incident_detected: {
    required: ['subject.content.environment', 'subject.content.environment.id'],
    optional: ['subject.content.service.id', 'subject.content.artifactId'],
  },
  incident_reported: {
    required: ['subject.content.environment.id', 'subject.content.ticketURI'],
    optional: ['subject.content.service.id'],
  },
  change_merged: { required: [], optional: ['subject.content.repository.id'] },
  pipelinerun_finished: { required: [], optional: ['subject.content.outcome', 'subject.content.uri'] },
};
CHECKED.service_upgraded = CHECKED.service_deployed!;
CHECKED.service_rolledback = CHECKED.service_deployed!;
CHECKED.incident_resolved = CHECKED.incident_detected!;

const setPath = (target: Record<string, unknown>, path: string, value: unknown) => {
  const keys = path.split('.');
  const parent = keys
    .slice(0, -1)
    .reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, target);
  if (value === undefined) delete parent[keys.at(-1)!];
  else parent[keys.at(-1)!] = value;
};

export type Mutation = { name: string; field: string; event: Record<string, unknown> };

/**
 * Every invalid variant of every mapped example: each checked field deleted (when required), made a number, made
 * null, and made an empty string; each must be refused with that field named.
 */
export const buildMutations = (): Mutation[] =>
  MAPPED_EXAMPLES.flatMap((name) => {
    const { required, optional } = CHECKED[name]!;
    return [...COMMON, ...required, ...optional].flatMap((field) => {
      const values: [string, unknown][] = [
        ['a number', 42],
        ['null', null],
        ['an empty string', ''],
      ];
      if (COMMON.includes(field) || required.includes(field)) values.push(['deleted', undefined]);
      return values.map(([how, value]) => {
        const event = example(name);
        setPath(event, field, value);
        return { name: `${name}: ${field} ${how}`, field, event };
      });
    });
  });
