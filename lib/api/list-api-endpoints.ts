import type { ApiEndpoint } from './define-api-endpoint';
import { adoptionEndpoint, adoptionSeriesEndpoint, impactEndpoint } from './endpoints/adoption-endpoints';
import { servicesEndpoint, teamsEndpoint } from './endpoints/catalog-endpoints';
import { changesEndpoint, deploymentsEndpoint, incidentsEndpoint, metricsEndpoint, seriesEndpoint } from './endpoints/metrics-endpoints';
import { checkResultsEndpoint, scorecardsEndpoint, serviceScorecardEndpoint } from './endpoints/scorecard-endpoints';

/** Every `/api/v1` read, in the order the OpenAPI document lists them. */
export const listApiEndpoints = (): ApiEndpoint[] => [
  servicesEndpoint,
  teamsEndpoint,
  metricsEndpoint,
  seriesEndpoint,
  deploymentsEndpoint,
  changesEndpoint,
  incidentsEndpoint,
  scorecardsEndpoint,
  serviceScorecardEndpoint,
  checkResultsEndpoint,
  adoptionEndpoint,
  adoptionSeriesEndpoint,
  impactEndpoint,
];
