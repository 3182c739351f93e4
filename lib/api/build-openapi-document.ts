import { z } from 'zod';
import type { ApiEndpoint } from './define-api-endpoint';
import { listApiEndpoints } from './list-api-endpoints';
import { ZApiError } from './schemas/error-schema';

type JsonSchema = Record<string, unknown>;

// OpenAPI 3.1's schema dialect is JSON Schema 2020-12, which zod 4 writes itself (z.toJSONSchema): the document is
// generated from the very schemas that check each answer, with no second description to keep in step. Schemas
// with a `meta({ id })` become components; zod puts them in $defs, moved here to components.schemas.
const toSchema = (schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema => {
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw' }) as JsonSchema;
  const { $schema: _schema, $defs, ...rest } = JSON.parse(JSON.stringify(converted).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  Object.assign(components, $defs ?? {});
  return rest;
};

const PAGE_PARAMETERS = [
  { name: 'limit', in: 'query', required: false, description: 'Items per page (default 100)', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
  { name: 'cursor', in: 'query', required: false, description: "The previous page's nextCursor, with the same filters", schema: { type: 'string' } },
];

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const describeOperation = (endpoint: ApiEndpoint, components: Record<string, JsonSchema>) => {
  const query = Object.entries(endpoint.query.shape).map(([name, field]) => {
    const { description, ...schema } = toSchema(field as z.ZodType, 'input', components);
    return { name, in: 'query', required: !(field as z.ZodType).safeParse(undefined).success, ...(description ? { description } : {}), schema };
  });
  const path = Object.entries(endpoint.pathParams ?? {}).map(([name, description]) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } }));
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    parameters: [...path, ...query, ...(endpoint.paged ? PAGE_PARAMETERS : [])],
    responses: {
      '200': {
        description: 'The answer; send its ETag back as If-None-Match to get 304 while it is unchanged',
        headers: { ETag: { schema: { type: 'string' } } },
        content: { 'application/json': { schema: toSchema(endpoint.response, 'output', components) } },
      },
      '304': { description: 'Not modified: the If-None-Match ETag is still current', headers: { ETag: { schema: { type: 'string' } } } },
      '400': error('A parameter is invalid; details names each'),
      '401': error('A token (or a session) is needed'),
      '403': error('The token lacks the read scope'),
      ...(endpoint.pathParams ? { '404': error('No such service') } : {}),
    },
  };
};

/** The OpenAPI 3.1 document of `/api/v1`, served at /api/v1/openapi.json. */
export const buildOpenApiDocument = (endpoints: ApiEndpoint[] = listApiEndpoints()) => {
  const components: Record<string, JsonSchema> = {};
  toSchema(ZApiError, 'output', components);
  const paths = Object.fromEntries(endpoints.map((endpoint) => [endpoint.path, { get: describeOperation(endpoint, components) }]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Waymark API',
      version: '1',
      description:
        'DORA metrics, scorecards and adoption of golden-path standards. Reads need a token with the read scope ' +
        '(Authorization: Bearer) when sign-in or server.requireReadToken is on. Lists are paged by cursor.',
    },
    tags: [{ name: 'catalog' }, { name: 'metrics' }, { name: 'scorecards' }, { name: 'adoption' }],
    security: [{ bearerToken: [] }, {}],
    paths,
    components: { schemas: components, securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer' } } },
  };
};
