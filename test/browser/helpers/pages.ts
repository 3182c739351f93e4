/** Every page of the navigation, by the name its screenshot gets. */
export const PAGES: [name: string, path: string, heading: string][] = [
  ['overview', '/', 'Overview'],
  ['dora-trends', '/dora', 'DORA trends'],
  ['activity-deployments', '/activity/deployments', 'Activity'],
  ['activity-changes', '/activity/changes', 'Activity'],
  ['activity-incidents', '/activity/incidents', 'Activity'],
  ['teams', '/teams', 'Teams'],
  ['team', '/teams/payments', 'payments'],
  ['team-comparison', '/teams/compare', 'Compare teams'],
  ['services', '/services', 'Services'],
  ['service', '/services/payments-api', 'payments-api'],
  ['adoption', '/adoption', 'Adoption'],
  ['campaigns', '/campaigns', 'Campaigns'],
  ['maturity-report', '/reports/maturity', 'Golden-path maturity'],
  ['impact', '/impact', 'Adoption impact'],
  ['standards', '/standards', 'Standards'],
  ['ingest-status', '/ingest', 'Ingest status'],
];
