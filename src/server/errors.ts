/**
 * Errors of the API. Every error answers JSON in one shape, the validation findings'
 * format (src/core/findings.ts) saying what and where:
 *
 *   { "error": { "status": 409, "code": "version-conflict", "message": "…",
 *                "findings": [{ "severity": "error", "code": "…", "where": "body.version", "message": "…" }],
 *                "current"?: … } }
 *
 * `where` is a path into the request (`body.value`, `query.year`, `params.agency`) or, for a
 * change that would leave the dataset invalid, into the agency's dataset (`plans[0].goals[2]`).
 */
import { z } from 'zod';
import { EditError } from '../core/edit/common.js';
import { finding, type Finding } from '../core/findings.js';
import { schemaFindings } from '../core/dataset/schema-issues.js';

export class HttpError extends Error {
  readonly findings: Finding[];
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    opts: { findings?: Finding[]; where?: string; current?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.findings = opts.findings ?? [finding('error', code, opts.where ?? '(request)', message)];
    this.current = opts.current;
    this.headers = opts.headers;
  }
  readonly current: unknown;
  readonly headers: Record<string, string> | undefined;
}

export const unauthorized = () => new HttpError(401, 'unauthenticated', 'sign in first: this needs a session (POST /api/auth/sign-in)');
export const forbidden = (message: string, where = '(request)') => new HttpError(403, 'forbidden', message, { where });
export const notFound = (message: string, where = '(request)') => new HttpError(404, 'not-found', message, { where });

/** A request part that failed its schema: 400 with one finding per problem. */
export function invalidRequest(part: 'body' | 'query' | 'params', error: z.ZodError, schema: z.ZodType, input: unknown): HttpError {
  const findings = schemaFindings(error.issues, schema, input, part);
  return new HttpError(400, 'invalid-request', `the request ${part} does not match its schema (${findings.length} problem${findings.length === 1 ? '' : 's'})`, {
    findings,
  });
}

const EDIT_STATUS = { 'not-found': 404, conflict: 409, invalid: 422 } as const;

export function fromEditError(e: EditError): HttpError {
  return new HttpError(EDIT_STATUS[e.kind], e.code, e.message, { where: `body.${e.where}` });
}

export const ErrorBody = z
  .object({
    error: z.object({
      status: z.number().int(),
      code: z.string(),
      message: z.string(),
      findings: z.array(
        z.object({ severity: z.enum(['error', 'warning', 'info']), code: z.string(), where: z.string(), message: z.string() }),
      ),
      current: z.unknown().optional().describe('409 version-conflict: the record as it is now, with its version'),
    }),
  })
  .describe('An error: what went wrong and where, as validation findings');

export function errorBody(e: HttpError): z.infer<typeof ErrorBody> {
  return {
    error: {
      status: e.status,
      code: e.code,
      message: e.message,
      findings: e.findings,
      ...(e.current !== undefined ? { current: e.current } : {}),
    },
  };
}
