import { findNamedCause, toCauseColumns } from '../../../lib/domain/find-named-cause';
import { makeId } from '../../../lib/domain/ids';
import type { DeploymentRow, IncidentRow, PipelineRunRow, PullRequestRow } from '../../../lib/domain/types';
import type { Cdevent } from './cdevents-schema';

export const CDEVENTS_SOURCE = 'cdevents';

/** `cdevents.services`: an artifact's purl name, a CDEvents service id, a pipeline or a repository id → service. */
export type CdeventServices = Readonly<Record<string, string>>;

/** The name of a package URL (github.com/package-url/purl-spec): `pkg:oci/myapp@sha256%3A…` → `myapp`. */
export const purlName = (purl: string) => {
  if (!purl.startsWith('pkg:')) return null;
  const path = purl.slice(4).split('#')[0]!.split('?')[0]!;
  const at = path.lastIndexOf('@');
  const name = (at > 0 ? path.slice(0, at) : path).split('/').filter(Boolean).at(-1);
  if (!name || !path.includes('/')) return null;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
};

const named = (services: CdeventServices, name: string | null | undefined) =>
  name ? (Object.hasOwn(services, name) ? services[name]! : name) : null;

/** An event's identity: CloudEvents makes (source, id) unique; the type is added as the spec's examples reuse ids. */
export const eventKey = (event: Cdevent) => `${event.type}:${event.context.source}#${event.context.id}`;

/** The subject an event speaks about: an incident's events share it. */
export const subjectKey = (event: Cdevent) => `${event.subject.source ?? event.context.source}#${event.subject.id}`;

const at = (event: Cdevent) => new Date(event.context.timestamp);
const content = <T>(event: Cdevent) => event.subject.content as T;

type ServiceContent = { environment: { id: string }; artifactId: string };

/**
 * service.deployed, upgraded and rolledback are successful deployments of the artifact's service (its purl name, or
 * `cdevents.services`) to the environment named, at the event's time; a rollback is marked, and which deployment it
 * rolls back is decided when it is stored (the service's previous one in that environment).
 */
export const normalizeCdeventDeployment = (
  event: Cdevent,
  services: CdeventServices,
): DeploymentRow & { service: string } => {
  const { environment, artifactId } = content<ServiceContent>(event);
  const sourceId = eventKey(event);
  const rollback = event.type === 'service.rolledback';
  return {
    id: makeId(CDEVENTS_SOURCE, 'deployment', sourceId),
    source: CDEVENTS_SOURCE,
    sourceId,
    url: null,
    service: named(services, purlName(artifactId) ?? artifactId)!,
    environment: environment.id,
    status: 'success',
    commitSha: null,
    startedAt: null,
    finishedAt: at(event),
    rollbackOf: null,
    reason: rollback ? 'rollback' : 'planned',
    artifact: artifactId,
  };
};

type IncidentContent = { description?: string; service?: { id: string }; artifactId?: string; ticketURI?: string };

// The incident's artifactId names the artifact deployed when it was detected (CDEvents v0.5 incident.detected): the
// deployment of that artifact, unless a description names a cause of its own.
const cdeventCause = (described: IncidentContent[]) => {
  const named = findNamedCause(...described.map((item) => item.description));
  return toCauseColumns({
    sha: named.sha,
    ref: named.ref ?? described.find((item) => item.artifactId)?.artifactId ?? null,
  });
};

/**
 * One incident from all the events of its subject: opened at the first detected or reported event, resolved at the
 * last resolved event when it comes after the last detection (a later detection reopens it). Its service is the
 * content's `service.id`, else the artifact's purl name; null when the events name neither.
 */
export const normalizeCdeventIncident = (events: Cdevent[], services: CdeventServices): IncidentRow | null => {
  const sorted = [...events].sort((a, b) => at(a).getTime() - at(b).getTime());
  const opening = sorted.filter((event) => event.type !== 'incident.resolved');
  const resolving = sorted.filter((event) => event.type === 'incident.resolved');
  const first = opening[0] ?? sorted[0]!;
  const lastResolve = resolving.at(-1);
  const reopened = lastResolve && opening.some((event) => at(event) > at(lastResolve));
  const described = sorted.map((event) => content<IncidentContent>(event));
  const serviceName =
    described.find((item) => item.service)?.service?.id ??
    described.map((item) => (item.artifactId ? purlName(item.artifactId) : null)).find(Boolean);
  const service = named(services, serviceName);
  if (!service) return null;
  const sourceId = subjectKey(first);
  return {
    id: makeId(CDEVENTS_SOURCE, 'incident', sourceId),
    source: CDEVENTS_SOURCE,
    sourceId,
    url: described.find((item) => item.ticketURI)?.ticketURI ?? null,
    service,
    title: content<IncidentContent>(first).description ?? null,
    severity: null,
    openedAt: at(first),
    resolvedAt: lastResolve && !reopened ? at(lastResolve) : null,
    ...cdeventCause(described),
  };
};

type PipelineContent = { pipelineName?: string; uri?: string; outcome?: 'success' | 'failure' | 'cancel' | 'error' };
const OUTCOMES = { success: 'success', failure: 'failure', error: 'failure', cancel: 'cancelled' } as const;

/** pipelinerun.finished: a run of the pipeline's service (its name, or `cdevents.services`); null without a name. */
export const normalizeCdeventPipelineRun = (event: Cdevent, services: CdeventServices): PipelineRunRow | null => {
  const { pipelineName, uri, outcome } = content<PipelineContent>(event);
  const service = named(services, pipelineName);
  if (!service || !pipelineName) return null;
  const sourceId = subjectKey(event);
  return {
    id: makeId(CDEVENTS_SOURCE, 'pipeline_run', sourceId),
    source: CDEVENTS_SOURCE,
    sourceId,
    url: uri ?? null,
    service,
    name: pipelineName,
    status: outcome ? OUTCOMES[outcome] : 'success',
    finishedAt: at(event),
  };
};

/**
 * change.merged: a merged change (pull or merge request) of the repository's service (`cdevents.services` by the
 * repository id, else its last path segment). CDEvents changes carry no commit, so they cannot give lead time (which
 * runs from a commit to the deployment that shipped it); they are kept as merged pull requests.
 */
export const normalizeCdeventChange = (event: Cdevent, services: CdeventServices): PullRequestRow | null => {
  const repository = content<{ repository?: { id: string } }>(event).repository?.id;
  if (!repository) return null;
  const service = Object.hasOwn(services, repository)
    ? services[repository]!
    : named(services, repository.split('/').filter(Boolean).at(-1));
  if (!service) return null;
  const sourceId = subjectKey(event);
  return {
    id: makeId(CDEVENTS_SOURCE, 'pull_request', sourceId),
    source: CDEVENTS_SOURCE,
    sourceId,
    url: null,
    service,
    repository,
    state: 'merged',
    openedAt: at(event),
    mergedAt: at(event),
    closedAt: at(event),
  };
};
