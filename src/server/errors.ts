/**
 * Errors of the API. Every error answers JSON in one shape, the validation findings'
 * format (src/core/findings.ts) saying what and where:
 *
 *   { "error": { "status": 409, "code": "version-conflict", "message": "…", "localized": { "id": "…" },
 *                "findings": [{ "severity": "error", "code": "…", "where": "body.version", "message": "…",
 *                               "localized": { "id": "…" } }],
 *                "current"?: … } }
 *
 * `message` is English (stable, for logs and the English interface); `localized.id` says the
 * same in Indonesian, which the web shows when its language is Indonesian. Every HttpError is
 * made with both texts side by side.
 *
 * `where` is a path into the request (`body.value`, `query.year`, `params.agency`) or, for a
 * change that would leave the dataset invalid, into the agency's dataset (`plans[0].goals[2]`).
 */
import { z } from 'zod';
import { EditError } from '../core/edit/common.js';
import { finding, text, type Finding, type Localized, type Text } from '../core/findings.js';
import { schemaFindings } from '../core/dataset/schema-issues.js';
import { requestPlace } from '../core/labels.js';

export class HttpError extends Error {
  readonly findings: Finding[];
  /** the message in Indonesian */
  readonly localized: Localized;
  constructor(
    readonly status: number,
    readonly code: string,
    /** what went wrong, in English and Indonesian (`text(en, id)`) */
    message: Text,
    opts: { findings?: Finding[]; where?: string; current?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message.en);
    this.name = 'HttpError';
    this.localized = { id: message.id };
    this.findings = opts.findings ?? [finding('error', code, opts.where ?? '(request)', message.en, message.id)];
    this.current = opts.current;
    this.headers = opts.headers;
  }
  readonly current: unknown;
  readonly headers: Record<string, string> | undefined;
}

export { text };

export const unauthorized = () =>
  new HttpError(
    401,
    'unauthenticated',
    text('sign in first: this needs a session (POST /api/auth/sign-in)', 'silakan masuk terlebih dahulu: permintaan ini memerlukan sesi (POST /api/auth/sign-in)'),
  );
/** 403, the reason in English and Indonesian. */
export const forbidden = (message: Text, where = '(request)') => new HttpError(403, 'forbidden', message, { where });
/** 404, what is missing in English and Indonesian. */
export const notFound = (message: Text, where = '(request)') => new HttpError(404, 'not-found', message, { where });

/**
 * A request part that failed its schema: 400 with one finding per problem, each naming its field
 * in words in both languages (core/labels.ts `requestPlace`: `params.year` → "Tahun: seharusnya
 * berupa angka, tetapi berisi teks "dua ribu""), never zod's own English; the message names the
 * first problem, and how many more there are.
 */
export function invalidRequest(part: 'body' | 'query' | 'params', error: z.ZodError, schema: z.ZodType, input: unknown): HttpError {
  const findings = schemaFindings(error.issues, schema, input, part).map((f) => {
    const place = requestPlace(f.where);
    return { ...f, message: `${capitalize(place.en)}: ${f.message}`, localized: { id: `${capitalize(place.id)}: ${f.localized?.id ?? f.message}` } };
  });
  const first = findings[0];
  const more = findings.length - 1;
  return new HttpError(
    400,
    'invalid-request',
    text(
      `${first ? first.message : 'the request is not as expected'}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`,
      `${first ? (first.localized?.id ?? first.message) : 'permintaan tidak sesuai'}${more > 0 ? ` (dan ${more} masalah lain)` : ''}`,
    ),
    { findings },
  );
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const EDIT_STATUS = { 'not-found': 404, conflict: 409, invalid: 422 } as const;

export function fromEditError(e: EditError): HttpError {
  return new HttpError(EDIT_STATUS[e.kind], e.code, text(e.message, e.localized.id), { where: `body.${e.where}` });
}

const LocalizedSchema = z.object({ id: z.string().describe('the message in Indonesian') });

export const ErrorBody = z
  .object({
    error: z.object({
      status: z.number().int(),
      code: z.string(),
      message: z.string().describe('in English'),
      localized: LocalizedSchema.optional(),
      findings: z.array(
        z.object({
          severity: z.enum(['error', 'warning', 'info']),
          code: z.string(),
          where: z.string(),
          message: z.string(),
          localized: LocalizedSchema.optional(),
        }),
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
      localized: e.localized,
      findings: e.findings,
      ...(e.current !== undefined ? { current: e.current } : {}),
    },
  };
}
