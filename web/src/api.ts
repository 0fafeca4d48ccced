/**
 * The server's API as the pages use it (src/server/routes; its OpenAPI description is at
 * /api/openapi.json). Response types are the routes' own response schemas' types
 * (src/server/responses.ts, imported type-only: nothing of the server is bundled); dataset
 * objects are the dataset format's own types and measurements the `measure --json` contract.
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
export type { RealizationAction } from '../../src/server/policies/realization.js';
export type { FromPlanInput } from '../../src/core/edit/agreements.js';
export type { BudgetInput, SpendingInput } from '../../src/core/edit/programs.js';
// what the routes answer: their response schemas' types
export type {
  Account,
  AccountList,
  AgencyDashboard,
  AgencyImportDetail,
  AgencyList,
  AgencyProfile,
  AgencySummary,
  SnapshotList,
  SnapshotSummary,
  AgreementList,
  AuditPage,
  ChangesSinceIssue,
  IssuedReport,
  IssuedReports,
  ReadableAuditEntry,
  Reproduction,
  AgreementView,
  CascadeLink,
  EntryView,
  EvaluationView,
  EvidenceView,
  GoalView,
  ImportChanges,
  ImportResult,
  NarrativeView,
  NodeView,
  PlanList,
  PlanView,
  RegisterDrill,
  DrillEntity,
  EntityEvents,
  PredicateCount,
  ProgramList,
  RealizationChange,
  RealizationIndicator,
  RealizationList,
  RecommendationCounts,
  RecommendationView,
  RegionDashboard,
  RowCounts,
  ScoreView,
  Standing,
  TargetDifference,
  Versioned,
  VersionedAccount,
  WorkItem,
  Worklist,
  RegisterEntityPage,
  RegisterEntityView,
  RegisterImportAnswer,
  RegisterList,
  RegisterRowsPage,
  RegisterView,
} from '../../src/server/responses.js';

import type {
  Agency,
  AgreementRow,
  Person,
  Dataset,
  Period,
  AgreementBudget,
  EvaluationScore,
  Goal,
  Indicator,
  Narrative,
  ProgramNode,
  Recommendation,
  Support,
} from '../../src/core/dataset/schema.js';
import type { MeasureResult } from '../../src/core/measure/types.js';
import type { Role, User } from '../../src/server/policies/types.js';
import type { FromPlanInput } from '../../src/core/edit/agreements.js';
import type { BudgetInput, SpendingInput } from '../../src/core/edit/programs.js';
import type {
  AccountList,
  SnapshotList,
  AuditPage,
  ChangesSinceIssue,
  IssuedReport,
  IssuedReports,
  Reproduction,
  AgencyDashboard,
  AgencyList,
  AgencyProfile,
  AgreementList,
  AgreementView,
  EvaluationView,
  ImportResult,
  NarrativeView,
  PlanList,
  ProgramList,
  RealizationChange,
  RealizationList,
  RecommendationView,
  RegionDashboard,
  RegisterDrill,
  EntityEvents,
  ScoreView,
  Versioned,
  VersionedAccount,
  Worklist,
  RegisterEntityPage,
  RegisterImportAnswer,
  RegisterList,
  RegisterRowsPage,
} from '../../src/server/responses.js';
import { del, fetchFile, get, patch, post, put, upload, type FetchedFile } from './http.js';

/** The profile's changes: `null` clears an optional field; the region cannot change. */
export type AgencyProfileChanges = { [K in Exclude<keyof Agency, 'region'>]?: Agency[K] | null } & { version: string; note?: string };

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

export type FileRole = 'crest' | 'photo' | 'agreement-scan' | 'decree-scan';
export interface UploadedFile {
  sha256: string;
  mediaType: string;
  name: string;
  size: number;
  caption?: string;
  url: string;
}
export type WorkflowAction = 'submit' | 'verify' | 'approve' | 'return' | 'reopen';

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

export type RecommendationChanges = Partial<Omit<Recommendation, 'id'>> & { version: string; note?: string };

/** `GET /api/agencies/:id/drill` (routes/drill.ts): an indicator counted from a register, its side, search and page. */
export interface DrillQuery {
  indicator: string;
  year: number;
  period?: 'Q1' | 'Q2' | 'Q3' | 'Q4';
  side?: 'counted' | 'not-counted' | 'population';
  q?: string;
  page?: number;
  pageSize?: number;
}

const A = (agency: string) => `/api/agencies/${encodeURIComponent(agency)}`;
const R = (agency: string, register: string) => `${A(agency)}/registers/${encodeURIComponent(register)}`;

/** A page of a register's list: search, filters by field id (category and yes/no; per-year ones in `year`). */
export interface RegisterQuery {
  q?: string;
  year?: number;
  page?: number;
  size?: number;
  filters?: Record<string, string>;
}

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
  accounts: async (signal?: AbortSignal) => (await get<AccountList>('/api/accounts', { signal })).accounts,
  createAccount: (input: NewAccount) => post<VersionedAccount>('/api/accounts', input),
  updateAccount: (id: string, changes: AccountChanges) => patch<VersionedAccount>(`/api/accounts/${encodeURIComponent(id)}`, changes),

  // ---------------------------------------------------------------- the worklist ("Tugas saya")
  worklist: (signal?: AbortSignal) => get<Worklist>('/api/worklist', { signal }),

  // ---------------------------------------------------------------- agencies and dashboards
  agencies: async (signal?: AbortSignal) => (await get<AgencyList>('/api/agencies', { signal })).agencies,
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
  plans: async (agency: string, signal?: AbortSignal) => (await get<PlanList>(`${A(agency)}/plans`, { signal })).plans,
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
    (await get<AgreementList>(`${A(agency)}/agreements`, { query: { year }, signal })).agreements,
  agreementFromPlan: (agency: string, input: FromPlanInput) => post<AgreementView>(`${A(agency)}/agreements`, input),
  amendAgreement: (agency: string, id: string, input: { id?: string; signedOn: string; place?: string }) =>
    post<AgreementView>(`${A(agency)}/agreements/${encodeURIComponent(id)}/amend`, input),
  updateAgreement: (agency: string, id: string, changes: AgreementChanges) => patch<AgreementView>(`${A(agency)}/agreements/${encodeURIComponent(id)}`, changes),
  deleteAgreement: (agency: string, id: string, version: string) =>
    del<{ ok: true }>(`${A(agency)}/agreements/${encodeURIComponent(id)}`, undefined, { query: { version } }),

  // ---------------------------------------------------------------- programs
  programs: async (agency: string, year: number, signal?: AbortSignal) =>
    (await get<ProgramList>(`${A(agency)}/programs`, { query: { year }, signal })).nodes,

  setSpending: (agency: string, node: string, body: { version: string; year: number; entries: SpendingInput[] }) =>
    put<Versioned<ProgramNode>>(`${A(agency)}/programs/${encodeURIComponent(node)}/spending`, body),
  setBudgets: (agency: string, node: string, body: { version: string; year: number; entries: BudgetInput[] }) =>
    put<Versioned<ProgramNode>>(`${A(agency)}/programs/${encodeURIComponent(node)}/budgets`, body),
  setSupports: (agency: string, node: string, body: { version: string; supports: Support[] }) =>
    put<Versioned<ProgramNode>>(`${A(agency)}/programs/${encodeURIComponent(node)}/supports`, body),

  // ---------------------------------------------------------------- realizations
  realizations: async (agency: string, year: number, signal?: AbortSignal) =>
    (await get<RealizationList>(`${A(agency)}/realizations`, { query: { year }, signal })).indicators,
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

  // ---------------------------------------------------------------- files (crest, photos, signed scans)
  uploadFile: (agency: string, fields: { role: FileRole; target?: string; caption?: string; year?: number; version?: string }, file: File, onProgress?: (f: number) => void) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.set(k, String(v));
    form.set('file', file);
    return upload<UploadedFile>('POST', `${A(agency)}/files`, form, onProgress ? { onProgress } : {});
  },
  fileUrl: (agency: string, sha256: string) => `${A(agency)}/files/${sha256}`,
  bundleUrl: (agency: string) => `${A(agency)}/export/bundle`,

  // ---------------------------------------------------------------- evaluation
  evaluation: (agency: string, signal?: AbortSignal) => get<EvaluationView>(`${A(agency)}/evaluation`, { signal }),
  putScore: (agency: string, score: EvaluationScore, version: string | null) =>
    put<ScoreView>(`${A(agency)}/evaluation/scores`, { score, version }),
  addRecommendation: (agency: string, recommendation: Recommendation) =>
    post<RecommendationView>(`${A(agency)}/evaluation/recommendations`, { recommendation }),
  updateRecommendation: (agency: string, id: string, changes: RecommendationChanges) =>
    patch<RecommendationView>(`${A(agency)}/evaluation/recommendations/${encodeURIComponent(id)}`, changes),

  // ---------------------------------------------------------------- narrative
  /** The narrative of a report year: its own, else the undated one (`record.year` says which). */
  narrative: (agency: string, year: number, signal?: AbortSignal) => get<NarrativeView>(`${A(agency)}/narrative`, { query: { year }, signal }),
  /** Write the narrative of a report year (stored with that `year`). */
  putNarrative: (agency: string, year: number, version: string | null, narrative: Narrative) =>
    put<NarrativeView>(`${A(agency)}/narrative`, { version, narrative }, { query: { year } }),

  // ---------------------------------------------------------------- import
  /**
   * Validate (store false) or store a dataset or region document. `remove`: prune the region's
   * agencies the document does not hold, exactly these ids (as the validation answer listed them
   * in `changes.kept`); the server refuses (409) when the region holds others by then.
   */
  importDocument: (text: string, opts: { store: boolean; remove?: readonly string[]; expect?: string }, onProgress?: (fraction: number) => void) =>
    upload<ImportResult>('POST', `/api/import?${importQuery(opts)}`, new Blob([text], { type: 'application/json' }), {
      contentType: 'application/json',
      ...(onProgress ? { onProgress } : {}),
    }),

  // ---------------------------------------------------------------- backups
  agencySnapshots: async (agency: string, signal?: AbortSignal) => (await get<SnapshotList>(`${A(agency)}/snapshots`, { signal })).snapshots,
  regionSnapshots: async (region: string, signal?: AbortSignal) => (await get<SnapshotList>(`/api/regions/${encodeURIComponent(region)}/snapshots`, { signal })).snapshots,
  restoreSnapshot: (region: string, id: number) => post<{ agency: string }>(`/api/regions/${encodeURIComponent(region)}/snapshots/${id}/restore`),
  /** The same for a bundle (.zip: dataset.json and the files it refers to), sent as it is. */
  importBundle: (zip: Blob, opts: { store: boolean; remove?: readonly string[]; expect?: string }, onProgress?: (fraction: number) => void) =>
    upload<ImportResult>('POST', `/api/import/bundle?${importQuery(opts)}`, zip, {
      contentType: 'application/zip',
      ...(onProgress ? { onProgress } : {}),
    }),

  // ---------------------------------------------------------------- registers (routes/registers.ts)
  registers: async (agency: string, signal?: AbortSignal) => (await get<RegisterList>(`${A(agency)}/registers`, { signal })).registers,
  registerRows: (agency: string, register: string, query: RegisterQuery, signal?: AbortSignal) => {
    const q: Record<string, string | number | undefined> = { q: query.q || undefined, year: query.year, page: query.page, size: query.size };
    for (const [field, value] of Object.entries(query.filters ?? {})) if (value) q[`filter[${field}]`] = value;
    return get<RegisterRowsPage>(`${R(agency, register)}/rows`, { query: q, signal });
  },
  registerEntity: (agency: string, register: string, key: string, signal?: AbortSignal) =>
    get<RegisterEntityPage>(`${R(agency, register)}/entities/${encodeURIComponent(key)}`, { signal }),
  /** Check (store false) or store a CSV/XLSX file of a register's rows; `expect`: the preview's token. */
  importRegister: (agency: string, register: string, file: Blob, opts: { store: boolean; expect?: string }, onProgress?: (fraction: number) => void) => {
    const q = new URLSearchParams({ store: String(opts.store) });
    if (opts.expect) q.set('expect', opts.expect);
    return upload<RegisterImportAnswer>('POST', `${R(agency, register)}/import?${q.toString()}`, file, {
      contentType: file.type || 'text/csv',
      ...(onProgress ? { onProgress } : {}),
    });
  },
  registerExportUrl: (agency: string, register: string, format: 'csv' | 'xlsx', personal = false) =>
    `${R(agency, register)}/export?format=${format}${personal ? '&personal=1' : ''}`,

  // ---------------------------------------------------------------- reports (files)
  // ---------------------------------------------------------------- drill-down (routes/drill.ts)
  drill: (agency: string, q: DrillQuery, signal?: AbortSignal) => get<RegisterDrill>(`${A(agency)}/drill`, { query: { ...q }, signal }),
  drillFile: (agency: string, q: DrillQuery, format: 'csv' | 'xlsx') => fetchFile(`${A(agency)}/drill`, { query: { ...q, format } }),
  entityEvents: (agency: string, register: string, key: string, signal?: AbortSignal) =>
    get<EntityEvents>(`${A(agency)}/registers/${encodeURIComponent(register)}/entities/${encodeURIComponent(key)}/events`, { signal }),

  // ---------------------------------------------------------------- audit trail
  audit: (agency: string, filter: AuditFilter, signal?: AbortSignal) => get<AuditPage>(`${A(agency)}/audit`, { query: { ...filter }, signal }),
  regionAudit: (region: string, filter: AuditFilter, signal?: AbortSignal) =>
    get<AuditPage>(`/api/regions/${encodeURIComponent(region)}/audit`, { query: { ...filter }, signal }),
  auditCsv: (scope: { agency: string } | { region: string }, filter: AuditFilter, lang: 'id' | 'en') =>
    fetchFile('agency' in scope ? `${A(scope.agency)}/audit.csv` : `/api/regions/${encodeURIComponent(scope.region)}/audit.csv`, { query: { ...filter, lang } }),

  // ---------------------------------------------------------------- issued reports
  publications: (agency: string, signal?: AbortSignal) => get<IssuedReports>(`${A(agency)}/publications`, { signal }),
  issueReport: (
    agency: string,
    body: { kind: 'lkip' | 'agreement' | 'review'; year?: number; agreement?: string; formats: string[]; reviewer?: { name?: string; nip?: string; position?: string; unit?: string; place?: string; date?: string } },
  ) =>
    post<IssuedReport>(`${A(agency)}/publications`, body),
  publicationFile: (agency: string, id: string, format: string) => fetchFile(`${A(agency)}/publications/${encodeURIComponent(id)}/files/${encodeURIComponent(format)}`),
  reproduce: (agency: string, id: string) => post<Reproduction>(`${A(agency)}/publications/${encodeURIComponent(id)}/reproduce`),
  changesSince: (agency: string, id: string, signal?: AbortSignal) => get<ChangesSinceIssue>(`${A(agency)}/publications/${encodeURIComponent(id)}/changes`, { signal }),

  report: (agency: string, report: ReportRef, format: ReportFileFormat, signal?: AbortSignal): Promise<FetchedFile> =>
    report.kind === 'agreement'
      ? fetchFile(`${A(agency)}/reports/agreement/${encodeURIComponent(report.id)}`, { query: { format }, signal })
      : fetchFile(`${A(agency)}/reports/${report.kind}`, { query: { year: report.year, format }, signal }),
};

function importQuery(opts: { store: boolean; remove?: readonly string[]; expect?: string }): string {
  const q = new URLSearchParams({ store: String(opts.store) });
  if (opts.expect) q.set('expect', opts.expect);
  if (opts.remove) {
    q.set('prune', 'true');
    q.set('remove', JSON.stringify(opts.remove));
  }
  return q.toString();
}

/** The audit page's filters (days as YYYY-MM-DD). */
export interface AuditFilter {
  actor?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
  limit?: number;
}

/** A report the server writes as a file (GET …/reports/lkip, …/reports/agreement/:id, …/reports/review). */
export type ReportRef = { kind: 'lkip'; year: number } | { kind: 'agreement'; id: string } | { kind: 'review'; year: number };
export type ReportFileFormat = 'html' | 'docx' | 'pdf' | 'xlsx' | 'json';

export { del, get, patch, post, put };
