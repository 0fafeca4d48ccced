/**
 * The server's API as the pages use it (src/server/routes; its OpenAPI description is at
 * /api/openapi.json). Types mirror the routes' response schemas; dataset objects are the
 * dataset format's own types and measurements the `measure --json` contract.
 */
export type {
  Agency,
  Analysis,
  Agreement,
  AgreementBudget,
  AgreementRow,
  Dataset,
  EvaluationScore,
  Goal,
  Indicator,
  Narrative,
  Period,
  Person,
  ProgramNode,
  Realization,
  Recommendation,
  Support,
  Unit,
  WorkflowState,
} from '../../src/core/dataset/schema.js';
export type { BudgetTotals, MeasureResult, MeasuredRow } from '../../src/core/measure/types.js';
export type { Finding } from './http.js';
// who acts and the agreement edit shapes are the server's and the core's own types
export type { Role, User } from '../../src/server/policies/types.js';
export type { FromPlanInput, TargetDifference } from '../../src/core/edit/agreements.js';
export type { BudgetInput, SpendingInput } from '../../src/core/edit/programs.js';
export type { Account } from '../../src/server/commands/accounts.js';

import type {
  Agency,
  AgreementRow,
  Person,
  Unit,
  Dataset,
  Period,
  Agreement,
  AgreementBudget,
  EvaluationScore,
  Goal,
  Indicator,
  Narrative,
  ProgramNode,
  Realization,
  Recommendation,
  Support,
  WorkflowState,
} from '../../src/core/dataset/schema.js';
import type { BudgetTotals, MeasureResult, MeasuredRow } from '../../src/core/measure/types.js';
import type { Role, User } from '../../src/server/policies/types.js';
import type { FromPlanInput, TargetDifference } from '../../src/core/edit/agreements.js';
import type { BudgetInput, SpendingInput } from '../../src/core/edit/programs.js';
import type { Account } from '../../src/server/commands/accounts.js';
import { del, fetchFile, get, patch, post, put, upload, type FetchedFile, type Finding } from './http.js';

export interface Versioned<T> {
  record: T;
  version: string;
}

export interface AgencySummary {
  id: string;
  name: string;
  abbreviation: string | null;
  region: string;
}

export interface AgencyProfile {
  id: string;
  region: string;
  agency: Agency;
  units: Unit[];
  plans: { id: string; level: 'rpjmd' | 'renstra'; title: string; period: { from: number; to: number } }[];
  agreements: { id: string; year: number; kind: 'original' | 'amendment'; amends: string | null }[];
  years: number[];
}

export interface PredicateCount {
  label: string;
  color: string | null;
  count: number;
}

export interface RowCounts {
  rows: number;
  measured: number;
  achieved: number;
  notAchieved: number;
  unmeasured: number;
}

export interface RecommendationCounts {
  total: number;
  open: number;
  overdue: number;
}

export interface Standing {
  achievement: number | null;
  predicate: string | null;
  predicateColor: string | null;
}

export interface AgencyDashboard {
  agency: AgencySummary;
  year: number;
  years: number[];
  current: string | null;
  standing: Standing;
  counts: RowCounts & {
    byPredicate: PredicateCount[];
    realizations: Record<WorkflowState, number>;
    recommendations: RecommendationCounts;
  };
  budget: BudgetTotals;
  programs: { id: string; code: string | null; name: string; final: number | null; spent: number | null; absorption: number | null }[];
  score: EvaluationScore | null;
  measurement: MeasureResult;
}

export interface RegionDashboard {
  region: string;
  year: number;
  agencies: (Standing & {
    id: string;
    name: string;
    abbreviation: string | null;
    agreement: string | null;
    counts: RowCounts;
    budget: BudgetTotals;
    score: { value: number; grade: string | null } | null;
    recommendations: RecommendationCounts;
  })[];
  totals: {
    agencies: number;
    byPredicate: PredicateCount[];
    unrated: number;
    budget: BudgetTotals;
    recommendations: RecommendationCounts;
  };
}

export interface CascadeLink {
  ref: string;
  found: boolean;
  plan: { id: string; level: 'rpjmd' | 'renstra'; title: string } | null;
  goal: Goal | null;
}

export interface GoalView extends Versioned<Goal> {
  children: string[];
  indicators: string[];
  cascade: CascadeLink[];
}

export interface PlanView {
  id: string;
  level: 'rpjmd' | 'renstra';
  title: string;
  startYear: number;
  endYear: number;
  legalBasis: string | null;
  roots: string[];
  goals: GoalView[];
  indicators: Versioned<Indicator>[];
}

export interface ImportResult {
  valid: boolean;
  kind: 'dataset' | 'region' | null;
  stored: boolean;
  agencies: string[];
  findings: Finding[];
}

/** The profile's changes: `null` clears an optional field; the region cannot change. */
export type AgencyProfileChanges = { [K in Exclude<keyof Agency, 'region'>]?: Agency[K] | null } & { version: string; note?: string };

export interface AgreementView extends Versioned<Agreement> {
  differences: TargetDifference[];
}

export interface AgreementChanges {
  version: string;
  signedOn?: string;
  place?: string;
  firstParty?: Person;
  secondParty?: Person;
  rows?: AgreementRow[];
  budget?: AgreementBudget[];
  note?: string;
}

export interface NodeView extends Versioned<ProgramNode> {
  children: string[];
  figures: {
    year: number;
    stages: { initial: number | null; shift: number | null; revised: number | null };
    final: number | null;
    spent: number | null;
    absorption: number | null;
    spendingByPeriod: { period: Period; amount: number; physical: number | null }[];
  };
}

export type RealizationAction = 'enter' | 'delete' | 'evidence' | 'submit' | 'verify' | 'approve' | 'return' | 'reopen';
export type WorkflowAction = 'submit' | 'verify' | 'approve' | 'return' | 'reopen';

export interface EvidenceView {
  value: string;
  file: { id: string; fileName: string; contentType: string; size: number; url: string } | null;
}

export interface EntryView extends Versioned<Realization> {
  key: string;
  state: WorkflowState;
  allowed: RealizationAction[];
  evidence: EvidenceView[];
}

export interface RealizationIndicator {
  ref: string;
  owner: { kind: 'plan' | 'agreement' | 'node'; id: string };
  indicator: Indicator;
  target: number | null;
  canEnter: boolean;
  entries: EntryView[];
  rows: MeasuredRow[];
}

export interface RealizationChange {
  record: Realization | null;
  version: string | null;
  key: string;
  measured: { achievement: number | null; predicate: string | null; provisional: boolean; unmeasured: string | null } | null;
  rows: MeasuredRow[];
}

export interface RealizationKey {
  indicator: string;
  year: number;
  period?: Period;
}

export interface RealizationInput extends RealizationKey {
  version?: string | null;
  value?: number;
  numerator?: number;
  denominator?: number;
  category?: string;
  categories?: string[];
  status?: 'no-data' | 'postponed' | 'not-applicable';
  note?: string;
}

export interface EvaluationView {
  today: string;
  scores: (Versioned<EvaluationScore> & { key: string })[];
  recommendations: (Versioned<Recommendation> & { overdue: boolean })[];
}

/** `POST /api/accounts` (routes/accounts.ts, NewAccount): an agency role names its agency, an operator its unit too. */
export interface NewAccount {
  username: string;
  name: string;
  email?: string;
  role: Role;
  agencyId?: string;
  unitId?: string;
  region?: string;
  password: string;
}

/** `PATCH /api/accounts/:id` (AccountChanges): what is given changes; a new password or role ends the account's sessions. */
export interface AccountChanges {
  version: string;
  name?: string;
  role?: Role;
  agencyId?: string | null;
  unitId?: string | null;
  region?: string | null;
  active?: boolean;
  password?: string;
}

/** `GET`/`PUT …/narrative`: no narrative yet is `{ record: null, version: null }`. */
export interface NarrativeView {
  record: Narrative | null;
  version: string | null;
}

export type RecommendationChanges = Partial<Omit<Recommendation, 'id'>> & { version: string; note?: string };

const A = (agency: string) => `/api/agencies/${encodeURIComponent(agency)}`;

export const api = {
  // ---------------------------------------------------------------- session
  async session(): Promise<User | null> {
    try {
      return (await get<{ user: User }>('/api/auth/session')).user;
    } catch (e) {
      if ((e as { status?: number }).status === 401) return null;
      throw e;
    }
  },
  async signIn(username: string, password: string): Promise<User> {
    return (await post<{ user: User }>('/api/auth/sign-in', { username, password })).user;
  },
  signOut: () => post<{ ok: true }>('/api/auth/sign-out'),
  /** ends every session of the account, this one too */
  signOutEverywhere: () => post<{ ok: true }>('/api/auth/sign-out-everywhere'),
  /** a new password; the server ends every session of the account (sign in again) */
  changePassword: (currentPassword: string, newPassword: string) => post<{ ok: true }>('/api/auth/password', { currentPassword, newPassword }),

  // ---------------------------------------------------------------- accounts (the region's admin)
  accounts: async (signal?: AbortSignal) => (await get<{ accounts: Versioned<Account>[] }>('/api/accounts', { signal })).accounts,
  createAccount: (input: NewAccount) => post<Versioned<Account>>('/api/accounts', input),
  updateAccount: (id: string, changes: AccountChanges) => patch<Versioned<Account>>(`/api/accounts/${encodeURIComponent(id)}`, changes),

  // ---------------------------------------------------------------- agencies and dashboards
  agencies: async (signal?: AbortSignal) => (await get<{ agencies: AgencySummary[] }>('/api/agencies', { signal })).agencies,
  agency: (agency: string, signal?: AbortSignal) => get<AgencyProfile>(A(agency), { signal }),
  dashboard: (agency: string, year: number, signal?: AbortSignal) => get<AgencyDashboard>(`${A(agency)}/dashboard`, { query: { year }, signal }),
  measurements: (agency: string, year: number, signal?: AbortSignal) => get<MeasureResult>(`${A(agency)}/measurements`, { query: { year }, signal }),
  regionDashboard: (region: string, year: number, signal?: AbortSignal) =>
    get<RegionDashboard>(`/api/regions/${encodeURIComponent(region)}/dashboard`, { query: { year }, signal }),
  agencyProfile: (agency: string, signal?: AbortSignal) => get<Versioned<Agency>>(`${A(agency)}/profile`, { signal }),
  updateAgencyProfile: (agency: string, changes: AgencyProfileChanges) => patch<Versioned<Agency>>(`${A(agency)}/profile`, changes),
  exportUrl: (agency: string) => `${A(agency)}/export`,
  exportDataset: (agency: string, signal?: AbortSignal) => get<Dataset>(`${A(agency)}/export`, { signal }),

  // ---------------------------------------------------------------- plans
  plans: async (agency: string, signal?: AbortSignal) => (await get<{ plans: PlanView[] }>(`${A(agency)}/plans`, { signal })).plans,
  createGoal: (agency: string, plan: string, goal: Goal) => post<Versioned<Goal>>(`${A(agency)}/plans/${encodeURIComponent(plan)}/goals`, { goal }),
  updateGoal: (agency: string, plan: string, version: string, goal: Goal) =>
    put<Versioned<Goal>>(`${A(agency)}/plans/${encodeURIComponent(plan)}/goals/${encodeURIComponent(goal.id)}`, { version, goal }),
  deleteGoal: (agency: string, plan: string, id: string, version: string) =>
    del<{ ok: true }>(`${A(agency)}/plans/${encodeURIComponent(plan)}/goals/${encodeURIComponent(id)}`, undefined, { query: { version } }),
  createIndicator: (agency: string, plan: string, indicator: Indicator) =>
    post<Versioned<Indicator>>(`${A(agency)}/plans/${encodeURIComponent(plan)}/indicators`, { indicator }),
  updateIndicator: (agency: string, plan: string, version: string, indicator: Indicator) =>
    put<Versioned<Indicator>>(`${A(agency)}/plans/${encodeURIComponent(plan)}/indicators/${encodeURIComponent(indicator.id)}`, { version, indicator }),
  deleteIndicator: (agency: string, plan: string, id: string, version: string) =>
    del<{ ok: true }>(`${A(agency)}/plans/${encodeURIComponent(plan)}/indicators/${encodeURIComponent(id)}`, undefined, { query: { version } }),

  // ---------------------------------------------------------------- agreements
  agreements: async (agency: string, year: number | undefined, signal?: AbortSignal) =>
    (await get<{ agreements: AgreementView[] }>(`${A(agency)}/agreements`, { query: { year }, signal })).agreements,
  agreementFromPlan: (agency: string, input: FromPlanInput) => post<AgreementView>(`${A(agency)}/agreements`, input),
  amendAgreement: (agency: string, id: string, input: { id?: string; signedOn: string; place?: string }) =>
    post<AgreementView>(`${A(agency)}/agreements/${encodeURIComponent(id)}/amend`, input),
  updateAgreement: (agency: string, id: string, changes: AgreementChanges) => patch<AgreementView>(`${A(agency)}/agreements/${encodeURIComponent(id)}`, changes),
  deleteAgreement: (agency: string, id: string, version: string) =>
    del<{ ok: true }>(`${A(agency)}/agreements/${encodeURIComponent(id)}`, undefined, { query: { version } }),

  // ---------------------------------------------------------------- programs
  programs: async (agency: string, year: number, signal?: AbortSignal) =>
    (await get<{ year: number; nodes: NodeView[] }>(`${A(agency)}/programs`, { query: { year }, signal })).nodes,

  setSpending: (agency: string, node: string, body: { version: string; year: number; entries: SpendingInput[] }) =>
    put<Versioned<ProgramNode>>(`${A(agency)}/programs/${encodeURIComponent(node)}/spending`, body),
  setBudgets: (agency: string, node: string, body: { version: string; year: number; entries: BudgetInput[] }) =>
    put<Versioned<ProgramNode>>(`${A(agency)}/programs/${encodeURIComponent(node)}/budgets`, body),
  setSupports: (agency: string, node: string, body: { version: string; supports: Support[] }) =>
    put<Versioned<ProgramNode>>(`${A(agency)}/programs/${encodeURIComponent(node)}/supports`, body),

  // ---------------------------------------------------------------- realizations
  realizations: async (agency: string, year: number, signal?: AbortSignal) =>
    (await get<{ year: number; indicators: RealizationIndicator[] }>(`${A(agency)}/realizations`, { query: { year }, signal })).indicators,
  putRealization: (agency: string, input: RealizationInput) => put<RealizationChange>(`${A(agency)}/realizations`, input),
  transition: (agency: string, input: RealizationKey & { action: WorkflowAction; version: string; note?: string }) =>
    post<RealizationChange>(`${A(agency)}/realizations/transition`, input),
  deleteRealization: (agency: string, key: RealizationKey & { version: string }) =>
    del<RealizationChange>(`${A(agency)}/realizations`, undefined, {
      query: { indicator: key.indicator, year: key.year, period: key.period ?? 'Y', version: key.version },
    }),
  uploadEvidence: (agency: string, key: RealizationKey & { version: string }, file: File, onProgress?: (f: number) => void) => {
    const form = new FormData();
    form.set('indicator', key.indicator);
    form.set('year', String(key.year));
    form.set('period', key.period ?? 'Y');
    form.set('version', key.version);
    form.set('file', file);
    return upload<RealizationChange>('POST', `${A(agency)}/realizations/evidence`, form, onProgress ? { onProgress } : {});
  },

  // ---------------------------------------------------------------- evaluation
  evaluation: (agency: string, signal?: AbortSignal) => get<EvaluationView>(`${A(agency)}/evaluation`, { signal }),
  putScore: (agency: string, score: EvaluationScore, version: string | null) =>
    put<Versioned<EvaluationScore> & { key: string }>(`${A(agency)}/evaluation/scores`, { score, version }),
  addRecommendation: (agency: string, recommendation: Recommendation) =>
    post<Versioned<Recommendation> & { overdue: boolean }>(`${A(agency)}/evaluation/recommendations`, { recommendation }),
  updateRecommendation: (agency: string, id: string, changes: RecommendationChanges) =>
    patch<Versioned<Recommendation> & { overdue: boolean }>(`${A(agency)}/evaluation/recommendations/${encodeURIComponent(id)}`, changes),

  // ---------------------------------------------------------------- narrative
  narrative: (agency: string, signal?: AbortSignal) => get<NarrativeView>(`${A(agency)}/narrative`, { signal }),
  putNarrative: (agency: string, version: string | null, narrative: Narrative) => put<NarrativeView>(`${A(agency)}/narrative`, { version, narrative }),

  // ---------------------------------------------------------------- import
  importDocument: (text: string, store: boolean, onProgress?: (fraction: number) => void) =>
    upload<ImportResult>('POST', `/api/import?store=${store}`, new Blob([text], { type: 'application/json' }), {
      contentType: 'application/json',
      ...(onProgress ? { onProgress } : {}),
    }),

  // ---------------------------------------------------------------- reports (files)
  report: (agency: string, report: ReportRef, format: ReportFileFormat, signal?: AbortSignal): Promise<FetchedFile> =>
    report.kind === 'agreement'
      ? fetchFile(`${A(agency)}/reports/agreement/${encodeURIComponent(report.id)}`, { query: { format }, signal })
      : fetchFile(`${A(agency)}/reports/${report.kind}`, { query: { year: report.year, format }, signal }),
};

/** A report the server writes as a file (GET …/reports/lkip, …/reports/agreement/:id, …/reports/review). */
export type ReportRef = { kind: 'lkip'; year: number } | { kind: 'agreement'; id: string } | { kind: 'review'; year: number };
export type ReportFileFormat = 'html' | 'docx' | 'pdf' | 'xlsx' | 'json';

export { del, get, patch, post, put };
