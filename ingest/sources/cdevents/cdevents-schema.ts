import { z } from 'zod';

/**
 * CDEvents v0.5.1 (github.com/cdevents/spec, schemas/*.json at tag v0.5.1): the context every event carries and the
 * subject content of the types Waymark maps. References (`environment`, `service`, `repository`) are closed objects
 * in the spec (`additionalProperties: false`), so they are here too; contents stay open for extensions.
 */
const ZReference = z.strictObject({ id: z.string().min(1), source: z.string().min(1).optional() });

export const ZCdeventContext = z.looseObject({
  specversion: z.string().regex(/^0\.[0-9]+\.[0-9]+/, { error: 'must be a CDEvents spec version, e.g. 0.5.1' }),
  id: z.string().min(1).max(500),
  source: z.string().min(1).max(2000),
  type: z.string().regex(/^dev\.cdevents\.[a-z]+\.[a-z]+\.[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$/, {
    error: 'must be dev.cdevents.<subject>.<predicate>.<version>',
  }),
  timestamp: z.iso.datetime({ offset: true }),
});

const service = z.looseObject({ environment: ZReference, artifactId: z.string().min(1) });
const incident = z.looseObject({
  description: z.string().optional(),
  environment: ZReference,
  service: ZReference.optional(),
  artifactId: z.string().min(1).optional(),
});

/** Subject contents by `<subject>.<predicate>`; other types are accepted as valid CDEvents and not mapped. */
export const CONTENT_SCHEMAS = {
  'service.deployed': service,
  'service.upgraded': service,
  'service.rolledback': service,
  'incident.detected': incident,
  'incident.reported': incident.extend({ ticketURI: z.url() }),
  'incident.resolved': incident,
  'change.merged': z.looseObject({ repository: ZReference.optional() }),
  'pipelinerun.finished': z.looseObject({
    pipelineName: z.string().optional(),
    uri: z.url().optional(),
    outcome: z.enum(['success', 'failure', 'cancel', 'error']).optional(),
    errors: z.string().optional(),
  }),
} as const;

export type MappedType = keyof typeof CONTENT_SCHEMAS;
export const MAPPED_TYPES = Object.keys(CONTENT_SCHEMAS) as MappedType[];

/** `dev.cdevents.service.deployed.0.3.0` → `service.deployed`. */
export const shortType = (type: string) => type.split('.').slice(2, 4).join('.');

export const isMappedType = (type: string): type is MappedType => Object.hasOwn(CONTENT_SCHEMAS, type);

export type Cdevent = {
  context: z.infer<typeof ZCdeventContext>;
  subject: { id: string; source?: string; content: Record<string, unknown> };
  type: string;
};

const ZEnvelope = z.looseObject({
  context: ZCdeventContext,
  subject: z.looseObject({ id: z.string().min(1), source: z.string().min(1).optional(), content: z.looseObject({}) }),
});

export type CdeventIssue = { path: PropertyKey[]; message: string };

/** Validates one event: the envelope, then the content of its type. Issues name the field by its path. */
export const validateCdevent = (
  value: unknown,
): { ok: true; event: Cdevent } | { ok: false; issues: CdeventIssue[] } => {
  const envelope = ZEnvelope.safeParse(value);
  if (!envelope.success)
    return { ok: false, issues: envelope.error.issues.map((issue) => ({ path: issue.path, message: issue.message })) };
  const type = shortType(envelope.data.context.type);
  if (isMappedType(type)) {
    const content = CONTENT_SCHEMAS[type].safeParse(envelope.data.subject.content);
    if (!content.success)
      return {
        ok: false,
        issues: content.error.issues.map((issue) => ({
          path: ['subject', 'content', ...issue.path],
          message: issue.message,
        })),
      };
  }
  return {
    ok: true,
    event: { context: envelope.data.context, subject: envelope.data.subject as Cdevent['subject'], type },
  };
};

/**
 * The CDEvent a CloudEvent carries. CDEvents' CloudEvents binding puts the whole CDEvent in the event's data: in binary
 * mode the body is the CDEvent itself (context in `ce-*` headers), in structured mode the body is the CloudEvent
 * (`specversion` 1.0, the CDEvent under `data`). Anything else is returned as it is, for validation to judge.
 */
export const unwrapCloudEvent = (body: unknown): unknown => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const envelope = body as { specversion?: unknown; data?: unknown; context?: unknown };
  return envelope.specversion === '1.0' &&
    envelope.context === undefined &&
    envelope.data &&
    typeof envelope.data === 'object'
    ? envelope.data
    : body;
};
