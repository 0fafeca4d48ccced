/**
 * The OpenAPI 3.1 description of the API, generated from the route table (routes/index.ts)
 * and its zod schemas (z.toJSONSchema, JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
 * Named schemas (schemas.ts's registry: the dataset's objects and the API's shapes) become
 * `#/components/schemas/<name>`; every other body and response schema is named after its
 * route (`<route id>.body`, `<route id>.response`).
 */
import { z } from 'zod';
import { ErrorBody } from './errors.js';
import type { Route } from './route.js';
import { apiRegistry, named } from './schemas.js';
import { CSRF_COOKIE, CSRF_HEADER } from './csrf.js';

type Json = Record<string, unknown>;

const ref = (schema: z.ZodType): Json => ({ $ref: `#/components/schemas/${apiRegistry.get(schema)!.id}` });

const ERRORS: Record<number, string> = {
  400: 'the request does not match its schema (findings say where)',
  401: 'no session: sign in first',
  403: 'the role may not do this here, or the CSRF check failed',
  404: 'no such record, or an agency the user may not see',
  409: 'the record changed since it was read (the current one is in `error.current`), or an id is taken',
  413: 'the body is larger than the route takes (1 MiB; imports KINERJA_MAX_DATASET_MB; evidence 5 MiB), counted while it streams',
  415: 'an evidence file of another type than PDF, JPEG, PNG',
  422: 'the change would make the dataset invalid (findings with paths), or the value does not fit the indicator',
  421: 'the Host is not one of the server\'s names (KINERJA_PUBLIC_URL, KINERJA_ALLOWED_HOSTS)',
  429: 'too many failed sign-in attempts (Retry-After)',
};

function errorsFor(route: Route): number[] {
  const codes = [400, 421];
  if (route.auth === 'user') codes.push(401, 403);
  else if (route.method !== 'get') codes.push(403);
  if (route.path.includes(':')) codes.push(404);
  if (route.method !== 'get') codes.push(409, 422);
  if (route.method !== 'get') codes.push(413);
  if (route.id === 'realizations.evidence') codes.push(415);
  if (route.id === 'auth.signIn') codes.push(401, 429);
  if (route.id === 'auth.password') codes.push(429);
  return [...new Set(codes)].sort();
}

function parameter(name: string, where: 'path' | 'query', schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
  const { $schema: _s, description, ...rest } = json;
  const optional = schema.safeParse(undefined).success;
  return { name, in: where, required: where === 'path' || !optional, schema: rest, ...(description ? { description } : {}) };
}

export function buildOpenApi(routes: readonly Route[]): Json {
  // every body and response schema gets a name, so the description refers to it
  for (const r of routes) {
    const body = r.bodyDoc ?? r.body;
    if (body) named(body, `${r.id}.body`);
    if (r.response) named(r.response, `${r.id}.response`);
  }
  named(ErrorBody, 'Error');
  const generated = z.toJSONSchema(apiRegistry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  const schemas: Record<string, Json> = {};
  for (const [id, s] of Object.entries(generated.schemas)) {
    const { $schema: _s, $id: _id, ...rest } = s;
    schemas[id] = rest;
  }

  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters: Json[] = [];
    for (const [name, s] of Object.entries(r.params?.shape ?? {})) parameters.push(parameter(name, 'path', s as z.ZodType));
    for (const [name, s] of Object.entries(r.query?.shape ?? {})) parameters.push(parameter(name, 'query', s as z.ZodType));
    const op: Json = {
      operationId: r.id,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      security: r.auth === 'user' ? [{ session: [] }] : [],
      ...(parameters.length > 0 ? { parameters } : {}),
    };
    const body = r.bodyDoc ?? r.body;
    if (body) op.requestBody = { required: true, content: { 'application/json': { schema: ref(body) } } };
    if (r.multipart) {
      op.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: Object.entries(r.multipart).filter(([, f]) => f.required).map(([k]) => k),
              properties: Object.fromEntries(
                Object.entries(r.multipart).map(([k, f]) => [k, f.type === 'file' ? { type: 'string', format: 'binary', description: f.description } : { type: 'string', description: f.description }]),
              ),
            },
          },
        },
      };
    }
    const status = String(r.status ?? 200);
    const responses: Json = {
      [status]: r.response
        ? {
            description: r.summary,
            // a JSON answer that can also be a file (`format=csv`): the file's types beside it
            content: { 'application/json': { schema: ref(r.response) }, ...Object.fromEntries((r.produces ?? '').split(',').filter((t) => t.trim() !== '').map((t) => [t.trim(), { schema: { type: 'string', format: 'binary' } }])) },
          }
        : { description: r.summary, content: Object.fromEntries((r.produces ?? 'application/octet-stream').split(',').map((t) => [t.trim(), { schema: { type: 'string', format: 'binary' } }])) },
    };
    for (const code of errorsFor(r)) responses[String(code)] = { description: ERRORS[code], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    op.responses = responses;
    (paths[path] ??= {})[r.method] = op;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Kinerja API',
      version: '1',
      description:
        'The web application of Kinerja (e-SAKIP). JSON in and out; errors are `{ error: { status, code, message, findings[] } }` with findings saying where. ' +
        `Sessions are an HTTP-only cookie set by POST /api/auth/sign-in. Every POST, PUT, PATCH and DELETE needs the CSRF token: the value of the ${CSRF_COOKIE} cookie (GET /api/auth/csrf) in the ${CSRF_HEADER} header, and an Origin (when sent) of this server. ` +
        'Editable records come with a `version`; an edit sends the version it read and gets 409 Conflict when the record changed meanwhile.',
    },
    servers: [{ url: '/' }],
    tags: ['system', 'auth', 'accounts', 'worklist', 'agencies', 'import', 'plans', 'agreements', 'programs', 'realizations', 'evaluation', 'narrative', 'reports', 'audit', 'publications', 'registers'].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'kinerja.session_token', description: 'the HTTP-only session cookie set by sign-in' },
      },
    },
  };
}
