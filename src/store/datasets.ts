/**
 * Datasets in the store: import (one transaction, set-based), export (one query per table,
 * reassembled in document order), list and delete.
 *
 * A dataset is flattened into table rows ({@link flattenDataset}): the fields the
 * application edits and the queries read get typed columns, each object's remaining optional
 * fields go verbatim into its row's `attrs`, the less structured parts (settings,
 * organization staffing and assets, evaluation and document leftovers, narrative, activity
 * rows) are jsonb. An optional list that was present but empty is kept in its owner's
 * `attrs` as `[]` (an empty `targets` map as `{}`), so an export gives back exactly the
 * document imported: absent stays absent, empty stays empty, `extra` is kept.
 *
 * Import writes each table with ONE statement per call, whatever the number of rows:
 * `INSERT … SELECT … FROM json_to_recordset($1::json)`. Importing a region writes all its
 * agencies with one statement per table.
 */
import type pg from 'pg';
import {
  ActivityList as ActivityListSchema,
  Agency as AgencySchema,
  Agreement as AgreementSchema,
  AgreementBudget as AgreementBudgetSchema,
  AgreementRow as AgreementRowSchema,
  Benchmark as BenchmarkSchema,
  BudgetEntry as BudgetEntrySchema,
  Claim as ClaimSchema,
  DATASET_FORMAT,
  Dataset as DatasetSchema,
  Decree as DecreeSchema,
  Evaluation as EvaluationSchema,
  EvaluationScore as EvaluationScoreSchema,
  ExpenditureLine as ExpenditureLineSchema,
  Goal as GoalSchema,
  Indicator as IndicatorSchema,
  Organization as OrganizationSchema,
  Plan as PlanSchema,
  ProgramNode as ProgramNodeSchema,
  REGION_FORMAT,
  Realization as RealizationSchema,
  Recommendation as RecommendationSchema,
  Region as RegionSchema,
  SpendingEntry as SpendingEntrySchema,
  Unit as UnitSchema,
  type Dataset,
  type Region,
  type Settings,
} from '../core/dataset/schema.js';
import { agencyId } from '../core/dataset/model.js';
import { transaction } from './transaction.js';
import { importToken, takeSnapshot } from './snapshots.js';
import { fileHashes } from '../core/dataset/files.js';
import { putFiles, type StoredFile } from './files.js';

type Row = Record<string, unknown>;
type SqlType = 'text' | 'integer' | 'double precision' | 'numeric' | 'jsonb' | 'date' | 'boolean';
type Queryable = Pick<pg.ClientBase, 'query'>;

// ------------------------------------------------------------------ tables

function columns(spec: string): [string, SqlType][] {
  return spec.split(',').map((part) => {
    const [name, ...type] = part.trim().split(/\s+/);
    return [name!, type.join(' ') as SqlType];
  });
}

/**
 * The tables of one agency, parents before children (the insert order), with the columns
 * import writes (generated columns excluded) and the order export reads them in.
 */
export const AGENCY_TABLES = {
  agencies: {
    columns: columns(
      'id text, region text, position integer, name text, code text, abbreviation text, head jsonb, attrs jsonb, ' +
        'settings jsonb, organization jsonb, evaluation jsonb, narrative jsonb, document_attrs jsonb',
    ),
    key: 'id',
    order: 'position, id',
  },
  units: { columns: columns('agency_id text, id text, position integer, name text, kind text, parent text, attrs jsonb') },
  decrees: {
    columns: columns('agency_id text, id text, position integer, number text, title text, issued_on date, issuer text, plan text, attrs jsonb'),
  },
  plans: {
    columns: columns('agency_id text, id text, position integer, level text, title text, start_year integer, end_year integer, revises text, attrs jsonb'),
  },
  agreements: {
    columns: columns(
      'agency_id text, id text, position integer, year integer, kind text, amends text, plan text, signed_on date, place text, ' +
        'first_party jsonb, second_party jsonb, attrs jsonb',
    ),
  },
  program_nodes: {
    columns: columns('agency_id text, id text, position integer, code text, level text, parent text, name text, attrs jsonb'),
  },
  goals: {
    columns: columns(
      'agency_id text, owner_kind text, owner_id text, id text, position integer, kind text, statement text, parent text, attrs jsonb',
    ),
  },
  indicators: {
    columns: columns(
      'agency_id text, owner_kind text, owner_id text, id text, position integer, goal text, name text, unit text, polarity text, ' +
        'negative_method text, measure jsonb, key boolean, additional boolean, period_values text, end_target double precision, attrs jsonb',
    ),
  },
  indicator_targets: {
    columns: columns('agency_id text, owner_id text, indicator_id text, year integer, value double precision'),
    order: 'year',
  },
  agreement_rows: {
    columns: columns(
      'agency_id text, agreement_id text, position integer, goal text, indicator text, target_value double precision, target_label text, attrs jsonb',
    ),
  },
  agreement_budget: {
    columns: columns('agency_id text, agreement_id text, position integer, program text, amount numeric, source text, stage text, attrs jsonb'),
  },
  node_budgets: {
    columns: columns('agency_id text, node_id text, position integer, year integer, stage text, amount numeric, source text, attrs jsonb'),
  },
  node_spending: {
    columns: columns(
      'agency_id text, node_id text, position integer, year integer, period text, amount numeric, physical double precision, source text, attrs jsonb',
    ),
  },
  node_supports: {
    columns: columns(
      'agency_id text, node_id text, position integer, indicator text, share double precision, year integer, amount numeric, spent numeric, attrs jsonb',
    ),
  },
  realizations: {
    columns: columns(
      'agency_id text, position integer, indicator text, year integer, period text, value double precision, numerator double precision, ' +
        'denominator double precision, category text, status text, state text, attrs jsonb',
    ),
  },
  benchmarks: {
    columns: columns(
      'agency_id text, position integer, indicator text, year integer, value double precision, label text, kind text, source text, attrs jsonb',
    ),
  },
  expenditure_lines: {
    columns: columns(
      'agency_id text, id text, position integer, year integer, name text, ceiling numeric, realized numeric, node text, line_class text, ' +
        'parent text, line_group text, attrs jsonb',
    ),
  },
  evaluation_scores: {
    columns: columns('agency_id text, position integer, year integer, value double precision, grade text, evaluator text, reference text, attrs jsonb'),
  },
  recommendations: {
    columns: columns(
      'agency_id text, id text, position integer, year integer, body text, action text, owner text, status text, due date, attrs jsonb',
    ),
  },
  activity_lists: { columns: columns('agency_id text, id text, position integer, title text, node text, rows jsonb, attrs jsonb') },
  claims: {
    columns: columns(
      'agency_id text, position integer, subject text, quantity text, value jsonb, year integer, stage text, from_stage text, to_stage text, ' +
        'aspect text, raw text, place jsonb, attrs jsonb',
    ),
  },
} satisfies Record<string, TableSpec>;

export type TableName = keyof typeof AGENCY_TABLES;
export const TABLE_NAMES = Object.keys(AGENCY_TABLES) as TableName[];

/** The rows of one or more agencies, per table, keyed by column name. */
export type AgencyRows = Record<TableName, Row[]>;

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/** NOT NULL jsonb columns whose document value may be JSON null (json_to_recordset reads it as SQL NULL). */
const JSON_NULL_ALLOWED: Partial<Record<TableName, string[]>> = { claims: ['value'] };

function insertSql(table: TableName): string {
  const cols = AGENCY_TABLES[table].columns;
  const nullable = JSON_NULL_ALLOWED[table] ?? [];
  const select = cols.map(([c]) => (nullable.includes(c) ? `coalesce(x.${q(c)}, 'null'::jsonb)` : `x.${q(c)}`));
  return (
    `INSERT INTO ${q(table)} (${cols.map(([c]) => q(c)).join(', ')}) ` +
    `SELECT ${select.join(', ')} FROM json_to_recordset($1::json) AS x(${cols.map(([c, t]) => `${q(c)} ${t}`).join(', ')})`
  );
}

interface TableSpec {
  columns: [string, SqlType][];
  /** the column holding the agency id (default agency_id) */
  key?: string;
  /** export order (default position) */
  order?: string;
}
const spec = (table: TableName): TableSpec => AGENCY_TABLES[table];

function selectSql(table: TableName): string {
  const { columns: cols, key = 'agency_id', order = 'position' } = spec(table);
  const list = cols.map(([c, t]) => (t === 'date' ? `to_char(${q(c)}, 'YYYY-MM-DD') AS ${q(c)}` : q(c)));
  return `SELECT ${list.join(', ')} FROM ${q(table)} WHERE ${q(key)} = ANY($1::text[]) ORDER BY ${order}`;
}

const INSERT_SQL = Object.fromEntries(TABLE_NAMES.map((t) => [t, insertSql(t)])) as Record<TableName, string>;
const SELECT_SQL = Object.fromEntries(TABLE_NAMES.map((t) => [t, selectSql(t)])) as Record<TableName, string>;

export function emptyRows(): AgencyRows {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as AgencyRows;
}

export function countRows(rows: AgencyRows): number {
  return TABLE_NAMES.reduce((n, t) => n + rows[t].length, 0);
}

// ------------------------------------------------------------------ object ⇄ row

/** document field → column */
type FieldMap = Record<string, string>;

const isEmptyCollection = (v: unknown) =>
  Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0;

/**
 * Split an object into typed columns (per `fields`) and `attrs` (everything else except
 * `omit`). Keys in `lists` are stored in their own tables; they stay in attrs only when
 * present and empty.
 */
function split(obj: object, fields: FieldMap, omit: readonly string[] = [], lists: readonly string[] = []): Row {
  const row: Row = {};
  const attrs: Row = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || omit.includes(k)) continue;
    const column = fields[k];
    if (column !== undefined) row[column] = v;
    else if (lists.includes(k)) {
      if (isEmptyCollection(v)) attrs[k] = v;
    } else attrs[k] = v;
  }
  row.attrs = attrs;
  return row;
}

/** Leftover fields of an object (none of `omit`; `lists` only when present and empty). */
function residual(obj: object, omit: readonly string[], lists: readonly string[] = []): Row {
  return split(obj, {}, omit, lists).attrs as Row;
}

/** Typed columns back to document fields (SQL NULL = absent), merged with `attrs`. */
function join(row: Row, fields: FieldMap): Row {
  const parts: Row = { ...(row.attrs as Row | undefined) };
  for (const [k, column] of Object.entries(fields)) {
    const v = row[column];
    if (v !== null && v !== undefined) parts[k] = v;
  }
  return parts;
}

/** Keys in the schema's order, then any others, dropping undefined. */
function ordered<T>(keys: readonly string[], parts: Row): T {
  const out: Row = {};
  for (const k of keys) if (parts[k] !== undefined) out[k] = parts[k];
  for (const [k, v] of Object.entries(parts)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as T;
}

const KEYS = {
  dataset: Object.keys(DatasetSchema.shape),
  region: Object.keys(RegionSchema.shape),
  agency: Object.keys(AgencySchema.shape),
  organization: Object.keys(OrganizationSchema.shape),
  evaluation: Object.keys(EvaluationSchema.shape),
  unit: Object.keys(UnitSchema.shape),
  decree: Object.keys(DecreeSchema.shape),
  plan: Object.keys(PlanSchema.shape),
  goal: Object.keys(GoalSchema.shape),
  indicator: Object.keys(IndicatorSchema.shape),
  agreement: Object.keys(AgreementSchema.shape),
  agreementRow: Object.keys(AgreementRowSchema.shape),
  agreementBudget: Object.keys(AgreementBudgetSchema.shape),
  node: Object.keys(ProgramNodeSchema.shape),
  budget: Object.keys(BudgetEntrySchema.shape),
  spending: Object.keys(SpendingEntrySchema.shape),
  support: ['indicator', 'share', 'year', 'amount', 'spent', 'extra', 'note'],
  realization: Object.keys(RealizationSchema.shape),
  benchmark: Object.keys(BenchmarkSchema.shape),
  expenditure: Object.keys(ExpenditureLineSchema.shape),
  score: Object.keys(EvaluationScoreSchema.shape),
  recommendation: Object.keys(RecommendationSchema.shape),
  activityList: Object.keys(ActivityListSchema.shape),
  claim: Object.keys(ClaimSchema.shape),
};

const F = {
  agency: { name: 'name', code: 'code', abbreviation: 'abbreviation', head: 'head' },
  unit: { id: 'id', name: 'name', kind: 'kind', parent: 'parent' },
  decree: { id: 'id', number: 'number', date: 'issued_on', title: 'title', issuer: 'issuer', plan: 'plan' },
  plan: { id: 'id', level: 'level', title: 'title', startYear: 'start_year', endYear: 'end_year', revises: 'revises' },
  goal: { id: 'id', kind: 'kind', statement: 'statement', parent: 'parent' },
  indicator: {
    id: 'id',
    goal: 'goal',
    name: 'name',
    unit: 'unit',
    polarity: 'polarity',
    negativeMethod: 'negative_method',
    measure: 'measure',
    key: 'key',
    additional: 'additional',
    periodValues: 'period_values',
    endTarget: 'end_target',
  },
  agreement: {
    id: 'id',
    year: 'year',
    kind: 'kind',
    amends: 'amends',
    plan: 'plan',
    signedOn: 'signed_on',
    place: 'place',
    firstParty: 'first_party',
    secondParty: 'second_party',
  },
  agreementRow: { goal: 'goal', indicator: 'indicator' },
  agreementBudget: { program: 'program', amount: 'amount', source: 'source', stage: 'stage' },
  node: { id: 'id', code: 'code', level: 'level', parent: 'parent', name: 'name' },
  budget: { year: 'year', stage: 'stage', amount: 'amount', source: 'source' },
  spending: { year: 'year', period: 'period', amount: 'amount', physical: 'physical', source: 'source' },
  support: { indicator: 'indicator', share: 'share', year: 'year', amount: 'amount', spent: 'spent' },
  realization: {
    indicator: 'indicator',
    year: 'year',
    period: 'period',
    value: 'value',
    numerator: 'numerator',
    denominator: 'denominator',
    category: 'category',
    status: 'status',
    state: 'state',
  },
  benchmark: { indicator: 'indicator', year: 'year', label: 'label', kind: 'kind', source: 'source' },
  expenditure: {
    id: 'id',
    year: 'year',
    name: 'name',
    ceiling: 'ceiling',
    realized: 'realized',
    node: 'node',
    class: 'line_class',
    parent: 'parent',
    group: 'line_group',
  },
  score: { year: 'year', value: 'value', grade: 'grade', evaluator: 'evaluator', reference: 'reference' },
  recommendation: { id: 'id', year: 'year', text: 'body', action: 'action', owner: 'owner', status: 'status', due: 'due' },
  activityList: { id: 'id', title: 'title', node: 'node', rows: 'rows' },
  claim: {
    where: 'place',
    subject: 'subject',
    quantity: 'quantity',
    year: 'year',
    stage: 'stage',
    fromStage: 'from_stage',
    toStage: 'to_stage',
    aspect: 'aspect',
    raw: 'raw',
  },
} satisfies Record<string, FieldMap>;

/** Optional lists of each owner that live in their own tables. */
const LISTS = {
  dataset: ['decrees', 'benchmarks', 'expenditures', 'activities', 'claims'],
  organization: ['units'],
  evaluation: ['scores', 'recommendations'],
  plan: ['indicators'],
  agreement: ['goals', 'indicators'],
  node: ['supports', 'spending', 'indicators'],
  indicator: ['targets'],
} as const;

const DATASET_OMIT = ['format', 'agency', 'settings', 'organization', 'evaluation', 'narrative', 'plans', 'agreements', 'programs', 'realizations'];

export interface FlattenOptions {
  /** the region the agency is filed under (default: `agency.region`) */
  region?: string;
  /** its place among the region's agencies (default 0) */
  position?: number;
}

/** The table rows of one dataset (see the module comment); pure. */
export function flattenDataset(ds: Dataset, opts: FlattenOptions = {}, into: AgencyRows = emptyRows()): AgencyRows {
  const a = agencyId(ds.agency);
  const region = opts.region ?? ds.agency.region;
  const r = into;

  const agency = split(ds.agency, F.agency, ['region']);
  if (ds.agency.region !== region) (agency.attrs as Row).region = ds.agency.region;
  r.agencies.push({
    ...agency,
    id: a,
    region,
    position: opts.position ?? 0,
    settings: ds.settings ?? null,
    organization: ds.organization ? residual(ds.organization, [], LISTS.organization) : null,
    evaluation: ds.evaluation ? residual(ds.evaluation, [], LISTS.evaluation) : null,
    narrative: ds.narrative ?? null,
    document_attrs: residual(ds, DATASET_OMIT, LISTS.dataset),
  });

  ds.organization?.units?.forEach((u, position) => r.units.push({ agency_id: a, position, ...split(u, F.unit) }));
  ds.decrees?.forEach((d, position) => r.decrees.push({ agency_id: a, position, ...split(d, F.decree) }));

  const owned = (
    ownerKind: 'plan' | 'agreement' | 'node',
    ownerId: string,
    goals: Dataset['plans'][number]['goals'] | undefined,
    indicators: Dataset['plans'][number]['indicators'],
  ) => {
    goals?.forEach((g, position) =>
      r.goals.push({ agency_id: a, owner_kind: ownerKind, owner_id: ownerId, position, ...split(g, F.goal) }),
    );
    indicators?.forEach((ind, position) => {
      r.indicators.push({
        agency_id: a,
        owner_kind: ownerKind,
        owner_id: ownerId,
        position,
        ...split(ind, F.indicator, [], LISTS.indicator),
      });
      for (const [year, value] of Object.entries(ind.targets ?? {})) {
        r.indicator_targets.push({ agency_id: a, owner_id: ownerId, indicator_id: ind.id, year: Number(year), value });
      }
    });
  };

  ds.plans.forEach((p, position) => {
    r.plans.push({ agency_id: a, position, ...split(p, F.plan, ['goals'], LISTS.plan) });
    owned('plan', p.id, p.goals, p.indicators);
  });

  ds.agreements.forEach((ag, position) => {
    r.agreements.push({ agency_id: a, position, ...split(ag, F.agreement, ['rows', 'budget'], LISTS.agreement) });
    owned('agreement', ag.id, ag.goals, ag.indicators);
    ag.rows.forEach((row, i) => {
      const base = split(row, F.agreementRow, ['target']);
      r.agreement_rows.push({
        agency_id: a,
        agreement_id: ag.id,
        position: i,
        ...base,
        target_value: typeof row.target === 'number' ? row.target : null,
        target_label: typeof row.target === 'string' ? row.target : null,
      });
    });
    ag.budget.forEach((b, i) =>
      r.agreement_budget.push({ agency_id: a, agreement_id: ag.id, position: i, ...split(b, F.agreementBudget) }),
    );
  });

  ds.programs.forEach((n, position) => {
    r.program_nodes.push({ agency_id: a, position, ...split(n, F.node, ['budgets'], LISTS.node) });
    owned('node', n.id, undefined, n.indicators);
    n.budgets.forEach((b, i) => r.node_budgets.push({ agency_id: a, node_id: n.id, position: i, ...split(b, F.budget) }));
    n.spending?.forEach((s, i) => r.node_spending.push({ agency_id: a, node_id: n.id, position: i, ...split(s, F.spending) }));
    n.supports?.forEach((s, i) => r.node_supports.push({ agency_id: a, node_id: n.id, position: i, ...split(s, F.support) }));
  });

  ds.realizations.forEach((x, position) => r.realizations.push({ agency_id: a, position, ...split(x, F.realization) }));
  ds.benchmarks?.forEach((b, position) =>
    r.benchmarks.push({ agency_id: a, position, ...split(b, F.benchmark, ['value']), value: b.value }),
  );
  ds.expenditures?.forEach((e, position) => r.expenditure_lines.push({ agency_id: a, position, ...split(e, F.expenditure) }));
  ds.evaluation?.scores?.forEach((s, position) => r.evaluation_scores.push({ agency_id: a, position, ...split(s, F.score) }));
  ds.evaluation?.recommendations?.forEach((x, position) =>
    r.recommendations.push({ agency_id: a, position, ...split(x, F.recommendation) }),
  );
  ds.activities?.forEach((x, position) => r.activity_lists.push({ agency_id: a, position, ...split(x, F.activityList) }));
  ds.claims?.forEach((c, position) =>
    r.claims.push({ agency_id: a, position, ...split(c, F.claim, ['value']), value: c.value }),
  );
  return r;
}

/** Group rows by a key, keeping their order. */
function groupBy(rows: Row[], key: (row: Row) => string): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const row of rows) {
    const k = key(row);
    const list = m.get(k);
    if (list) list.push(row);
    else m.set(k, [row]);
  }
  return m;
}

const K = (...parts: unknown[]) => parts.map(String).join('\u0000');

/** The datasets of the agencies whose rows are in `rows`, in the order of `rows.agencies`. */
export function assembleDatasets(rows: AgencyRows): Dataset[] {
  const by = <T extends TableName>(t: T, key: (row: Row) => string) => groupBy(rows[t], key);
  const byAgency = (t: TableName) => by(t, (x) => x.agency_id as string);
  const units = byAgency('units');
  const decrees = byAgency('decrees');
  const plans = byAgency('plans');
  const agreements = byAgency('agreements');
  const nodes = byAgency('program_nodes');
  const goals = by('goals', (x) => K(x.agency_id, x.owner_kind, x.owner_id));
  const indicators = by('indicators', (x) => K(x.agency_id, x.owner_kind, x.owner_id));
  const targets = by('indicator_targets', (x) => K(x.agency_id, x.owner_id, x.indicator_id));
  const agreementRows = by('agreement_rows', (x) => K(x.agency_id, x.agreement_id));
  const agreementBudget = by('agreement_budget', (x) => K(x.agency_id, x.agreement_id));
  const budgets = by('node_budgets', (x) => K(x.agency_id, x.node_id));
  const spending = by('node_spending', (x) => K(x.agency_id, x.node_id));
  const supports = by('node_supports', (x) => K(x.agency_id, x.node_id));
  const realizations = byAgency('realizations');
  const benchmarks = byAgency('benchmarks');
  const expenditures = byAgency('expenditure_lines');
  const scores = byAgency('evaluation_scores');
  const recommendations = byAgency('recommendations');
  const activities = byAgency('activity_lists');
  const claims = byAgency('claims');

  /** a list field: rows when there are any, else whatever attrs kept (an empty list or nothing) */
  const list = (parts: Row, field: string, items: unknown[] | undefined) => {
    if (items && items.length > 0) parts[field] = items;
  };

  const goalsOf = (a: string, kind: string, owner: string) =>
    (goals.get(K(a, kind, owner)) ?? []).map((g) => ordered(KEYS.goal, join(g, F.goal)));
  const indicatorsOf = (a: string, kind: string, owner: string) =>
    (indicators.get(K(a, kind, owner)) ?? []).map((row) => {
      const parts = join(row, F.indicator);
      const t = targets.get(K(a, owner, row.id));
      if (t && t.length > 0) {
        parts.targets = Object.fromEntries(t.map((x) => [String(x.year).padStart(4, '0'), x.value]));
      }
      return ordered<Row>(KEYS.indicator, parts);
    });

  return rows.agencies.map((ag) => {
    const a = ag.id as string;
    const agencyParts = join(ag, F.agency);
    if (agencyParts.region === undefined) agencyParts.region = ag.region;
    const doc: Row = { ...(ag.document_attrs as Row), format: DATASET_FORMAT, agency: ordered(KEYS.agency, agencyParts) };
    if (ag.settings !== null) doc.settings = ag.settings;

    const unitList = (units.get(a) ?? []).map((u) => ordered(KEYS.unit, join(u, F.unit)));
    if (ag.organization !== null || unitList.length > 0) {
      const org: Row = { ...((ag.organization as Row | null) ?? {}) };
      list(org, 'units', unitList);
      doc.organization = ordered(KEYS.organization, org);
    }
    list(doc, 'decrees', (decrees.get(a) ?? []).map((d) => ordered(KEYS.decree, join(d, F.decree))));

    doc.plans = (plans.get(a) ?? []).map((p) => {
      const parts = join(p, F.plan);
      parts.goals = goalsOf(a, 'plan', p.id as string);
      list(parts, 'indicators', indicatorsOf(a, 'plan', p.id as string));
      return ordered(KEYS.plan, parts);
    });

    doc.agreements = (agreements.get(a) ?? []).map((x) => {
      const id = x.id as string;
      const parts = join(x, F.agreement);
      parts.rows = (agreementRows.get(K(a, id)) ?? []).map((row) => {
        const rp = join(row, F.agreementRow);
        rp.target = row.target_value ?? row.target_label;
        return ordered(KEYS.agreementRow, rp);
      });
      list(parts, 'goals', goalsOf(a, 'agreement', id));
      list(parts, 'indicators', indicatorsOf(a, 'agreement', id));
      parts.budget = (agreementBudget.get(K(a, id)) ?? []).map((b) => ordered(KEYS.agreementBudget, join(b, F.agreementBudget)));
      return ordered(KEYS.agreement, parts);
    });

    doc.programs = (nodes.get(a) ?? []).map((n) => {
      const id = n.id as string;
      const parts = join(n, F.node);
      list(parts, 'supports', (supports.get(K(a, id)) ?? []).map((s) => ordered(KEYS.support, join(s, F.support))));
      parts.budgets = (budgets.get(K(a, id)) ?? []).map((b) => ordered(KEYS.budget, join(b, F.budget)));
      list(parts, 'spending', (spending.get(K(a, id)) ?? []).map((s) => ordered(KEYS.spending, join(s, F.spending))));
      list(parts, 'indicators', indicatorsOf(a, 'node', id));
      return ordered(KEYS.node, parts);
    });

    doc.realizations = (realizations.get(a) ?? []).map((x) => ordered(KEYS.realization, join(x, F.realization)));
    list(
      doc,
      'benchmarks',
      (benchmarks.get(a) ?? []).map((b) => ordered(KEYS.benchmark, { ...join(b, F.benchmark), value: b.value })),
    );
    list(doc, 'expenditures', (expenditures.get(a) ?? []).map((x) => ordered(KEYS.expenditure, join(x, F.expenditure))));

    const scoreList = (scores.get(a) ?? []).map((s) => ordered(KEYS.score, join(s, F.score)));
    const recList = (recommendations.get(a) ?? []).map((x) => ordered(KEYS.recommendation, join(x, F.recommendation)));
    if (ag.evaluation !== null || scoreList.length > 0 || recList.length > 0) {
      const ev: Row = { ...((ag.evaluation as Row | null) ?? {}) };
      list(ev, 'scores', scoreList);
      list(ev, 'recommendations', recList);
      doc.evaluation = ordered(KEYS.evaluation, ev);
    }
    list(doc, 'activities', (activities.get(a) ?? []).map((x) => ordered(KEYS.activityList, join(x, F.activityList))));
    if (ag.narrative !== null) doc.narrative = ag.narrative;
    list(doc, 'claims', (claims.get(a) ?? []).map((c) => ordered(KEYS.claim, { ...join(c, F.claim), value: c.value })));
    return ordered<Dataset>(KEYS.dataset, doc);
  });
}

// ------------------------------------------------------------------ SQL execution

/** Insert `rows` with one statement per non-empty table; returns the number of rows written. */
export async function insertRows(client: Queryable, rows: AgencyRows): Promise<number> {
  let n = 0;
  for (const t of TABLE_NAMES) {
    const list = rows[t];
    if (list.length === 0) continue;
    await client.query(INSERT_SQL[t], [JSON.stringify(list)]);
    n += list.length;
  }
  return n;
}

/** Read the rows of `ids` (one query per table). */
export async function readRows(client: Queryable, ids: string[]): Promise<AgencyRows> {
  const rows = emptyRows();
  for (const t of TABLE_NAMES) {
    rows[t] = (await client.query<Row>(SELECT_SQL[t], [ids])).rows;
  }
  // the agencies query orders by position; keep the callers' order of ids
  const index = new Map(ids.map((id, i) => [id, i]));
  rows.agencies.sort((x, y) => index.get(x.id as string)! - index.get(y.id as string)!);
  return rows;
}

export { transaction };

/** An agency as stored now, with its region, read inside a transaction; undefined when none. */
async function readAgency(client: Queryable, id: string): Promise<{ dataset: Dataset; region: string } | undefined> {
  const rows = await readRows(client, [id]);
  const a = rows.agencies[0];
  return a ? { dataset: assembleDatasets(rows)[0]!, region: String(a.region) } : undefined;
}

const READ_ONLY = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** Serialize writers of one agency or region (transaction-scoped; 0x4b6e6a72 = "Knjr"). */
async function lock(client: Queryable, what: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(1265527410, hashtext($1))', [what]);
}

/**
 * Inside an import's transaction, under its locks: refuse when the agencies it touches are no
 * longer what the confirmed preview saw, and keep each one it replaces or removes as a snapshot.
 */
async function guard(client: Queryable, replaced: readonly string[], removed: readonly string[], opts: ImportGuard): Promise<void> {
  if (opts.expectToken === undefined && opts.snapshotBy === undefined) return;
  const now = new Map<string, { dataset: Dataset; region: string } | undefined>();
  for (const id of [...replaced, ...removed]) now.set(id, await readAgency(client, id));
  // the token covers the agencies of the file (what the preview compared); removals are confirmed by id (RemovalChanged)
  if (opts.expectToken !== undefined && importToken(new Map(replaced.map((id) => [id, now.get(id)?.dataset]))) !== opts.expectToken) {
    throw new PreviewChanged(replaced);
  }
  if (opts.snapshotBy === undefined) return;
  for (const [id, a] of now) {
    if (!a) continue;
    await takeSnapshot(client, a.dataset, { agencyId: id, region: a.region, by: opts.snapshotBy, reason: removed.includes(id) ? 'remove' : (opts.reason ?? 'import') });
  }
}

/** Where an agency goes in a region: its current place when it is already there, else last. */
async function positionIn(client: Queryable, id: string, region: string): Promise<number> {
  const { rows } = await client.query<{ position: number }>(
    `SELECT coalesce(
       (SELECT position FROM agencies WHERE id = $1 AND region = $2),
       (SELECT max(position) + 1 FROM agencies WHERE region = $2),
       0) AS position`,
    [id, region],
  );
  return rows[0]!.position;
}

export interface AgencySummary {
  id: string;
  name: string;
  region: string;
}

/** An agency an import added, replaced, removed or kept: its id and name. */
export interface AgencyChange {
  id: string;
  name: string;
  /** a replaced agency that was stored in another region (it moved): that region */
  from?: string;
}

/**
 * What an import did (or, previewed, would do) to the agencies of one region. An agency of
 * the document is `added` (stored nowhere before) or `replaced` (stored in this region, or in
 * another one, named by `from`: it moved); agencies of the region the document does not hold
 * are `kept`, or `removed` when the import was asked to prune.
 */
export interface ImportChanges {
  region: string;
  /** agencies of the document not stored before, in the document's order */
  added: AgencyChange[];
  /** agencies of the document that were stored (in this region, or in `from`), in the document's order */
  replaced: AgencyChange[];
  /** agencies of the region the document does not hold, removed (prune), in the region's order */
  removed: AgencyChange[];
  /** agencies of the region the document does not hold, left as they were (a region import without prune) */
  kept: AgencyChange[];
}

export interface RegionImportOptions {
  /**
   * The file is the region's whole content: remove the region's agencies it does not hold, and
   * take the region's settings and other fields from the file as they are (absent = none).
   * Without it, the file's agencies are added or replaced, the others kept, and only the
   * region fields the file has are written.
   */
  prune?: boolean;
  /**
   * With prune: the ids of the agencies the caller confirmed for removal (as a preview listed
   * them). When the agencies that would be removed are not exactly these, nothing is written
   * and {@link RemovalChanged} is thrown.
   */
  confirmRemoved?: readonly string[];
  /** the bytes of files the documents refer to (a bundle's): each agency stores the ones it refers to, in the import's transaction */
  files?: BundleFiles;
}

/** File bytes by SHA-256, as a bundle brings them (store/files.ts). */
export type BundleFiles = ReadonlyMap<string, StoredFile>;

/** The files of `files` that `ds` refers to. */
function filesOf(ds: Dataset, files: BundleFiles): StoredFile[] {
  return fileHashes(ds).flatMap((h) => {
    const f = files.get(h);
    return f ? [f] : [];
  });
}

/** A pruning region import whose confirmed removals are not the agencies it would remove; nothing was written. */
export class RemovalChanged extends Error {
  constructor(
    readonly region: string,
    /** the ids the caller confirmed */
    readonly confirmed: readonly string[],
    /** the agencies the import would remove now */
    readonly removed: AgencyChange[],
  ) {
    super(
      `region ${region}: the agencies to remove are now ${removed.map((a) => a.id).join(', ') || 'none'}, ` +
        `not the ${confirmed.length} confirmed (${confirmed.join(', ') || 'none'}); nothing was stored`,
    );
    this.name = 'RemovalChanged';
  }
}

/**
 * What makes an import safe (issue 12): the agencies it replaces or removes kept as snapshots
 * in the same transaction, and a preview's token checked under the import's locks.
 */
export interface ImportGuard {
  /** keep each agency the import replaces or removes as a snapshot (snapshots.ts), taken by this login */
  snapshotBy?: string;
  /** why, as the snapshot records it (default `import`; a pruned agency's is `remove`) */
  reason?: 'import' | 'restore';
  /** the token of the preview the person confirmed (`importToken`); {@link PreviewChanged} when the data changed since */
  expectToken?: string;
}

/** The agencies an import would touch changed after the preview the person confirmed; nothing was written. */
export class PreviewChanged extends Error {
  constructor(readonly ids: readonly string[]) {
    super(`the data of ${ids.join(', ')} changed since the preview; nothing was stored`);
    this.name = 'PreviewChanged';
  }
}

export interface DatasetQueries {
  /** Store one agency (replacing it when present); one transaction. */
  importDataset(ds: Dataset, opts?: { region?: string; files?: BundleFiles } & ImportGuard): Promise<{ agencyId: string; rows: number; changes: ImportChanges }>;
  /** The agencies as stored now (undefined for one that is not), read in one snapshot: what a preview compares a file with. */
  currentDatasets(ids: readonly string[]): Promise<Map<string, Dataset | undefined>>;
  /**
   * Store a region's agencies (each added or replaced) and its fields; one transaction. The
   * region's other agencies are kept, unless `opts.prune` (see {@link RegionImportOptions}).
   */
  importRegion(region: Region, opts?: RegionImportOptions & ImportGuard): Promise<ImportChanges & { agencies: string[] }>;
  /** What {@link importDataset} would do now (nothing is written). */
  previewDataset(ds: Dataset, opts?: { region?: string }): Promise<ImportChanges>;
  /** What {@link importRegion} would do now without prune; `kept` lists what prune would remove (nothing is written). */
  previewRegion(region: Region): Promise<ImportChanges>;
  exportDataset(agencyId: string): Promise<Dataset | undefined>;
  exportRegion(region: string): Promise<Region | undefined>;
  listAgencies(): Promise<AgencySummary[]>;
  /** The settings of the agency's region (measurement rules that apply unless the agency sets its own). */
  regionSettingsOf(agencyId: string): Promise<Settings | undefined>;
  deleteAgency(id: string): Promise<boolean>;
}

/** Two agencies of a region file with one id: refused before anything is read or written. */
function checkDistinctIds(region: Region): string[] {
  const ids = region.agencies.map((ds) => agencyId(ds.agency));
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) {
      throw new Error(
        `agencies[${i}]: its id "${id}" is already the id of agencies[${first}]; ` +
          'each agency of a region needs its own code, abbreviation or name',
      );
    }
    seen.set(id, i);
  });
  return ids;
}

interface Planned {
  changes: ImportChanges;
  /** the position each agency of the document gets in the region, in the document's order */
  positions: number[];
}

/**
 * What importing `docs` into `region` does, read from the store as it is: which agencies are
 * added or replaced, which of the region's others would go (`kept`, or `removed` with prune),
 * and where each agency of the document goes. Without prune an agency already in the region
 * keeps its place and the others go last, in the document's order; with prune the document's
 * order is the region's.
 */
async function planImport(client: Queryable, region: string, docs: readonly Dataset[], prune: boolean): Promise<Planned> {
  const ids = docs.map((ds) => agencyId(ds.agency));
  const { rows } = await client.query<{ id: string; name: string; region: string; position: number }>(
    `SELECT id, name, region, position FROM agencies WHERE region = $1 OR id = ANY($2::text[])
      ORDER BY position, id COLLATE "C"`,
    [region, ids],
  );
  const stored = new Map(rows.map((r) => [r.id, r]));
  const changes: ImportChanges = { region, added: [], replaced: [], removed: [], kept: [] };
  let next = rows.filter((r) => r.region === region).reduce((max, r) => Math.max(max, r.position + 1), 0);
  const positions = docs.map((ds, i) => {
    const id = ids[i]!;
    const was = stored.get(id);
    const change: AgencyChange = { id, name: ds.agency.name };
    if (!was) changes.added.push(change);
    else changes.replaced.push(was.region === region ? change : { ...change, from: was.region });
    if (prune) return i;
    return was?.region === region ? was.position : next++;
  });
  const inDocument = new Set(ids);
  for (const r of rows) {
    if (r.region === region && !inDocument.has(r.id)) (prune ? changes.removed : changes.kept).push({ id: r.id, name: r.name });
  }
  return { changes, positions };
}

const sameIds = (a: readonly string[], b: readonly string[]) => {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return a.length === x.length && x.length === y.length && x.every((id, i) => id === y[i]);
};

export function createDatasetQueries(pool: pg.Pool): DatasetQueries {
  return {
    async importDataset(ds, opts = {}) {
      const id = agencyId(ds.agency);
      const region = opts.region ?? ds.agency.region;
      const rows = flattenDataset(ds, { region });
      return transaction(pool, async (client) => {
        await lock(client, `agency:${id}`);
        await guard(client, [id], [], opts);
        await client.query('INSERT INTO regions (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [region]);
        const { changes } = await planImport(client, region, [ds], false);
        rows.agencies[0]!.position = await positionIn(client, id, region);
        await client.query('DELETE FROM agencies WHERE id = $1', [id]);
        const inserted = await insertRows(client, rows);
        if (opts.files) await putFiles(client, id, filesOf(ds, opts.files));
        return { agencyId: id, rows: inserted, changes: { ...changes, kept: [] } };
      });
    },

    async importRegion(region, opts = {}) {
      const ids = checkDistinctIds(region);
      const prune = opts.prune === true;
      const rows = emptyRows();
      region.agencies.forEach((ds) => flattenDataset(ds, { region: region.region }, rows));
      return transaction(pool, async (client) => {
        await lock(client, `region:${region.region}`);
        // every agency written or removed is locked, in one order (an edit of one waits, and sees the result)
        const members = (await client.query<{ id: string }>('SELECT id FROM agencies WHERE region = $1', [region.region])).rows.map((r) => r.id);
        const locked = prune ? [...new Set([...ids, ...members])] : ids;
        for (const id of [...locked].sort()) await lock(client, `agency:${id}`);
        const { changes, positions } = await planImport(client, region.region, region.agencies, prune);
        if (prune && opts.confirmRemoved !== undefined && !sameIds(opts.confirmRemoved, changes.removed.map((a) => a.id))) {
          throw new RemovalChanged(region.region, opts.confirmRemoved, changes.removed);
        }
        await guard(client, ids, changes.removed.map((a) => a.id), opts);
        positions.forEach((position, i) => (rows.agencies[i]!.position = position));
        const settings = region.settings === undefined ? null : JSON.stringify(region.settings);
        const attrs = JSON.stringify(residual(region, ['format', 'region', 'settings', 'agencies']));
        await client.query(
          prune
            ? `INSERT INTO regions (name, settings, attrs) VALUES ($1, $2::jsonb, $3::jsonb)
               ON CONFLICT (name) DO UPDATE SET settings = excluded.settings, attrs = excluded.attrs`
            : `INSERT INTO regions (name, settings, attrs) VALUES ($1, $2::jsonb, $3::jsonb)
               ON CONFLICT (name) DO UPDATE SET settings = coalesce(excluded.settings, regions.settings),
                                                attrs = regions.attrs || excluded.attrs`,
          [region.region, settings, attrs],
        );
        await client.query('DELETE FROM agencies WHERE id = ANY($1::text[])', [[...ids, ...changes.removed.map((a) => a.id)]]);
        // an agency pruned from its region leaves no register rows behind (those of the agencies written are kept)
        await client.query(`DELETE FROM register_rows WHERE scope = 'agency' AND owner = ANY($1::text[])`, [changes.removed.map((a) => a.id)]);
        await client.query('DELETE FROM agency_files WHERE agency_id = ANY($1::text[])', [changes.removed.map((a) => a.id)]);
        await insertRows(client, rows);
        if (opts.files) for (const [i, ds] of region.agencies.entries()) await putFiles(client, ids[i]!, filesOf(ds, opts.files));
        return { ...changes, agencies: ids };
      });
    },

    async currentDatasets(ids) {
      return transaction(
        pool,
        async (client) => {
          const out = new Map<string, Dataset | undefined>();
          for (const id of ids) out.set(id, (await readAgency(client, id))?.dataset);
          return out;
        },
        READ_ONLY,
      );
    },

    async previewDataset(ds, opts = {}) {
      const region = opts.region ?? ds.agency.region;
      const { changes } = await transaction(pool, (client) => planImport(client, region, [ds], false), READ_ONLY);
      return { ...changes, kept: [] };
    },

    async previewRegion(region) {
      checkDistinctIds(region);
      return (await transaction(pool, (client) => planImport(client, region.region, region.agencies, false), READ_ONLY)).changes;
    },

    async exportDataset(id) {
      return transaction(
        pool,
        async (client) => {
          const rows = await readRows(client, [id]);
          return rows.agencies.length === 0 ? undefined : assembleDatasets(rows)[0];
        },
        READ_ONLY,
      );
    },

    async exportRegion(name) {
      return transaction(
        pool,
        async (client) => {
          const found = await client.query<{ settings: unknown; attrs: Row }>('SELECT settings, attrs FROM regions WHERE name = $1', [name]);
          const region = found.rows[0];
          if (!region) return undefined;
          const ids = (
            await client.query<{ id: string }>('SELECT id FROM agencies WHERE region = $1 ORDER BY position, id COLLATE "C"', [name])
          ).rows.map((r) => r.id);
          const agencies = assembleDatasets(await readRows(client, ids));
          const parts: Row = { ...region.attrs, format: REGION_FORMAT, region: name, agencies };
          if (region.settings !== null) parts.settings = region.settings;
          return ordered<Region>(KEYS.region, parts);
        },
        READ_ONLY,
      );
    },

    async listAgencies() {
      const { rows } = await pool.query<AgencySummary>(
        'SELECT id, name, region FROM agencies ORDER BY region COLLATE "C", position, id COLLATE "C"',
      );
      return rows;
    },

    async regionSettingsOf(id) {
      const { rows } = await pool.query<{ settings: Settings | null }>(
        'SELECT r.settings FROM agencies a JOIN regions r ON r.name = a.region WHERE a.id = $1',
        [id],
      );
      return rows[0]?.settings ?? undefined;
    },

    async deleteAgency(id) {
      return transaction(pool, async (client) => {
        const { rowCount } = await client.query('DELETE FROM agencies WHERE id = $1', [id]);
        await client.query('DELETE FROM agency_files WHERE agency_id = $1', [id]);
        // the agency's registers go with it (their per-year values cascade)
        await client.query(`DELETE FROM register_rows WHERE scope = 'agency' AND owner = $1`, [id]);
        return (rowCount ?? 0) > 0;
      });
    },
  };
}

// ------------------------------------------------------------------ benchmark support

/**
 * The floor for reading an agency: ONE query ($1 = agency id) returning, per table, all the
 * agency's rows as a JSON array, the same rows exportDataset reads (and measurement needs,
 * since measurement works on the exported dataset), without any reassembly.
 */
export const readAgencyRowsQuery: string = `SELECT ${TABLE_NAMES.map((t) => {
  const { key = 'agency_id', order = 'position' } = spec(t);
  return `(SELECT json_agg(x ORDER BY ${order}) FROM ${q(t)} x WHERE x.${q(key)} = $1) AS ${q(t)}`;
}).join(',\n  ')}`;

/**
 * The baseline for import time: the same rows as {@link flattenDataset} gives, written by
 * plain multi-row `INSERT … VALUES ($1, …), (…)` statements (`rowsPerStatement` rows each;
 * 1 = one statement per row), in one transaction, into tables where these agencies do not
 * exist yet. Regions named by the rows are created when missing.
 */
export async function rawInsertRows(pool: pg.Pool, rows: AgencyRows, opts: { rowsPerStatement?: number } = {}): Promise<number> {
  return transaction(pool, async (client) => {
    const regions = [...new Set(rows.agencies.map((a) => a.region as string))];
    for (const region of regions) {
      await client.query('INSERT INTO regions (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [region]);
    }
    let n = 0;
    for (const t of TABLE_NAMES) {
      const cols = AGENCY_TABLES[t].columns;
      const list = rows[t];
      const per = Math.max(1, Math.min(opts.rowsPerStatement ?? 1000, Math.floor(60000 / cols.length)));
      for (let start = 0; start < list.length; start += per) {
        const chunk = list.slice(start, start + per);
        const params: unknown[] = [];
        const tuples = chunk.map((row) => {
          const slots = cols.map(([c, type]) => {
            const v = row[c];
            if (v === undefined || (v === null && !(JSON_NULL_ALLOWED[t] ?? []).includes(c))) params.push(null);
            else params.push(type === 'jsonb' ? JSON.stringify(v) : v);
            return `$${params.length}`;
          });
          return `(${slots.join(', ')})`;
        });
        await client.query(`INSERT INTO ${q(t)} (${cols.map(([c]) => q(c)).join(', ')}) VALUES ${tuples.join(', ')}`, params);
        n += chunk.length;
      }
    }
    return n;
  });
}
