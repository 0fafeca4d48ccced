/**
 * The HTTP application: Hono, with the routes of the table (routes/index.ts) as thin
 * handlers. Every request first has its Host checked (hosts.ts: 421 unless it is the server's
 * name). Each route is wrapped in the same steps, in this order:
 *
 *   body size, counted while the body streams (413; hono/body-limit) → CSRF (state-changing
 *   requests) → session (401) → path parameters → the agency of the path,
 *   readable by the user (else 404, the same answer as for an agency that does not exist) →
 *   query and body against their schemas (400 with findings) → handler (policies: 403;
 *   versions: 409; an invalid result: 422) → the response, checked against its schema in tests.
 *
 * `createApp` needs no port: tests call `app.request()`; main.ts serves it with
 * @hono/node-server.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { sessionUser } from './auth.js';
import type { SeenAgency } from './commands/store.js';
import { checkCsrf } from './csrf.js';
import type { ServerDeps } from './deps.js';
import { errorBody, HttpError, invalidRequest, notFound, text as t, unauthorized } from './errors.js';
import { allowedOrigins, checkHost, serverNames, type ServerNames } from './hosts.js';
import { jsonBody, JsonText } from './json.js';
import { APP_CSP, pickStatic, StaticFiles, warmStatic } from './transfer.js';
import * as agencyPolicy from './policies/agency.js';
import type { User } from './policies/types.js';
import type { Route } from './route.js';
import { ROUTES } from './routes/index.js';

const MIB = 1024 * 1024;

function parsePart<T extends z.ZodType>(part: 'params' | 'query' | 'body', schema: T | undefined, input: unknown): z.output<T> | undefined {
  if (!schema) return undefined;
  const r = schema.safeParse(input);
  if (!r.success) throw invalidRequest(part, r.error, schema, input);
  return r.data;
}

/** The body, limited before (bodyLimit in createApp). */
async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw new HttpError(400, 'invalid-json', t('the request body is empty; expected JSON', 'isi permintaan kosong; seharusnya berupa JSON'), { where: 'body' });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    // the parser's reason is English (the engine's); kept as it is in both texts
    const why = (e as Error).message;
    throw new HttpError(400, 'invalid-json', t(`the request body is not JSON: ${why}`, `isi permintaan bukan JSON yang sah: ${why}`), { where: 'body' });
  }
}

const tooLarge = (limit: number) => {
  const mib = (limit / MIB).toFixed(limit % MIB === 0 ? 0 : 1);
  return new HttpError(413, 'too-large', t(`the request body is larger than ${mib} MiB`, `isi permintaan lebih besar dari ${mib.replace('.', ',')} MiB`), { where: 'body' });
};

export function errorResponse(c: Context, e: unknown): Response {
  // a unique key taken by a concurrent request (two admins creating one login at once …)
  if ((e as { code?: unknown }).code === '23505') {
    const constraint = (e as { constraint?: string }).constraint;
    e = new HttpError(
      409,
      'duplicate',
      t(
        `the record already exists (${constraint ?? 'a unique key'}); reload and try again`,
        `data tersebut sudah ada (${constraint ?? 'kunci unik'}); muat ulang lalu coba lagi`,
      ),
    );
  }
  if (e instanceof HttpError) {
    for (const [k, v] of Object.entries(e.headers ?? {})) c.header(k, v);
    return c.json(errorBody(e), e.status as 400);
  }
  console.error(e);
  const internal = new HttpError(
    500,
    'internal-error',
    t('the server failed to answer this request; the error is in its log', 'server gagal menjawab permintaan ini; kesalahannya tercatat dalam log server'),
  );
  return c.json(errorBody(internal), 500);
}

/** The largest body a route reads: the dataset limit for imports, else its own or 1 MiB. */
export const bodyLimitOf = (deps: ServerDeps, route: Route): number => (route.bodyLimit === 'dataset' ? deps.settings.maxDatasetBytes : (route.bodyLimit ?? MIB));

/**
 * The body limit, before anything else of the route: a declared Content-Length past it is
 * refused at once; a body without one (chunked) is counted while it streams and refused as soon
 * as it passes the limit, having buffered at most the limit. What the client still sends is
 * drained and the connection closed by @hono/node-server (at most 500 ms or 64 MiB).
 */
const limitBody = (limit: number) => bodyLimit({ maxSize: limit, onError: (c) => errorResponse(c, tooLarge(limit)) });

function wrap(deps: ServerDeps, route: Route, names: ServerNames) {
  return async (c: Context): Promise<Response> => {
    try {
      checkCsrf(c, { secret: deps.secret, origins: () => allowedOrigins(c, names) });
      // public routes never look at the session (healthz stays a floor: one SELECT 1)
      const user: User | null = route.auth === 'user' ? await sessionUser(deps.auth, c.req.raw.headers) : null;
      if (route.auth === 'user' && !user) throw unauthorized();
      const params = parsePart('params', route.params, c.req.param()) as Record<string, unknown> | undefined;
      let agency: SeenAgency | null = null;
      if (params && typeof params.agency === 'string') {
        // the agency and its revision in one query (shared by concurrent requests, read after they came):
        // the cache answers from memory when it holds that revision
        const found = await deps.cache.find(params.agency);
        if (!found || !user || !agencyPolicy.can(user, 'read', { agencyId: found.id, region: found.region })) {
          throw notFound(
            t(`no agency "${params.agency}" (or none you may see)`, `tidak ada perangkat daerah "${params.agency}" (atau yang boleh Anda lihat)`),
            'params.agency',
          );
        }
        agency = found;
      }
      const query = parsePart('query', route.query, c.req.query());
      const body = route.body ? parsePart('body', route.body, await readJsonBody(c)) : undefined;
      const result = await route.handler({ deps, c, user, params, query, body, agency: agency! });
      if (result instanceof Response) return result;
      const value = result instanceof JsonText ? result.value : result;
      if (deps.checkResponses && route.response) {
        const checked = route.response.safeParse(value);
        if (!checked.success) throw new Error(`response of ${route.id} does not match its schema: ${z.prettifyError(checked.error)}`);
      }
      // an answer serialized once (json.ts) goes out as its bytes (compressed once per coding);
      // another is serialized here, and compressed when large (transfer.ts)
      const accept = c.req.header('accept-encoding');
      const sent =
        result instanceof JsonText
          ? jsonBody(result.bytes, accept, result.coded)
          : jsonBody(new TextEncoder().encode(JSON.stringify(result)), accept);
      return c.body(sent.body as Uint8Array<ArrayBuffer>, (route.status ?? 200) as 200, sent.headers);
    } catch (e) {
      return errorResponse(c, e);
    }
  };
}

const MINIMAL_PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Kinerja</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Kinerja</h1>
<p>API aktif. Antarmuka web belum dibangun (<code>web/dist</code> tidak ada).</p>
<p>The API is up: <a href="/api/openapi.json">/api/openapi.json</a> describes it; <a href="/healthz">/healthz</a> checks the database.</p>
</body></html>
`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** An error as a small page, in Indonesian and English. */
const errorPage = (e: HttpError) => `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Kinerja</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Kinerja</h1>
<p>${escapeHtml(e.localized.id)}</p>
<p lang="en">${escapeHtml(e.message)}</p>
</body></html>
`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The built front end (web/dist) when it exists: its files, and index.html for any other page
 * path; each read and compressed once (transfer.ts) and sent as the request accepts.
 */
async function serveWeb(c: Context, dist: string | undefined, files: StaticFiles): Promise<Response> {
  if (!dist || !existsSync(join(dist, 'index.html'))) return c.html(MINIMAL_PAGE);
  const root = resolve(dist);
  const path = decodeURIComponent(new URL(c.req.url).pathname);
  let file = resolve(root, `.${path}`);
  let ext = file.slice(file.lastIndexOf('.'));
  const asset = file.startsWith(root + '/') && CONTENT_TYPES[ext] !== undefined && existsSync(file);
  if (!asset) {
    file = join(root, 'index.html');
    ext = '.html';
  }
  const sent = pickStatic(await files.get(file), c.req.header('accept-encoding'));
  const immutable = asset && path.startsWith('/assets/');
  return c.body(sent.body as Uint8Array<ArrayBuffer>, 200, {
    'content-type': CONTENT_TYPES[ext]!,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...sent.headers,
  });
}

export function createApp(deps: ServerDeps, routes: readonly Route[] = ROUTES): Hono {
  const app = new Hono();
  const files = new StaticFiles();
  if (deps.settings.webDist && existsSync(join(deps.settings.webDist, 'index.html'))) void warmStatic(files, deps.settings.webDist);
  app.use('*', async (c, next) => {
    // set before the handler, so that the response it makes carries them (a handler may set its
    // own x-frame-options). Setting a header after the response is made would copy it into a
    // new Response, whose body is then read back as a stream: far slower for every answer.
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    c.header('x-frame-options', 'DENY');
    c.header('content-security-policy', APP_CSP);
    await next();
    // a Response made by a handler itself (not through the context) has none of them yet
    if (!c.res.headers.has('x-content-type-options')) {
      c.header('x-content-type-options', 'nosniff');
      c.header('referrer-policy', 'same-origin');
      if (!c.res.headers.has('x-frame-options')) c.header('x-frame-options', 'DENY');
      if (!c.res.headers.has('content-security-policy')) c.header('content-security-policy', APP_CSP);
    }
  });
  // only the server's own names (DNS rebinding), before anything reads the request
  const names = serverNames(deps.settings);
  app.use('*', async (c, next) => {
    try {
      checkHost(c, names);
    } catch (e) {
      // a page asked for by a browser gets the message as a page, the API its JSON
      const path = new URL(c.req.url).pathname;
      if (e instanceof HttpError && !path.startsWith('/api') && c.req.header('accept')?.includes('text/html')) return c.html(errorPage(e), e.status as 421);
      return errorResponse(c, e);
    }
    await next();
  });
  for (const route of routes) app.on(route.method.toUpperCase(), route.path, limitBody(bodyLimitOf(deps, route)), wrap(deps, route, names));
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/api/') || path === '/api' || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) {
      const route = `${c.req.method} ${path}`;
      return errorResponse(c, notFound(t(`no route ${route}; the API is described at /api/openapi.json`, `tidak ada rute ${route}; API dijelaskan di /api/openapi.json`)));
    }
    return serveWeb(c, deps.settings.webDist, files);
  });
  app.onError((e, c) => errorResponse(c, e));
  return app;
}
