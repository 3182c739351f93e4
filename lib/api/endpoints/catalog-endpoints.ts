import { z } from 'zod';
import { listServices } from '../../catalog/list-services';
import { listTeams } from '../../catalog/list-teams';
import { defineApiEndpoint } from '../define-api-endpoint';
import { slicePage } from '../slice-page';
import { ZService, ZTeam } from '../schemas/catalog-schemas';
import { toPageSchema } from '../schemas/page-schema';

export const ZTeamFilter = z.string().min(1).optional().meta({ description: "Only this team's services" });

export const servicesEndpoint = defineApiEndpoint({
  path: '/api/v1/services',
  operationId: 'listServices',
  summary: 'The services in the catalog, by name',
  tag: 'catalog',
  query: z.strictObject({ team: ZTeamFilter }),
  paged: true,
  response: toPageSchema(ZService, 'ServicePage'),
  answer: async ({ db, query, page }) => slicePage(await listServices({ db, team: query.team }), page),
});

export const teamsEndpoint = defineApiEndpoint({
  path: '/api/v1/teams',
  operationId: 'listTeams',
  summary: 'The teams that own services, with how many, by name',
  tag: 'catalog',
  query: z.strictObject({}),
  paged: true,
  response: toPageSchema(ZTeam, 'TeamPage'),
  answer: async ({ db, page }) => slicePage(await listTeams({ db }), page),
});
