/**
 * Drill-down (registers.md, "Drill-down"): from a register-based figure to the entities it
 * counted, those of its population it did not count, or the whole population — an indicator's
 * (`fromRegister`) or a group of an activity table counted from a register — searchable, paged,
 * or the whole list as CSV/XLSX; and an entity's history of events. Readers: policies/register.ts
 * `read`. The lists never carry personal fields (store/register-drill.ts).
 */
import { z } from 'zod';
import type { Dataset } from '../../core/dataset/schema.js';
import { slugify } from '../../core/dataset/model.js';
import { periodLabel } from '../../core/labels.js';
import { DRILL_SIDES, DrillError, drillFigure, groupLabel, indicatorTarget, shownFields, tableTarget, type DrillSide, type DrillTarget } from '../../core/registers/drill.js';
import { fieldOf } from '../../core/registers/definitions.js';
import { FIGURE_PERIODS } from '../../core/registers/conditions.js';
import type { Value } from '../../core/registers/rows.js';
import { createRegisterDrillQueries } from '../../store/register-drill.js';
import type { SeenAgency } from '../commands/store.js';
import type { ServerDeps } from '../deps.js';
import { forbidden, HttpError, notFound, text as t } from '../errors.js';
import * as policy from '../policies/register.js';
import type { User } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { EntityEvents, RegisterDrill } from '../responses.js';
import { AgencyParams } from '../schemas.js';
import { loaded, todayOf } from './agencies.js';
import { KeptAnswers } from '../commands/kept.js';
import { registerStamp } from '../../store/register-counts.js';

const ListQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200).describe('the year (e.g. 2026)'),
  period: z.enum(FIGURE_PERIODS).optional().describe('the period whose end is counted (default: the latest ended by today)'),
  side: z.enum(DRILL_SIDES).optional().describe('counted (default), not-counted (the population less the counted) or population'),
  q: z.string().max(200).optional().describe('part of the key or the label, without regard to case'),
  page: z.coerce.number().int().min(1).max(100_000).optional().describe('1-based page (default 1)'),
  pageSize: z.coerce.number().int().min(1).max(500).optional().describe('entities per page (default 50)'),
  format: z.enum(['csv', 'xlsx']).optional().describe('the whole list (every page, matching the search) as a file instead of JSON'),
});
const IndicatorDrillQuery = ListQuery.extend({ indicator: z.string().min(1).describe('the indicator, `plan/indicator` (e.g. renstra-2021-2026/KOP)') });
const TableDrillQuery = ListQuery.extend({
  list: z.string().min(1).describe('the activity list (`activities[].id`) counted from a register'),
  group: z.string().max(500).optional().describe("one value of the table's groupBy field (empty: the entities without a value); absent: the whole table"),
});

type ListQuery = z.output<typeof ListQuery>;

/** A refusal of the core, as an HTTP answer naming the part of the request. */
function drillError(e: unknown, part: 'query' | 'params' = 'query'): never {
  if (e instanceof DrillError) {
    throw new HttpError(e.missing ? 404 : 400, e.missing ? 'not-found' : 'invalid-request', t(e.message, e.localized.id), { where: `${part}.${e.where}` });
  }
  throw e;
}

function authorize(user: User, agency: SeenAgency): void {
  if (!policy.can(user, 'read', { agencyId: agency.id, region: agency.region })) {
    throw forbidden(t("the agency's registers are read by its own users and its region's admin and evaluator", 'register perangkat daerah dibaca oleh penggunanya sendiri serta admin dan evaluator daerahnya'));
  }
}

/**
 * The drill-down's answers, kept per agency revision, registers' stamp (their revisions, raised by
 * every store of rows: store/register-counts.ts) and request (commands/kept.ts). An answer depends
 * on nothing else: the dataset is the revision's, the rows the stamp's, the period and its window
 * are the request's (today chooses the period before the key is made). So an answer is kept until
 * the stamp or the revision moves, at most 500 of them, and never computed again in the background:
 * the counts of a register of 300.000 rows take longer than one answer may (issue 13: p99 < 100 ms
 * under 50 users), and on the embedded database they hold the server's one thread while they run.
 * An import changes the stamp, so its rows are seen by the next request.
 */
const answers = new WeakMap<ServerDeps, KeptAnswers>();
const keptOf = (deps: ServerDeps): KeptAnswers => {
  let k = answers.get(deps);
  if (!k) answers.set(deps, (k = new KeptAnswers(Infinity, Infinity, 500)));
  return k;
};

/** Drop the kept drill-down answers of an agency (after its registers' rows changed). */
export function forgetDrills(deps: ServerDeps, agencyId: string): void {
  answers.get(deps)?.forget(`${agencyId}@`);
}

const SIDE_WORD: Record<DrillSide, string> = { counted: 'dihitung', 'not-counted': 'tidak-dihitung', population: 'populasi' };

const cellOf = (v: Value | undefined): string | number | null => (v === undefined ? null : typeof v === 'boolean' ? (v ? 'ya' : 'tidak') : v);

async function answer(deps: ServerDeps, agency: SeenAgency, ds: Dataset, target: DrillTarget, query: ListQuery) {
  const regs = ds.registers ?? [];
  const drill = createRegisterDrillQueries(deps.pool);
  const side = query.side ?? 'counted';
  const reg = target.register;
  const labelField = reg.label ?? reg.key;
  const fields = shownFields(reg);
  const keyName = fieldOf(reg, reg.key)?.name ?? reg.key;
  const labelName = fieldOf(reg, labelField)?.name ?? labelField;
  const period = periodLabel(target.period, target.year).id;
  if (query.format) {
    const { drillCsvStream, drillXlsx } = await import('../../io/drill-file.js');
    const header = [keyName, ...(labelField !== reg.key ? [labelName] : []), ...fields.map((f) => f.name), ...(side === 'population' ? ['Dihitung'] : [])];
    async function* rows() {
      for await (const e of drill.all(agency.id, regs, target, { side, q: query.q ?? '' })) {
        yield [e.key, ...(labelField !== reg.key ? [e.label] : []), ...fields.map((f) => cellOf(e.values[f.id])), ...(side === 'population' ? [e.counted ? 'ya' : 'tidak'] : [])];
      }
    }
    const subject = target.indicator?.name ?? `${target.table!.title}${target.table!.group !== undefined ? ` ${groupLabel(target.table!.group)}` : ''}`;
    const name = `rincian-${slugify(subject)}-${target.year}-tw${FIGURE_PERIODS.indexOf(target.period) + 1}-${SIDE_WORD[side]}.${query.format}`;
    const headers = { 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' };
    if (query.format === 'csv') return new Response(drillCsvStream(header, rows()), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
    const bytes = await drillXlsx(header, rows(), `Rincian ${SIDE_WORD[side]}`, deps.now());
    return new Response(new Uint8Array(bytes), { headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
  }
  // the registers' stamp (their revisions, raised by every store) keys the answer: an import is seen at once
  const stamp = await registerStamp(deps.pool, agency.id);
  const key = `${agency.id}@${agency.rev ?? ''}@${stamp}\u0000${JSON.stringify([target.kind, target.indicator?.ref, target.table?.id, target.table?.group, target.year, target.period, side, query.q ?? '', query.page ?? 1, query.pageSize ?? 50])}`;
  const { counts, page } = await keptOf(deps).get(key, async () => {
    const counts = await drill.counts(agency.id, regs, target);
    const total = side === 'counted' ? counts.counted : side === 'population' ? counts.population : counts.population - counts.counted;
    const page = await drill.list(agency.id, regs, target, { side, q: query.q ?? '', page: query.page ?? 1, pageSize: query.pageSize ?? 50, total });
    return { counts, page };
  });
  const fig = drillFigure(target, counts.counted, counts.population);
  const tb = target.table;
  return {
    kind: target.kind,
    year: target.year,
    period: target.period,
    periodLabel: period,
    asOf: target.window.to,
    indicator: target.indicator ? { ref: target.indicator.ref, name: target.indicator.name, unit: target.indicator.unit ?? null, share: target.indicator.measure.of !== undefined } : null,
    table: tb
      ? { id: tb.id, title: tb.title, groupBy: tb.groupBy, groupByName: fieldOf(reg, tb.groupBy)?.name ?? tb.groupBy, group: tb.group ?? null, groupLabel: tb.group === undefined ? null : groupLabel(tb.group) }
      : null,
    register: { id: reg.id, name: reg.name, keyName, labelName },
    fields: fields.map((f) => ({ id: f.id, name: f.name, type: f.type })),
    figure: { numerator: fig.numerator, denominator: fig.denominator ?? null, value: fig.value ?? null },
    words: target.words,
    side: page.side,
    q: page.q,
    page: page.page,
    pageSize: page.pageSize,
    total: page.total,
    entities: page.entities,
  };
}

/** A drill-down request: authorized, the dataset loaded, the figure resolved (its refusals as HTTP errors), answered. */
async function drill(
  deps: ServerDeps,
  user: Parameters<typeof authorize>[0],
  agency: Parameters<typeof answer>[1],
  query: Parameters<typeof answer>[4],
  resolve: (ds: Dataset) => DrillTarget,
) {
  authorize(user, agency);
  const { dataset } = await loaded(deps, agency);
  let target: DrillTarget;
  try {
    target = resolve(dataset);
  } catch (e) {
    drillError(e);
  }
  return answer(deps, agency, dataset, target, query);
}

export const indicator = defineRoute({
  id: 'drill.indicator',
  method: 'get',
  path: '/api/agencies/:agency/drill',
  tag: 'registers',
  summary: "A register-based indicator's figure and the entities behind it: those counted, those of the population not counted, or the population; searchable, paged, or the whole list as CSV/XLSX",
  description:
    'The figure is the one of the period asked for (default: the latest ended by today), computed from the same conditions as the list: `numerator` = the counted entities, `denominator` = the population (a share) — so counted + not counted = population. Entities never carry personal fields. `format=csv` (`;`, UTF-8 with BOM) or `format=xlsx` answers the whole list of the side as a file.',
  auth: 'user',
  params: AgencyParams,
  query: IndicatorDrillQuery,
  response: RegisterDrill,
  produces: 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  async handler({ deps, user, agency, query }) {
    return drill(deps, user, agency, query, (ds) => indicatorTarget(ds, query.indicator, query.year, { today: todayOf(deps), period: query.period }));
  },
});

export const table = defineRoute({
  id: 'drill.table',
  method: 'get',
  path: '/api/agencies/:agency/drill/table',
  tag: 'registers',
  summary: 'A group of an activity table counted from a register (one value of its groupBy field) and its entities, the same way as an indicator',
  description: '`side=counted`: the group; `not-counted`: the rest of the table; `population`: the whole table. Without `group`, the whole table is the counted side.',
  auth: 'user',
  params: AgencyParams,
  query: TableDrillQuery,
  response: RegisterDrill,
  produces: 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  async handler({ deps, user, agency, query }) {
    return drill(deps, user, agency, query, (ds) => tableTarget(ds, query.list, query.year, { today: todayOf(deps), period: query.period, group: query.group }));
  },
});

export const events = defineRoute({
  id: 'registers.entityEvents',
  method: 'get',
  path: '/api/agencies/:agency/registers/:register/entities/:key/events',
  tag: 'registers',
  summary: "An entity's history: the entities of other registers whose reference field names it (e.g. a cooperative's facilitations), newest first, paged",
  auth: 'user',
  params: AgencyParams.extend({ register: z.string().min(1).describe("the register's id"), key: z.string().min(1).describe("the entity's key") }),
  query: z.object({ page: z.coerce.number().int().min(1).optional(), pageSize: z.coerce.number().int().min(1).max(500).optional() }),
  response: EntityEvents,
  async handler({ deps, user, agency, params, query }) {
    authorize(user, agency);
    const { dataset } = await loaded(deps, agency);
    const regs = dataset.registers ?? [];
    const drill = createRegisterDrillQueries(deps.pool);
    if (!regs.some((r) => r.id === params.register)) {
      throw notFound(t(`no register "${params.register}"`, `tidak ada register "${params.register}"`), 'params.register');
    }
    if (!(await drill.exists(agency.id, params.register, params.key))) {
      throw notFound(t(`no entity "${params.key}" in register "${params.register}"`, `tidak ada entitas "${params.key}" dalam register "${params.register}"`), 'params.key');
    }
    const h = await drill.history(agency.id, regs, params.register, params.key, { page: query.page ?? 1, pageSize: query.pageSize ?? 50 }).catch((e: unknown) => drillError(e, 'params'));
    return { register: params.register, key: params.key, ...h };
  },
});
