/**
 * Lookup of a dataset's entities by reference. Indicators and goals are owned by a plan,
 * an agreement or a program node and referenced from outside as `ownerId/localId`.
 * Built once per dataset; IO-free.
 */
import type { Agreement, Dataset, Goal, Indicator, Narrative, Plan, ProgramNode } from './schema.js';

export type Owner =
  | { kind: 'plan'; plan: Plan }
  | { kind: 'agreement'; agreement: Agreement }
  | { kind: 'node'; node: ProgramNode };

export interface IndicatorEntry {
  ref: string;
  ownerId: string;
  owner: Owner;
  indicator: Indicator;
}

export interface GoalEntry {
  ref: string;
  ownerId: string;
  owner: Owner;
  goal: Goal;
}

export interface DatasetIndex {
  plans: Map<string, Plan>;
  agreements: Map<string, Agreement>;
  nodes: Map<string, ProgramNode>;
  /** children of each program node id, in document order */
  children: Map<string, ProgramNode[]>;
  indicators: Map<string, IndicatorEntry>;
  goals: Map<string, GoalEntry>;
}

export const ref = (ownerId: string, localId: string): string => `${ownerId}/${localId}`;

/** Split `owner/local` at its first slash (ids themselves contain no slash by convention). */
export function splitRef(r: string): { ownerId: string; localId: string } | null {
  const i = r.indexOf('/');
  if (i <= 0 || i === r.length - 1) return null;
  return { ownerId: r.slice(0, i), localId: r.slice(i + 1) };
}

export function indexDataset(ds: Dataset): DatasetIndex {
  const idx: DatasetIndex = {
    plans: new Map(),
    agreements: new Map(),
    nodes: new Map(),
    children: new Map(),
    indicators: new Map(),
    goals: new Map(),
  };
  const addOwned = (ownerId: string, owner: Owner, goals: Goal[] | undefined, indicators: Indicator[] | undefined) => {
    for (const goal of goals ?? []) {
      const r = ref(ownerId, goal.id);
      if (!idx.goals.has(r)) idx.goals.set(r, { ref: r, ownerId, owner, goal });
    }
    for (const indicator of indicators ?? []) {
      const r = ref(ownerId, indicator.id);
      if (!idx.indicators.has(r)) idx.indicators.set(r, { ref: r, ownerId, owner, indicator });
    }
  };
  for (const plan of ds.plans) {
    if (!idx.plans.has(plan.id)) idx.plans.set(plan.id, plan);
    addOwned(plan.id, { kind: 'plan', plan }, plan.goals, plan.indicators);
  }
  for (const agreement of ds.agreements) {
    if (!idx.agreements.has(agreement.id)) idx.agreements.set(agreement.id, agreement);
    addOwned(agreement.id, { kind: 'agreement', agreement }, agreement.goals, agreement.indicators);
  }
  for (const node of ds.programs) {
    if (!idx.nodes.has(node.id)) idx.nodes.set(node.id, node);
    addOwned(node.id, { kind: 'node', node }, undefined, node.indicators);
    if (node.parent) {
      const list = idx.children.get(node.parent) ?? [];
      list.push(node);
      idx.children.set(node.parent, list);
    }
  }
  return idx;
}

/**
 * Resolve an agreement row's goal or indicator id: the agreement's own, then (for an
 * amendment) the amended agreement's, then the agreement's plan's. Returns the full ref.
 */
export function resolveAgreementLocal(
  idx: DatasetIndex,
  agreement: Agreement,
  localId: string,
  what: 'indicators' | 'goals',
): string | undefined {
  const map = idx[what];
  const seen = new Set<string>();
  let a: Agreement | undefined = agreement;
  while (a && !seen.has(a.id)) {
    seen.add(a.id);
    if (map.has(ref(a.id, localId))) return ref(a.id, localId);
    a = a.kind === 'amendment' && a.amends ? idx.agreements.get(a.amends) : undefined;
  }
  if (map.has(ref(agreement.plan, localId))) return ref(agreement.plan, localId);
  // an amendment may also use ids of the plan of the agreement it amends
  const amended = agreement.amends ? idx.agreements.get(agreement.amends) : undefined;
  if (amended && map.has(ref(amended.plan, localId))) return ref(amended.plan, localId);
  return undefined;
}

/**
 * The agency's id in a store and on the command line (`--agency ID`): its region OPD
 * `code` when given, else a slug of its abbreviation, else of its name
 * ("Diskopum" → `diskopum`).
 */
export function agencyId(agency: Dataset['agency']): string {
  if (agency.code) return agency.code;
  return slugify(agency.abbreviation ?? agency.name);
}

export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The dataset's narratives as a list, whichever form `narrative` has (none: an empty list). */
export function narrativesOf(ds: Pick<Dataset, 'narrative'>): Narrative[] {
  const n = ds.narrative;
  return n === undefined ? [] : Array.isArray(n) ? n : [n];
}

/**
 * The narrative of report year `year`: the one whose `year` is that year; else the undated one
 * (the single narrative of the first form, taken as applying to any year); else none. A dated
 * narrative never stands in for another year. The one rule every reader of the narrative uses
 * (docs/decisions.md, "Narrative per year").
 */
export function narrativeFor(ds: Pick<Dataset, 'narrative'>, year: number): Narrative | undefined {
  const all = narrativesOf(ds);
  return all.find((n) => n.year === year) ?? all.find((n) => n.year === undefined);
}

/** Every text of a narrative with its path inside it (`foreword`, `challenges[2]`, `analyses[0].drivers[1]`): what the report prints of it. */
export function narrativeTexts(n: Narrative): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const one = (path: string, value: string | undefined): void => {
    if (value !== undefined) out.push({ path, value });
  };
  const many = (path: string, values: string[] | undefined): void => values?.forEach((v, i) => out.push({ path: `${path}[${i}]`, value: v }));
  one('foreword', n.foreword);
  one('executiveSummary', n.executiveSummary);
  one('background', n.background);
  one('purpose', n.purpose);
  many('strategicIssues', n.strategicIssues);
  many('challenges', n.challenges);
  one('conclusions', n.conclusions);
  many('obstacles', n.obstacles);
  many('successFactors', n.successFactors);
  many('improvementSteps', n.improvementSteps);
  n.awards?.forEach((a, i) => {
    one(`awards[${i}].title`, a.title);
    one(`awards[${i}].text`, a.text);
  });
  n.analyses?.forEach((a, i) => {
    many(`analyses[${i}].drivers`, a.drivers);
    many(`analyses[${i}].obstacles`, a.obstacles);
    many(`analyses[${i}].challenges`, a.challenges);
    one(`analyses[${i}].text`, a.text);
  });
  return out;
}
