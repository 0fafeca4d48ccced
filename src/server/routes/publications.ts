/**
 * Issued reports in the app: issue an LKIP, an agreement or a review (an LKIP only on approved
 * data: src/publish refuses it, naming the indicators), list what was issued with who issued it
 * and each file's SHA-256, download an issued file as it was issued, check that the report is
 * reproduced byte for byte from its snapshot, and show what changed since it was issued — the
 * same as `kinerja publish`, `published`, `reproduce` and `changes`.
 */
import { z } from 'zod';
import { text, type Text } from '../../core/findings.js';
import { createLabels } from '../../core/labels.js';
import { canonicalize, FORMATS_OF, PUBLICATION_FORMATS, PUBLICATION_KINDS, type PublicationFormat } from '../../core/report/publication.js';
import { PublishError, publicationChanges, publishReport, reproducePublication } from '../../publish/publish.js';
import { ChromiumMissingError } from '../../report/chromium.js';
import { CONTENT_TYPE } from '../../report/produce.js';
import { createPublicationQueries, type PublicationSummary } from '../../store/publications.js';
import { appendAudit } from '../commands/audit.js';
import type { SeenAgency } from '../commands/store.js';
import type { ServerDeps } from '../deps.js';
import { forbidden, HttpError, notFound, text as t } from '../errors.js';
import * as publicationPolicy from '../policies/publication.js';
import type { User } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { ChangesSinceIssue, IssuedReport as Summary, IssuedReports, Reproduction } from '../responses.js';
import { AgencyParams, named } from '../schemas.js';
import { loaded, todayOf } from './agencies.js';

type SummaryOut = z.input<typeof Summary>;

const PubParams = AgencyParams.extend({ publication: z.string().min(1).describe('the issued report’s id') });

function titleOf(p: Pick<PublicationSummary, 'kind' | 'year' | 'subject'>, subject: Text | null): Text {
  switch (p.kind) {
    case 'lkip':
      return text(`Annual performance report (LKIP) ${p.year}`, `Laporan Kinerja (LKIP) Tahun ${p.year}`);
    case 'review':
      return text(`Review of the LKIP ${p.year}`, `Reviu LKIP Tahun ${p.year}`);
    case 'agreement':
      return subject ?? text(`Performance agreement ${p.year}`, `Perjanjian Kinerja Tahun ${p.year}`);
  }
}

async function present(deps: ServerDeps, agency: SeenAgency, list: PublicationSummary[]): Promise<SummaryOut[]> {
  const { dataset } = await loaded(deps, agency);
  const labels = createLabels(dataset);
  return list.map((p) => ({
    id: p.id,
    kind: p.kind,
    year: p.year,
    subject: p.subject,
    title: titleOf(p, p.subject ? labels.ref(p.subject) : null),
    issuedAt: p.issuedAt,
    issuedBy: p.issuedBy,
    kinerjaVersion: p.kinerjaVersion,
    files: p.files,
  }));
}

function mayRead(user: User, agency: SeenAgency): void {
  if (!publicationPolicy.can(user, 'read', { agencyId: agency.id, region: agency.region })) throw forbidden(t('you may not read this agency', 'Anda tidak berwenang membaca data perangkat daerah ini'));
}

async function ownPublication(deps: ServerDeps, agency: SeenAgency, id: string) {
  const p = await createPublicationQueries(deps.pool).get(id);
  if (!p || p.agencyId !== agency.id) throw notFound(t('no such issued report of this agency', 'laporan terbit tersebut tidak ada pada perangkat daerah ini'), 'params.publication');
  return p;
}

const failed = (e: unknown): never => {
  if (e instanceof PublishError) throw new HttpError(422, 'not-issued', t(e.message, e.localized.id), { where: 'body' });
  if (e instanceof ChromiumMissingError) throw new HttpError(503, 'pdf-unavailable', t(e.message, e.localized.id), { where: 'body.formats' });
  throw e;
};

export const list = defineRoute({
  id: 'publications.list',
  method: 'get',
  path: '/api/agencies/:agency/publications',
  tag: 'publications',
  summary: "The agency's issued reports, newest first: what, when, by whom, and each file's SHA-256",
  auth: 'user',
  params: AgencyParams,
  response: IssuedReports,
  async handler({ deps, user, agency }) {
    mayRead(user, agency);
    const all = await createPublicationQueries(deps.pool).list(agency.id);
    return { publications: await present(deps, agency, [...all].reverse()), formats: { lkip: [...FORMATS_OF.lkip], agreement: [...FORMATS_OF.agreement], review: [...FORMATS_OF.review] } };
  },
});

export const issue = defineRoute({
  id: 'publications.issue',
  method: 'post',
  path: '/api/agencies/:agency/publications',
  tag: 'publications',
  summary: 'Issue a report (the agency’s planner or head): its snapshot, settings and files stored, frozen; an LKIP only when every figure rests on approved realizations (422 naming the indicators otherwise)',
  auth: 'user',
  status: 201,
  params: AgencyParams,
  body: named(
    z.object({
      kind: z.enum(PUBLICATION_KINDS),
      year: z.number().int().min(1900).max(2100).optional().describe('the year reported (an agreement: its own year)'),
      agreement: z.string().min(1).optional().describe('the agreement’s id (kind agreement)'),
      formats: z.array(z.enum(PUBLICATION_FORMATS)).min(1).max(4),
      reviewer: z
        .object({
          name: z.string().min(1).max(200).optional(),
          nip: z.string().min(1).max(40).optional(),
          position: z.string().min(1).max(200).optional(),
          unit: z.string().min(1).max(200).optional(),
          place: z.string().min(1).max(100).optional(),
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
        })
        .optional()
        .describe('a review’s reviewer, who signs its statement (without name, NIP, position, unit and date the review is a draft and is not issued)'),
    }),
    'IssueRequest',
  ),
  response: Summary,
  async handler({ deps, user, agency, body }) {
    if (!publicationPolicy.can(user, 'issue', { agencyId: agency.id, region: agency.region })) throw forbidden(t("reports are issued by the agency's planner or head", 'laporan diterbitkan oleh perencana atau kepala perangkat daerah'));
    const wrong = body.formats.filter((f) => !FORMATS_OF[body.kind].includes(f as PublicationFormat));
    if (wrong.length) throw new HttpError(400, 'invalid-request', t(`not issued as ${wrong.join(', ')}`, `tidak diterbitkan sebagai ${wrong.join(', ')}`), { where: 'body.formats' });
    const summary = await publishReport(
      deps.pool,
      {
        agencyId: agency.id,
        kind: body.kind,
        ...(body.year !== undefined ? { year: body.year } : {}),
        ...(body.agreement !== undefined ? { subject: body.agreement } : {}),
        formats: body.formats,
        ...(body.kind === 'review' && body.reviewer ? { reviewer: Object.fromEntries(Object.entries(body.reviewer).filter(([, v]) => v !== undefined)) } : {}),
        issuedBy: user.username,
        issuedAt: deps.now().toISOString(),
        today: todayOf(deps),
      },
      body.formats.includes('pdf') ? { pdf: deps.pdf.get() } : {},
    ).catch(failed);
    await appendAudit(deps.pool, {
      actor: user,
      region: agency.region,
      agencyId: agency.id,
      entity: 'publication',
      key: summary.id,
      action: 'publish',
      before: null,
      after: { kind: summary.kind, year: summary.year, subject: summary.subject, files: summary.files },
    });
    const [out] = await present(deps, agency, [summary]);
    return out!;
  },
});

export const file = defineRoute({
  id: 'publications.file',
  method: 'get',
  path: '/api/agencies/:agency/publications/:publication/files/:format',
  tag: 'publications',
  summary: 'An issued file exactly as it was issued (its SHA-256 in the X-Content-SHA256 header)',
  auth: 'user',
  params: PubParams.extend({ format: z.enum(PUBLICATION_FORMATS) }),
  response: null,
  produces: 'application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/html, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  async handler({ deps, user, agency, params }) {
    mayRead(user, agency);
    const p = await ownPublication(deps, agency, params.publication);
    const f = p.files.find((x) => x.format === params.format);
    if (!f) throw notFound(t(`this report was not issued as ${params.format}`, `laporan ini tidak diterbitkan sebagai ${params.format}`), 'params.format');
    return new Response(new Uint8Array(f.content), {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPE[params.format],
        'content-length': String(f.content.byteLength),
        'content-disposition': `attachment; filename="${p.id}.${params.format}"`,
        'x-content-sha256': f.sha256,
        'cache-control': 'private, no-store',
        ...(params.format === 'html' ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:" } : {}),
      },
    });
  },
});

export const reproduce = defineRoute({
  id: 'publications.reproduce',
  method: 'post',
  path: '/api/agencies/:agency/publications/:publication/reproduce',
  tag: 'publications',
  summary: 'Build and render the issued report again from its snapshot and compare every file’s SHA-256 with the issued one',
  auth: 'user',
  params: PubParams,
  response: Reproduction,
  async handler({ deps, user, agency, params }) {
    mayRead(user, agency);
    const p = await ownPublication(deps, agency, params.publication);
    const r = await reproducePublication(deps.pool, p.id, p.files.some((f) => f.format === 'pdf') ? { pdf: deps.pdf.get() } : {}).catch(failed);
    if (!r) throw notFound(t('no such issued report', 'laporan terbit tersebut tidak ada'), 'params.publication');
    return {
      matches: r.matches,
      files: r.files.map(({ format, sha256, issuedSha256, matches }) => ({ format, sha256, issuedSha256, matches })),
      toolChanges: Object.entries(r.toolChanges).map(([tool, [then, now]]) => ({ tool, then, now })),
      kinerjaVersion: r.kinerjaVersion,
    };
  },
});


export const changes = defineRoute({
  id: 'publications.changes',
  method: 'get',
  path: '/api/agencies/:agency/publications/:publication/changes',
  tag: 'publications',
  summary: "What changed in the agency's data since the report was issued (each place in words), and which measured rows moved",
  auth: 'user',
  params: PubParams,
  response: ChangesSinceIssue,
  async handler({ deps, user, agency, params }) {
    mayRead(user, agency);
    const p = await ownPublication(deps, agency, params.publication);
    const c = await publicationChanges(deps.pool, p.id, todayOf(deps));
    if (!c) throw notFound(t('no such issued report', 'laporan terbit tersebut tidak ada'), 'params.publication');
    // places named against the issued snapshot (what was there) and, for what was added, the current data
    const current = await loaded(deps, agency).then((l) => l.dataset, () => undefined);
    const issuedLabels = createLabels(canonicalize(p.dataset));
    const currentLabels = current ? createLabels(current) : issuedLabels;
    const show = (v: unknown): string | null => (v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v).slice(0, 300));
    return {
      agencyExists: c.agencyExists,
      settingsChanged: c.settingsChanged,
      dataset: c.dataset.slice(0, 500).map((d) => {
        const place = (d.kind === 'added' ? currentLabels : issuedLabels).diffPath(d.path);
        switch (d.kind) {
          case 'added':
            return { kind: d.kind, place, before: null, after: show(d.value) };
          case 'removed':
            return { kind: d.kind, place, before: show(d.value), after: null };
          case 'changed':
            return { kind: d.kind, place, before: show(d.old), after: show(d.new) };
          case 'reordered':
            return { kind: d.kind, place, before: null, after: null };
        }
      }),
      measurement: c.measurement.map((m) => ({ name: m.name, status: m.status, fields: m.fields.map((f) => ({ field: f.field, old: f.old, new: f.new })) })),
      measurementNote: c.measurementNote ?? null,
    };
  },
});
