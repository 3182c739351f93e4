import { z } from 'zod';
import { AppError } from '../../errors';
import { getServiceScorecard } from '../../scorecard/get-service-scorecard';
import { listScorecards } from '../../scorecard/list-scorecards';
import { listServiceScorecards } from '../../scorecard/list-service-scorecards';
import { defineApiEndpoint } from '../define-api-endpoint';
import { slicePage } from '../slice-page';
import { toPageSchema } from '../schemas/page-schema';
import { ZCheckResult, ZCheckStatus, ZScorecardSummary, ZServiceScorecard } from '../schemas/scorecard-schemas';
import { ZTeamFilter } from './catalog-endpoints';

export const scorecardsEndpoint = defineApiEndpoint({
  path: '/api/v1/scorecards',
  operationId: 'listScorecards',
  summary: "One row per service: level, score and counts by status, from the latest daily snapshot; by team, then name",
  tag: 'scorecards',
  query: z.strictObject({ team: ZTeamFilter }),
  paged: true,
  response: toPageSchema(ZScorecardSummary, 'ScorecardSummaryPage'),
  answer: async ({ db, query, page }) => slicePage(await listScorecards({ db, team: query.team }), page),
});

export const serviceScorecardEndpoint = defineApiEndpoint({
  path: '/api/v1/services/{name}/scorecard',
  operationId: 'getServiceScorecard',
  summary: "A service's scorecard: level, score and every check with status, evidence, fix, exemption and facts' age",
  tag: 'scorecards',
  pathParams: { name: 'The service name (a name starting with ~, or . and .., gets one more ~ in front)' },
  query: z.strictObject({}),
  paged: false,
  response: ZServiceScorecard,
  answer: async ({ db, path }) => {
    const scorecard = await getServiceScorecard({ db, service: path.name! });
    if (!scorecard) throw new AppError('NOT_FOUND', `No service named "${path.name}"`);
    return scorecard;
  },
});

export const checkResultsEndpoint = defineApiEndpoint({
  path: '/api/v1/check-results',
  operationId: 'listCheckResults',
  summary: "Each service's current result of each check (status, evidence, since when), by service, then check order",
  tag: 'scorecards',
  query: z.strictObject({
    team: ZTeamFilter,
    service: z.string().min(1).optional().meta({ description: 'One service' }),
    check: z.string().min(1).optional().meta({ description: 'One check (its id in the standards file)' }),
    status: ZCheckStatus.optional().meta({ description: 'Only results with this status' }),
  }),
  paged: true,
  response: toPageSchema(ZCheckResult, 'CheckResultPage'),
  answer: async ({ db, query, page }) => {
    const cards = await listServiceScorecards({ db, team: query.team, services: query.service === undefined ? undefined : [query.service] });
    const results = cards.flatMap(({ service, team, checks }) =>
      checks
        .filter((check) => (query.check === undefined || check.id === query.check) && (query.status === undefined || check.status === query.status))
        .map(({ id, ...check }) => ({ service, team, check: id, ...check })),
    );
    return slicePage(results, page);
  },
});
