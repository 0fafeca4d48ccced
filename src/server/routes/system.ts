/** Health and the API's description. */
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { HttpError, text as t } from '../errors.js';
import { named } from '../schemas.js';

export const healthz = defineRoute({
  id: 'system.healthz',
  method: 'get',
  path: '/healthz',
  tag: 'system',
  summary: 'Health: 200 when the database answers, 503 when it does not',
  auth: 'public',
  response: named(z.object({ status: z.literal('ok'), database: z.literal('ok') }), 'Health'),
  async handler({ deps }) {
    try {
      await deps.pool.query('SELECT 1');
    } catch (e) {
      const why = (e as Error).message;
      throw new HttpError(503, 'database-unavailable', t(`the database does not answer: ${why}`, `basis data tidak menjawab: ${why}`), { where: 'database' });
    }
    return { status: 'ok' as const, database: 'ok' as const };
  },
});

export const openapi = defineRoute({
  id: 'system.openapi',
  method: 'get',
  path: '/api/openapi.json',
  tag: 'system',
  summary: 'This API as an OpenAPI 3.1 description, generated from the route table and its zod schemas',
  auth: 'public',
  response: z.record(z.string(), z.unknown()),
  async handler() {
    const { buildOpenApi } = await import('../openapi.js');
    const { ROUTES } = await import('./index.js');
    return buildOpenApi(ROUTES);
  },
});
