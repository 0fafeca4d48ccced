/**
 * Reports as files: the annual report (LKIP), a signed agreement (PK) and the review (reviu),
 * built and rendered by src/report/produce.ts (the same as `kinerja report`, `agreement`,
 * `review-doc`) from the agency's stored dataset with its region's settings. Anyone who may
 * read the agency may download them. PDF goes through the server's one Chromium; without one
 * the answer is 503 with how to install it.
 */
import { fileHashes } from '../../core/dataset/files.js';
import { readFiles } from '../../store/files.js';
import { z } from 'zod';
import { UnknownAgreement } from '../../core/report/agreement.js';
import { ChromiumMissingError } from '../../report/chromium.js';
import { CONTENT_TYPE, FORMATS_OF, produceReport, type DocumentFormat, type ReportRequest } from '../../report/produce.js';
import type { Context } from 'hono';
import { HttpError, notFound, text as t } from '../errors.js';
import type { SeenAgency } from '../commands/store.js';
import type { ServerDeps } from '../deps.js';
import { defineRoute } from '../route.js';
import { REPORT_CSP } from '../transfer.js';
import { AgencyParams, YearQuery } from '../schemas.js';
import { loaded, todayOf } from './agencies.js';

const formatQuery = (formats: readonly DocumentFormat[]) =>
  z.enum(formats as [DocumentFormat, ...DocumentFormat[]]).describe(`the file's format: ${formats.join(', ')}`);

const producesOf = (formats: readonly DocumentFormat[]) => formats.map((f) => CONTENT_TYPE[f].split(';')[0]).join(', ');

async function answer(deps: ServerDeps, agency: SeenAgency, c: Context, req: ReportRequest, format: DocumentFormat): Promise<Response> {
  const { dataset, regionSettings } = await loaded(deps, agency);
  let produced;
  try {
    // the crest, photos and scans the dataset refers to, as the store holds them (missing ones are said in the report)
    const files = await readFiles(deps.pool, agency.id, fileHashes(dataset));
    // a year's report measures its register-based indicators from the registers as of today
    const registerFigures = req.kind === 'agreement' ? undefined : await deps.cache.registerFigures(agency.id, dataset, req.year, todayOf(deps));
    produced = await produceReport(dataset, req, format, { regionSettings, files, registerFigures, ...(format === 'pdf' ? { pdf: deps.pdf.get() } : {}) });
  } catch (e) {
    if (e instanceof UnknownAgreement) throw notFound(t(e.message, e.localized.id), 'params.agreement');
    if (e instanceof ChromiumMissingError) throw new HttpError(503, 'pdf-unavailable', t(e.message, e.localized.id), { where: 'query.format' });
    throw e;
  }
  const bytes = typeof produced.content === 'string' ? Buffer.from(produced.content, 'utf8') : produced.content;
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': produced.contentType,
    'content-length': String(bytes.byteLength),
    'content-disposition': `attachment; filename="${produced.fileName}"`,
    'cache-control': 'private, no-store',
    // a report as HTML gets a policy of its own: its inline styles and data: fonts, no script
    ...(format === 'html' ? { 'content-security-policy': REPORT_CSP } : {}),
  });
}

export const lkip = defineRoute({
  id: 'reports.lkip',
  method: 'get',
  path: '/api/agencies/:agency/reports/lkip',
  tag: 'reports',
  summary: 'The annual performance report (LKIP) of a year as a file (the same as `kinerja report`)',
  auth: 'user',
  params: AgencyParams,
  query: YearQuery.extend({ format: formatQuery(['html', 'docx', 'pdf', 'xlsx']) }),
  response: null,
  produces: producesOf(['html', 'docx', 'pdf', 'xlsx']),
  async handler({ deps, agency, query, c }) {
    return answer(deps, agency, c, { kind: 'lkip', year: query.year }, query.format);
  },
});

export const agreement = defineRoute({
  id: 'reports.agreement',
  method: 'get',
  path: '/api/agencies/:agency/reports/agreement/:agreement',
  tag: 'reports',
  summary: 'A performance agreement (Perjanjian Kinerja) in its signed form, as a file (the same as `kinerja agreement`)',
  auth: 'user',
  params: AgencyParams.extend({ agreement: z.string().min(1).describe('the agreement id, e.g. pk-2025') }),
  query: z.object({ format: formatQuery(['html', 'docx', 'pdf', 'xlsx']) }),
  response: null,
  produces: producesOf(['html', 'docx', 'pdf', 'xlsx']),
  async handler({ deps, agency, params, query, c }) {
    return answer(deps, agency, c, { kind: 'agreement', agreementId: params.agreement }, query.format);
  },
});

export const reviewDocument = defineRoute({
  id: 'reports.review',
  method: 'get',
  path: '/api/agencies/:agency/reports/review',
  tag: 'reports',
  summary: "The review of a year's report (reviu) as a file (the same as `kinerja review-doc`)",
  auth: 'user',
  params: AgencyParams,
  query: YearQuery.extend({ format: formatQuery(FORMATS_OF.review) }),
  response: null,
  produces: producesOf(FORMATS_OF.review),
  async handler({ deps, agency, query, c }) {
    return answer(deps, agency, c, { kind: 'review', year: query.year }, query.format);
  },
});
