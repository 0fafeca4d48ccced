/**
 * The route table's types. Every route of the API is one {@link Route}: method, path,
 * schemas of its parameters, query, body and response, who may call it at all (`auth`), and
 * a thin handler. The app registers exactly the routes of the table (routes/index.ts), the
 * OpenAPI description is generated from it (openapi.ts), and the role × route test walks it.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { ServerDeps } from './deps.js';
import type { SeenAgency } from './commands/store.js';
import type { JsonText } from './json.js';
import type { User } from './policies/types.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B, U> {
  deps: ServerDeps;
  c: Context;
  user: U;
  params: P;
  query: Q;
  body: B;
  /** the agency of a path with `:agency`, already checked readable by the user, with the revision the request read */
  agency: SeenAgency;
}

interface RouteBase {
  id: string;
  method: Method;
  /** Hono syntax: `/api/agencies/:agency/plans` */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** success status (default 200) */
  status?: number;
  /** largest request body in bytes (default 1 MiB) */
  bodyLimit?: number | 'dataset';
}

export interface RouteDef<PS, QS, BS, RS, A extends 'public' | 'user'> extends RouteBase {
  auth: A;
  params?: PS;
  query?: QS;
  /** a JSON body schema, or `multipart` (described in `multipart`) */
  body?: BS;
  multipart?: Record<string, { type: 'string' | 'file'; description: string; required?: boolean }>;
  /** the body as the OpenAPI description shows it, when `body` accepts anything and the handler validates */
  bodyDoc?: z.ZodType;
  /** the JSON response's schema; `null` for a response that is not JSON (described in `produces`) */
  response: RS;
  produces?: string;
  handler: (ctx: RouteContext<Out<PS>, Out<QS>, Out<BS>, A extends 'user' ? User : User | null>) => Promise<RS extends z.ZodType ? z.input<RS> | JsonText<z.input<RS>> | Response : Response>;
}

/** A route with its types erased, as the table holds it. */
export interface Route extends RouteBase {
  auth: 'public' | 'user';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  multipart?: Record<string, { type: 'string' | 'file'; description: string; required?: boolean }>;
  bodyDoc?: z.ZodType;
  response: z.ZodType | null;
  produces?: string;
  handler: (ctx: RouteContext<unknown, unknown, unknown, User | null>) => Promise<unknown>;
}

export function defineRoute<
  PS extends z.ZodObject | undefined = undefined,
  QS extends z.ZodObject | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
  RS extends z.ZodType | null = null,
  A extends 'public' | 'user' = 'user',
>(def: RouteDef<PS, QS, BS, RS, A>): Route {
  return def as unknown as Route;
}
