/**
 * The audit log as people read it: an agency's (its planner and head, the region's admin and
 * evaluator) and a region's whole (its admin), filtered by person, entity, action and dates,
 * each entry with the record named in words and what changed field by field; the same as CSV.
 * Who may read it is policies/audit.ts.
 */
import { z } from 'zod';
import { describeChanges, ROLE_LABEL } from '../../core/audit.js';
import type { Dataset } from '../../core/dataset/schema.js';
import { text, type Lang, type Text } from '../../core/findings.js';
import { ACTION_LABEL, createLabels, ENTITY_LABEL, type Labels } from '../../core/labels.js';
import { auditFacets, readAudit, type AuditEntry, type AuditQuery } from '../commands/audit.js';
import type { ServerDeps } from '../deps.js';
import { forbidden, HttpError, notFound, text as t } from '../errors.js';
import * as auditPolicy from '../policies/audit.js';
import { isRegionRole } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { AuditPage, ReadableAuditEntry } from '../responses.js';
import { AgencyParams } from '../schemas.js';
import { loaded } from './agencies.js';

/** Times in the log are shown and filtered in the region's time, Western Indonesia (WIB) by default. */
export const AUDIT_TIME_ZONE = 'Asia/Jakarta';
const OFFSET = '+07:00';

type Readable = z.input<typeof ReadableAuditEntry>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').describe('a day (YYYY-MM-DD), in the region’s time');
const AuditFilter = z.object({
  actor: z.string().min(1).optional().describe('who made the change (login name)'),
  entity: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  key: z.string().optional(),
  from: day.optional().describe('from this day (inclusive)'),
  to: day.optional().describe('to this day (inclusive)'),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.coerce.number().int().optional().describe('entries older than this id (paging)'),
});
type Filter = z.output<typeof AuditFilter>;

const CsvQuery = AuditFilter.extend({ lang: z.enum(['id', 'en']).optional() });

function queryOf(f: Filter, scope: { agencyId?: string; region?: string }, limit: number): AuditQuery {
  if (f.key !== undefined && f.entity === undefined) {
    throw new HttpError(400, 'invalid-request', t('a record key needs its entity (e.g. entity=realization)', 'kunci data memerlukan entitasnya (misalnya entity=realization)'), { where: 'query.entity' });
  }
  const next = (d: string) => {
    const x = new Date(`${d}T00:00:00Z`);
    x.setUTCDate(x.getUTCDate() + 1);
    return x.toISOString().slice(0, 10);
  };
  if (f.from && f.to && f.from > f.to) {
    throw new HttpError(400, 'invalid-request', t('the first day is after the last', 'tanggal awal jatuh setelah tanggal akhir'), { where: 'query.from' });
  }
  return {
    ...scope,
    ...(f.actor !== undefined ? { actor: f.actor } : {}),
    ...(f.entity !== undefined ? { entity: f.entity } : {}),
    ...(f.action !== undefined ? { action: f.action } : {}),
    ...(f.key !== undefined ? { key: f.key } : {}),
    ...(f.from !== undefined ? { from: `${f.from}T00:00:00${OFFSET}` } : {}),
    ...(f.to !== undefined ? { to: `${next(f.to)}T00:00:00${OFFSET}` } : {}),
    ...(f.before !== undefined ? { before: f.before } : {}),
    limit,
  };
}

const label = (map: Readonly<Record<string, Text>>, k: string): Text => map[k] ?? text(k, k);

function present(e: AuditEntry, labels: Labels | undefined, agencyName: string | null): Readable {
  const { changes, more } = describeChanges(e.before, e.after, labels ? { labels } : {});
  const subject =
    e.entity === 'account'
      ? text(`account ${e.key}`, `akun ${e.key}`)
      : labels
        ? labels.record(e.entity, e.key)
        : text('a record of an agency no longer in the database', 'data perangkat daerah yang tidak ada lagi');
  return {
    id: e.id,
    at: e.at,
    actor: { name: e.actor.name, role: e.actor.role },
    agency: e.agency,
    agencyName,
    entity: e.entity,
    entityLabel: label(ENTITY_LABEL, e.entity),
    action: e.action,
    actionLabel: label(ACTION_LABEL, e.action),
    subject,
    changes,
    moreChanges: more,
    note: e.note,
    key: e.key,
    before: e.before,
    after: e.after,
  };
}

/** Entries with their words; the agencies named from their stored datasets (loaded once each). */
async function presentAll(deps: ServerDeps, entries: AuditEntry[], known?: { id: string; dataset: Dataset }): Promise<Readable[]> {
  const of = new Map<string, { labels: Labels; name: string } | null>();
  if (known) of.set(known.id, { labels: createLabels(known.dataset), name: known.dataset.agency.name });
  for (const id of new Set(entries.map((e) => e.agency).filter((a): a is string => a !== null))) {
    if (of.has(id)) continue;
    const l = await deps.cache.load(id).catch(() => undefined);
    of.set(id, l ? { labels: createLabels(l.dataset), name: l.dataset.agency.name } : null);
  }
  return entries.map((e) => {
    const a = e.agency ? of.get(e.agency) : undefined;
    return present(e, a?.labels, a?.name ?? null);
  });
}

// ------------------------------------------------------------------ CSV

const CSV_HEAD = {
  id: ['Waktu (WIB)', 'Pengguna', 'Peran', 'Perangkat daerah', 'Jenis data', 'Data', 'Tindakan', 'Perubahan', 'Catatan'],
  en: ['Time (WIB)', 'User', 'Role', 'Agency', 'Kind of record', 'Record', 'Action', 'Changes', 'Note'],
} as const;
/** A time as `2025-09-24 14:05:03` in the region's time: sortable, and read as Indonesians write it. */
export function localTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: AUDIT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const p = (k: string) => parts.find((x) => x.type === k)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
}

/** A CSV cell: quoted, and a leading = + - @ (a spreadsheet formula) neutralized with an apostrophe. */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The log as CSV for spreadsheets set to Indonesian: `;` between cells (the decimal mark is a comma), UTF-8 with a BOM. */
export function auditCsv(entries: readonly Readable[], lang: Lang): string {
  const rows = entries.map((e) => [
    localTime(e.at),
    e.actor.name,
    e.actor.role ? (ROLE_LABEL[e.actor.role]?.[lang] ?? e.actor.role) : '',
    e.agencyName ?? '',
    e.entityLabel[lang],
    e.subject[lang],
    e.actionLabel[lang],
    [
      ...e.changes.map((c) => `${c.field[lang]}: ${c.before?.[lang] ?? '—'} → ${c.after?.[lang] ?? '—'}`),
      ...(e.moreChanges ? [lang === 'id' ? `dan ${e.moreChanges} perubahan lain` : `and ${e.moreChanges} more`] : []),
    ].join('\n'),
    e.note ?? '',
  ]);
  return `\uFEFF${[CSV_HEAD[lang], ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

// ------------------------------------------------------------------ routes


async function facetsOf(deps: ServerDeps, scope: { agencyId?: string; region?: string }) {
  const f = await auditFacets(deps.pool, scope);
  return {
    actors: f.actors,
    entities: f.entities.map((id) => ({ id, label: label(ENTITY_LABEL, id) })),
    actions: f.actions.map((id) => ({ id, label: label(ACTION_LABEL, id) })),
  };
}

const refuseAgency = () => forbidden(t("the audit log is for the agency's planner and head and the region's admin and evaluator", 'jejak audit hanya untuk perencana dan kepala perangkat daerah serta admin dan evaluator daerah'));
const RegionParams = z.object({ region: z.string().min(1).describe('the region, e.g. Kabupaten Jember') });
const MAX_CSV = 10_000;

function csvAnswer(body: string, name: string): Response {
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' },
  });
}

export const agencyAudit = defineRoute({
  id: 'agencies.audit',
  method: 'get',
  path: '/api/agencies/:agency/audit',
  tag: 'audit',
  summary: "The agency's audit log, newest first: who changed what and when, the record in words and each changed field before and after; filter by person, entity, action, record and days",
  description:
    'Record keys: realization `indicatorRef@year/period` (e.g. `renstra-2021-2026/UMM@2025/Q1`), goal and indicator `planId/localId`, agreement and program node their id, score `year` or `year/period`, recommendation its id, narrative `narrative` (`narrative@year` when written for a year), agency `<id>` (imports). Readers: the agency’s planner and head, the region’s admin and evaluator (policies/audit.ts).',
  auth: 'user',
  params: AgencyParams,
  query: AuditFilter,
  response: AuditPage,
  async handler({ deps, user, agency, query }) {
    if (!auditPolicy.can(user, 'read', { agencyId: agency.id, region: agency.region })) throw refuseAgency();
    const { dataset } = await loaded(deps, agency);
    const entries = await readAudit(deps.pool, queryOf(query, { agencyId: agency.id }, query.limit ?? 100));
    return { entries: await presentAll(deps, entries, { id: agency.id, dataset }), facets: await facetsOf(deps, { agencyId: agency.id }) };
  },
});

export const agencyAuditCsv = defineRoute({
  id: 'agencies.auditCsv',
  method: 'get',
  path: '/api/agencies/:agency/audit.csv',
  tag: 'audit',
  summary: `The agency's audit log as CSV (the same filters; at most ${MAX_CSV} entries, newest first; \`;\` between cells, UTF-8 with BOM)`,
  auth: 'user',
  params: AgencyParams,
  query: CsvQuery,
  response: null,
  produces: 'text/csv',
  async handler({ deps, user, agency, query }) {
    if (!auditPolicy.can(user, 'export', { agencyId: agency.id, region: agency.region })) throw refuseAgency();
    const { dataset } = await loaded(deps, agency);
    const entries = await readAudit(deps.pool, queryOf(query, { agencyId: agency.id }, query.limit ?? MAX_CSV));
    return csvAnswer(auditCsv(await presentAll(deps, entries, { id: agency.id, dataset }), query.lang ?? 'id'), `jejak-audit-${agency.id}.csv`);
  },
});

function regionAllowed(user: Parameters<typeof auditPolicy.can>[0], region: string): void {
  if (auditPolicy.can(user, 'read', { region })) return;
  if (isRegionRole(user) && user.region !== region) throw notFound(t(`no region "${region}" (or none you may see)`, `tidak ada daerah "${region}" (atau yang boleh Anda lihat)`), 'params.region');
  throw forbidden(t("the region's audit log is for its admin", 'jejak audit daerah hanya untuk admin daerah'));
}

export const regionAudit = defineRoute({
  id: 'regions.audit',
  method: 'get',
  path: '/api/regions/:region/audit',
  tag: 'audit',
  summary: "The region's audit log (its admin): every agency's entries and the region's own (accounts, region imports), with the same filters",
  auth: 'user',
  params: RegionParams,
  query: AuditFilter,
  response: AuditPage,
  async handler({ deps, user, params, query }) {
    regionAllowed(user, params.region);
    const entries = await readAudit(deps.pool, queryOf(query, { region: params.region }, query.limit ?? 100));
    return { entries: await presentAll(deps, entries), facets: await facetsOf(deps, { region: params.region }) };
  },
});

export const regionAuditCsv = defineRoute({
  id: 'regions.auditCsv',
  method: 'get',
  path: '/api/regions/:region/audit.csv',
  tag: 'audit',
  summary: `The region's audit log as CSV (its admin; at most ${MAX_CSV} entries)`,
  auth: 'user',
  params: RegionParams,
  query: CsvQuery,
  response: null,
  produces: 'text/csv',
  async handler({ deps, user, params, query }) {
    regionAllowed(user, params.region);
    const entries = await readAudit(deps.pool, queryOf(query, { region: params.region }, query.limit ?? MAX_CSV));
    return csvAnswer(auditCsv(await presentAll(deps, entries), query.lang ?? 'id'), 'jejak-audit-daerah.csv');
  },
});
