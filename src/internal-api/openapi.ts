/** One part of the internal API's OpenAPI description, contributed by one flow. */
export interface OpenApiPart {
  paths: Record<string, unknown>;
  schemas: Record<string, unknown>;
}

const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string', description: 'JSON pointer into the request body' },
          code: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
};

/**
 * The OpenAPI 3.1 description of the internal API, served at `/internal/openapi.json`. The
 * request schemas in it are the ones the validators compile, so the two cannot drift apart.
 */
export function buildOpenApiDocument(parts: OpenApiPart[]) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cocoom for Slack internal API',
      version: '1.0.0',
      description: 'Called by the Cocoom platform, server to server, with a bearer token.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.assign({ Error: errorSchema }, ...parts.map((p) => p.schemas)),
    },
    security: [{ bearer: [] }],
    paths: Object.assign({}, ...parts.map((p) => p.paths)),
  };
}
