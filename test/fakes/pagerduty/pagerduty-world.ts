/** A PagerDuty account as the fake serves it: services and incidents with their clock log entries. */
export type FakePagerdutyService = { id: string; name: string };
export type FakeLogEntry = {
  id: string;
  type: 'trigger_log_entry' | 'acknowledge_log_entry' | 'resolve_log_entry' | 'notify_log_entry';
  at: Date;
};
export type FakeIncident = {
  id: string;
  number: number;
  title: string;
  serviceId: string;
  urgency: 'high' | 'low';
  priority: string | null;
  createdAt: Date;
  log: FakeLogEntry[];
};
export type FakePagerdutyWorld = { services: FakePagerdutyService[]; incidents: FakeIncident[] };

const HOST = 'https://acme.pagerduty.com';
const API = 'https://api.pagerduty.com';

/** An incident's status follows its last clock entry, as in PagerDuty. */
export const statusOf = (incident: FakeIncident) => {
  const last = incident.log.filter((entry) => entry.type !== 'notify_log_entry').at(-1);
  return last?.type === 'resolve_log_entry'
    ? 'resolved'
    : last?.type === 'acknowledge_log_entry'
      ? 'acknowledged'
      : 'triggered';
};

const serviceReference = (world: FakePagerdutyWorld, id: string) => ({
  id,
  type: 'service_reference',
  summary: world.services.find((service) => service.id === id)?.name ?? id,
  self: `${API}/services/${id}`,
  html_url: `${HOST}/service-directory/${id}`,
});

const incidentReference = (incident: FakeIncident) => ({
  id: incident.id,
  type: 'incident_reference',
  summary: `[#${incident.number}] ${incident.title}`,
  self: `${API}/incidents/${incident.id}`,
  html_url: `${HOST}/incidents/${incident.id}`,
});

/** An incident as `GET /incidents` renders it (developer.pagerduty.com, "List incidents", example response). */
export const renderIncident = (world: FakePagerdutyWorld, incident: FakeIncident) => {
  const status = statusOf(incident);
  const resolve = incident.log.findLast((entry) => entry.type === 'resolve_log_entry');
  const lastChange = incident.log.filter((entry) => entry.type !== 'notify_log_entry').at(-1)?.at ?? incident.createdAt;
  return {
    id: incident.id,
    type: 'incident',
    summary: `[#${incident.number}] ${incident.title}`,
    self: `${API}/incidents/${incident.id}`,
    html_url: `${HOST}/incidents/${incident.id}`,
    incident_number: incident.number,
    title: incident.title,
    created_at: incident.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    updated_at: lastChange.toISOString(),
    status,
    incident_key: `key-${incident.id}`,
    service: serviceReference(world, incident.serviceId),
    assignments: [],
    assigned_via: 'escalation_policy',
    last_status_change_at: lastChange.toISOString(),
    resolved_at: status === 'resolved' && resolve ? resolve.at.toISOString() : null,
    first_trigger_log_entry: { id: incident.log[0]?.id, type: 'trigger_log_entry_reference' },
    alert_counts: { all: 1, triggered: status === 'resolved' ? 0 : 1, resolved: status === 'resolved' ? 1 : 0 },
    is_mergeable: true,
    escalation_policy: {
      id: 'PEP0001',
      type: 'escalation_policy_reference',
      summary: 'Default',
      self: `${API}/escalation_policies/PEP0001`,
    },
    teams: [],
    pending_actions: [],
    acknowledgements: [],
    alert_grouping: null,
    last_status_change_by: serviceReference(world, incident.serviceId),
    priority: incident.priority
      ? {
          id: `PRI${incident.priority}`,
          type: 'priority_reference',
          summary: incident.priority,
          self: `${API}/priorities/PRI${incident.priority}`,
        }
      : null,
    resolve_reason: null,
    incidents_responders: [],
    responder_requests: [],
    subscriber_requests: [],
    urgency: incident.urgency,
  };
};

/** A log entry as `GET /log_entries` renders it (developer.pagerduty.com, "List log entries"). */
export const renderLogEntry = (world: FakePagerdutyWorld, incident: FakeIncident, entry: FakeLogEntry) => ({
  id: entry.id,
  type: entry.type,
  summary: entry.type.replace(/_log_entry$/, '').replace(/^./, (letter) => letter.toUpperCase()),
  self: `${API}/log_entries/${entry.id}`,
  html_url: `${HOST}/incidents/${incident.id}/log_entries/${entry.id}`,
  created_at: entry.at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  agent: serviceReference(world, incident.serviceId),
  channel: { type: entry.type === 'trigger_log_entry' ? 'api' : 'web_trigger' },
  service: serviceReference(world, incident.serviceId),
  incident: incidentReference(incident),
  teams: [],
  contexts: [],
  event_details: {},
});

/** A v3 webhook payload for an incident event (developer.pagerduty.com, "V3 Webhooks", Webhook Payload). */
export const renderWebhook = (
  world: FakePagerdutyWorld,
  incident: FakeIncident,
  eventType: string,
  occurredAt: Date,
  eventId: string,
) => {
  const rendered = renderIncident(world, incident);
  return {
    event: {
      id: eventId,
      event_type: eventType,
      resource_type: 'incident',
      occurred_at: occurredAt.toISOString(),
      agent: {
        html_url: `${HOST}/users/PLH1HKV`,
        id: 'PLH1HKV',
        self: `${API}/users/PLH1HKV`,
        summary: 'Tenex Engineer',
        type: 'user_reference',
      },
      client: { name: 'PagerDuty' },
      data: {
        id: rendered.id,
        type: 'incident',
        self: rendered.self,
        html_url: rendered.html_url,
        number: incident.number,
        status: rendered.status,
        incident_key: rendered.incident_key,
        created_at: rendered.created_at,
        title: rendered.title,
        service: rendered.service,
        assignees: [],
        escalation_policy: rendered.escalation_policy,
        teams: [],
        priority: rendered.priority,
        urgency: rendered.urgency,
        conference_bridge: null,
        resolve_reason: null,
      },
    },
  };
};
