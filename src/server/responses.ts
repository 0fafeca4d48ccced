/**
 * The API's response schemas, and their types: what the routes (routes/*.ts) answer, and what
 * the web front end reads (web/src/api.ts imports these types, type-only, so the two cannot
 * drift). Pure: zod, the dataset's schemas, the measurement schema and the roles and actions
 * of the policies; nothing that touches the store, HTTP or the environment.
 *
 * Each type is the schema's output (`z.output`, what `z.infer` gives, as the core's dataset types
 * are); none of these schemas has a default or a transform, so it is also what is sent.
 */
import { z } from 'zod';
import * as S from '../core/dataset/schema.js';
import { BudgetTotalsSchema, MeasureResultSchema, MeasuredRowSchema, PendingFigureSchema } from './measure-schema.js';
import { PUBLICATION_FORMATS, PUBLICATION_KINDS } from '../core/report/publication.js';
import { REALIZATION_ACTIONS } from './policies/realization.js';
import { FindingSchema, named, RoleSchema, Version, versioned } from './schemas.js';

/** A record with the version an edit must send back (what `versioned(schema)` answers). */
export interface Versioned<T> {
  record: T;
  version: string;
}
// a compile-time check that `versioned(…)` answers exactly a Versioned record
const _versionedFits = (v: z.output<ReturnType<typeof versioned<typeof S.Goal>>>): Versioned<S.Goal> => v;
const _versionedFitsBack = (v: Versioned<S.Goal>): z.output<ReturnType<typeof versioned<typeof S.Goal>>> => v;
void _versionedFits;
void _versionedFitsBack;

// ---------------------------------------------------------------- accounts (routes/accounts.ts)

export const AccountSchema = named(
  z.object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    agencyId: z.string().nullable(),
    unitId: z.string().nullable(),
    region: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
  }),
  'Account',
);
export type Account = z.output<typeof AccountSchema>;

export const VersionedAccount = named(z.object({ record: AccountSchema, version: Version }), 'VersionedAccount');
export type VersionedAccount = z.output<typeof VersionedAccount>;

export const AccountList = named(z.object({ accounts: z.array(VersionedAccount) }), 'AccountList');
export type AccountList = z.output<typeof AccountList>;

// ---------------------------------------------------------------- agencies and dashboards (routes/agencies.ts)

export const AgencySummary = named(
  z.object({ id: z.string(), name: z.string(), abbreviation: z.string().nullable(), region: z.string() }),
  'AgencySummary',
);
export type AgencySummary = z.output<typeof AgencySummary>;

export const AgencyList = named(z.object({ agencies: z.array(AgencySummary) }), 'AgencyList');
export type AgencyList = z.output<typeof AgencyList>;

const YearSpan = z.object({ from: z.number().int(), to: z.number().int() });

export const AgencyProfile = named(
  z.object({
    id: z.string(),
    region: z.string(),
    agency: S.Agency,
    units: z.array(S.Unit),
    plans: z.array(z.object({ id: z.string(), level: z.enum(['rpjmd', 'renstra']), title: z.string(), period: YearSpan })),
    agreements: z.array(z.object({ id: z.string(), year: z.number().int(), kind: z.enum(['original', 'amendment']), amends: z.string().nullable() })),
    years: z.array(z.number().int()),
  }),
  'AgencyProfile',
);
export type AgencyProfile = z.output<typeof AgencyProfile>;

const PredicateCountSchema = z.object({ label: z.string(), color: z.string().nullable(), count: z.number().int() });
const RowCountsSchema = z.object({
  rows: z.number(),
  measured: z.number(),
  achieved: z.number(),
  notAchieved: z.number(),
  unmeasured: z.number(),
  awaitingApproval: z.number().describe('unmeasured rows whose only realizations await approval (official figures count approved data)'),
  pending: z.number().describe('rows carrying a pending figure beside the official one'),
});
const GradeFields = {
  code: z.string().nullable().describe('the SAKIP grade derived from the score (AA, A, BB …; settings.gradeScale)'),
  label: z.string().nullable().describe('its label (Sangat Memuaskan, Memuaskan …)'),
  typed: z.string().nullable().describe('the grade typed in the data, never used'),
  typedDiffers: z.boolean().describe('the typed grade differs from the derived one (a warning)'),
};
export const GradeSchema = named(z.object(GradeFields), 'ScoreGrade');
export type ScoreGrade = z.output<typeof GradeSchema>;
const RecommendationCountsSchema = z.object({ total: z.number(), open: z.number(), overdue: z.number() });
const TextSchema = z.object({ en: z.string(), id: z.string() });
const StandingSchema = z.object({
  achievement: z.number().nullable().describe('the mean of the measured rows, each achievement capped at `cap` first'),
  cap: z.number().describe('the cap of every achievement in the mean (the settings’ achievementCap, else 100)'),
  predicate: z.string().nullable(),
  predicateColor: z.string().nullable(),
  headline: TextSchema.describe('the rows counted per predicate: "5 indikator: 2 Sangat Tinggi, …"'),
  mean: TextSchema.nullable().describe('the capped mean with its cap rule stated'),
});
const FindingPlace = {
  place: TextSchema.describe('where, in words (the indicator, the period, the field), never a path'),
  link: z
    .object({
      section: z.enum(['realizations', 'agreements', 'programs', 'plans', 'evaluation', 'narrative', 'profile']),
      indicator: z.string().nullable(),
    })
    .nullable()
    .describe('the page of the interface where it is entered, and the indicator to open there'),
};
const QualityFindingSchema = FindingSchema.extend({ year: z.number().int(), subject: z.string().describe('the name of the indicator, program node or spending line'), ...FindingPlace });
const PlacedFindingSchema = FindingSchema.extend(FindingPlace);
export type PredicateCount = z.output<typeof PredicateCountSchema>;
export type RowCounts = z.output<typeof RowCountsSchema>;
export type RecommendationCounts = z.output<typeof RecommendationCountsSchema>;
export type Standing = z.output<typeof StandingSchema>;

export const AgencyDashboard = named(
  z.object({
    agency: z.object({ id: z.string(), name: z.string(), abbreviation: z.string().nullable(), region: z.string() }),
    year: z.number().int(),
    years: z.array(z.number().int()),
    current: z.string().nullable(),
    agreementTitles: z.record(z.string(), TextSchema).describe("each agreement of the year by its title, by id"),
    standing: StandingSchema,
    counts: RowCountsSchema.extend({
      byPredicate: z.array(PredicateCountSchema),
      realizations: z.object({ draft: z.number(), submitted: z.number(), verified: z.number(), approved: z.number() }),
      recommendations: RecommendationCountsSchema,
    }),
    budget: BudgetTotalsSchema,
    programs: z.array(
      z.object({ id: z.string(), code: z.string().nullable(), name: z.string(), final: z.number().nullable(), spent: z.number().nullable(), absorption: z.number().nullable() }),
    ),
    score: S.EvaluationScore.nullable(),
    grade: GradeSchema.nullable().describe("the score's SAKIP grade, derived from it"),
    measurement: MeasureResultSchema,
    quality: z.array(QualityFindingSchema).describe('data-quality findings of the year (measurement.md, "Data-quality findings")'),
    findings: z.array(PlacedFindingSchema).describe("the measurement's findings, each with its place in words"),
  }),
  'AgencyDashboard',
);
export type AgencyDashboard = z.output<typeof AgencyDashboard>;

export const RegionDashboard = named(
  z.object({
    region: z.string(),
    year: z.number().int(),
    agencies: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          abbreviation: z.string().nullable(),
          agreement: z.string().nullable(),
          agreementTitle: TextSchema.nullable().describe('the agreement in force by its title'),
          counts: RowCountsSchema,
          budget: BudgetTotalsSchema,
          score: z.object({ value: z.number(), ...GradeFields }).nullable(),
          recommendations: RecommendationCountsSchema,
        })
        .extend(StandingSchema.shape),
    ),
    totals: z.object({
      agencies: z.number().int(),
      byPredicate: z.array(PredicateCountSchema),
      unrated: z.number().int(),
      budget: BudgetTotalsSchema,
      recommendations: RecommendationCountsSchema,
    }),
  }),
  'RegionDashboard',
);
export type RegionDashboard = z.output<typeof RegionDashboard>;

// ---------------------------------------------------------------- import (routes/import.ts)

const AgencyChange = z.object({
  id: z.string(),
  name: z.string(),
  from: z.string().optional().describe('replaced: the region the agency was stored in, when it moved from another one'),
});

export const ImportChanges = named(
  z.object({
    region: z.string(),
    added: z.array(AgencyChange).describe('agencies of the document not stored before'),
    replaced: z.array(AgencyChange).describe('agencies of the document that were stored: their data replaced'),
    removed: z.array(AgencyChange).describe("agencies of the region the document does not hold, removed (prune=true)"),
    kept: z
      .array(AgencyChange)
      .describe("agencies of the region the document does not hold, left as they are; prune=true with exactly these ids in `remove` removes them"),
  }),
  'ImportChanges',
);
export type ImportChanges = z.output<typeof ImportChanges>;

const ImportItemSchema = z.object({ name: TextSchema, lost: z.boolean().describe('changed in the app since the last import; the file removes or changes it') });
const ImportListSchema = z.object({ count: z.number().int(), items: z.array(ImportItemSchema).describe('the first 100, by name') });
export const AgencyImportDetail = named(
  z.object({
    agency: z.string(),
    name: z.string(),
    isNew: z.boolean(),
    unchanged: z.boolean(),
    entities: z.array(z.object({ entity: z.string(), label: TextSchema, added: ImportListSchema, removed: ImportListSchema, changed: ImportListSchema })),
    lost: z.array(ImportItemSchema.extend({ entity: TextSchema, how: z.enum(['removed', 'changed']) })).describe('what was changed in the app that the file removes or changes'),
  }),
  'AgencyImportDetail',
);
export type AgencyImportDetail = z.output<typeof AgencyImportDetail>;

export const ImportResult = named(
  z.object({
    valid: z.boolean(),
    kind: z.enum(['dataset', 'region']).nullable(),
    stored: z.boolean(),
    agencies: z.array(z.string()).describe('the agency ids of the document'),
    changes: ImportChanges.nullable().describe(
      'what the import did (stored) or would do (validation only), by agency; null for an invalid document',
    ),
    findings: z.array(FindingSchema),
    token: z.string().nullable().describe('what the check compared the file with: send it back as `expect` when storing, so that a change made meanwhile is refused (409) instead of lost'),
    details: z.array(AgencyImportDetail).describe("per agency of the file: what storing it changes, by kind of thing, with names; what was changed in the app that it loses"),
  }),
  'ImportResult',
);
export type ImportResult = z.output<typeof ImportResult>;

// ---------------------------------------------------------------- plans (routes/plans.ts)

const CascadeLink = z.object({
  ref: z.string().describe('planId/goalId as written in `supports`'),
  found: z.boolean(),
  plan: z.object({ id: z.string(), level: z.enum(['rpjmd', 'renstra']), title: z.string() }).nullable(),
  goal: S.Goal.nullable(),
});
export type CascadeLink = z.output<typeof CascadeLink>;

export const GoalView = named(
  z.object({
    record: S.Goal,
    version: Version,
    children: z.array(z.string()).describe('ids of the goals whose parent this is'),
    indicators: z.array(z.string()).describe('ids of the plan indicators measuring this goal'),
    cascade: z.array(CascadeLink).describe('the goals of other plans this one supports (e.g. an RPJMD sasaran)'),
  }),
  'GoalView',
);
export type GoalView = z.output<typeof GoalView>;

export const PlanView = named(
  z.object({
    id: z.string(),
    level: z.enum(['rpjmd', 'renstra']),
    title: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    legalBasis: z.string().nullable(),
    roots: z.array(z.string()).describe('ids of the goals without a parent, in document order'),
    goals: z.array(GoalView),
    indicators: z.array(versioned(S.Indicator)),
  }),
  'PlanView',
);
export type PlanView = z.output<typeof PlanView>;

export const PlanList = named(z.object({ plans: z.array(PlanView) }), 'PlanList');
export type PlanList = z.output<typeof PlanList>;

// ---------------------------------------------------------------- agreements (routes/agreements.ts)

const Difference = z.object({
  indicator: z.string(),
  ref: z.string().nullable(),
  target: z.union([z.number(), z.string()]),
  planTarget: z.number().nullable(),
  difference: z.number().nullable().describe('agreed − planned, for numbers'),
});
export type TargetDifference = z.output<typeof Difference>;

export const AgreementView = named(z.object({ record: S.Agreement, version: Version, differences: z.array(Difference) }), 'AgreementView');
export type AgreementView = z.output<typeof AgreementView>;

export const AgreementList = named(z.object({ agreements: z.array(AgreementView) }), 'AgreementList');
export type AgreementList = z.output<typeof AgreementList>;

// ---------------------------------------------------------------- programs (routes/programs.ts)

const n = z.number().nullable();
export const NodeView = named(
  z.object({
    record: S.ProgramNode,
    version: Version,
    children: z.array(z.string()),
    figures: z.object({
      year: z.number().int(),
      stages: z.object({ initial: n, shift: n, revised: n }).describe('budget at each stage (own entry, else the sum of the children)'),
      final: n,
      spent: n,
      absorption: n,
      spendingByPeriod: z.array(z.object({ period: S.Period, amount: z.number(), physical: z.number().nullable() })),
    }),
  }),
  'ProgramNodeView',
);
export type NodeView = z.output<typeof NodeView>;

export const ProgramList = named(z.object({ year: z.number().int(), nodes: z.array(NodeView) }), 'ProgramList');
export type ProgramList = z.output<typeof ProgramList>;

// ---------------------------------------------------------------- realizations (routes/realizations.ts)

export const RealizationChange = named(
  z.object({
    record: S.Realization.nullable(),
    version: Version.nullable(),
    key: z.string(),
    measured: z
      .object({
        achievement: z.number().nullable(),
        predicate: z.string().nullable(),
        provisional: z.boolean(),
        unmeasured: z.string().nullable(),
        pending: PendingFigureSchema.nullable().describe('the figure awaiting approval beside the official one; null when nothing waits'),
      })
      .nullable()
      .describe("the indicator's first row after the change (an agreement row when there is one); null when it is measured nowhere this year"),
    rows: z.array(MeasuredRowSchema).describe("every row of the year's measurement for this indicator, after the change"),
  }),
  'RealizationChange',
);
export type RealizationChange = z.output<typeof RealizationChange>;

const EvidenceView = z.object({
  value: z.string(),
  file: z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), url: z.string() }).nullable(),
});
export type EvidenceView = z.output<typeof EvidenceView>;

const EntryView = z.object({
  record: S.Realization,
  version: Version,
  key: z.string(),
  state: S.WorkflowState,
  allowed: z.array(z.enum(REALIZATION_ACTIONS)).describe('what the signed-in user may do with it now'),
  evidence: z.array(EvidenceView),
});
export type EntryView = z.output<typeof EntryView>;

export const RealizationIndicator = named(
  z.object({
    ref: z.string(),
    owner: z.object({ kind: z.enum(['plan', 'agreement', 'node']), id: z.string() }),
    indicator: S.Indicator,
    target: z.number().nullable().describe("the indicator's own target for the year"),
    canEnter: z.boolean().describe('the signed-in user may enter a new realization of it (never for a year counted from a register)'),
    entries: z.array(EntryView),
    rows: z.array(MeasuredRowSchema),
  }),
  'RealizationIndicator',
);
export type RealizationIndicator = z.output<typeof RealizationIndicator>;

export const RealizationList = named(z.object({ year: z.number().int(), indicators: z.array(RealizationIndicator) }), 'RealizationList');
export type RealizationList = z.output<typeof RealizationList>;

// ---------------------------------------------------------------- evaluation (routes/evaluation.ts)

export const RecommendationView = named(
  z.object({ record: S.Recommendation, version: Version, overdue: z.boolean().describe('not done and past its due date') }),
  'RecommendationView',
);
export type RecommendationView = z.output<typeof RecommendationView>;

export const ScoreView = named(
  z.object({ record: S.EvaluationScore, version: Version, key: z.string(), grade: GradeSchema.describe('the SAKIP grade derived from the score') }),
  'ScoreView',
);
export type ScoreView = z.output<typeof ScoreView>;

export const EvaluationView = named(
  z.object({ today: S.IsoDate, scores: z.array(ScoreView), recommendations: z.array(RecommendationView) }),
  'EvaluationView',
);
export type EvaluationView = z.output<typeof EvaluationView>;

// ---------------------------------------------------------------- narrative (routes/narrative.ts)

export const NarrativeView = named(
  z.object({
    record: S.Narrative.nullable().describe('the narrative asked for: of the year (its own, else the undated one), or without a year the stored one (of a list, the undated one)'),
    version: Version.nullable().describe('null while there is no narrative'),
    years: z.array(S.Year).describe('the report years that have a narrative of their own'),
  }),
  'NarrativeView',
);
export type NarrativeView = z.output<typeof NarrativeView>;

// ---------------------------------------------------------------- audit log (routes/audit.ts)

const ChangeSchema = z.object({ field: TextSchema, before: TextSchema.nullable(), after: TextSchema.nullable() });
export const ReadableAuditEntry = named(
  z.object({
    id: z.number().int(),
    at: z.string().describe('ISO timestamp'),
    actor: z.object({ name: z.string(), role: z.string().nullable() }),
    agency: z.string().nullable(),
    agencyName: z.string().nullable().describe("the agency's name (region log)"),
    entity: z.string(),
    entityLabel: TextSchema,
    action: z.string(),
    actionLabel: TextSchema,
    subject: TextSchema.describe('the record in words: "realisasi Triwulan I 2025 — <indicator>"'),
    changes: z.array(ChangeSchema),
    moreChanges: z.number().int().describe('changes beyond those listed'),
    note: z.string().nullable(),
    key: z.string().describe('the record key (for the API; not shown to people)'),
    before: z.unknown(),
    after: z.unknown(),
  }),
  'ReadableAuditEntry',
);
export type ReadableAuditEntry = z.output<typeof ReadableAuditEntry>;

export const AuditPage = named(
  z.object({
    entries: z.array(ReadableAuditEntry),
    facets: z.object({ actors: z.array(z.string()), entities: z.array(z.object({ id: z.string(), label: TextSchema })), actions: z.array(z.object({ id: z.string(), label: TextSchema })) }),
  }),
  'AuditLog',
);
export type AuditPage = z.output<typeof AuditPage>;

// ---------------------------------------------------------------- issued reports (routes/publications.ts)

const PublishedFileSchema = z.object({ format: z.enum(PUBLICATION_FORMATS), size: z.number().int(), sha256: z.string() });
export const IssuedReport = named(
  z.object({
    id: z.string(),
    kind: z.enum(PUBLICATION_KINDS),
    year: z.number().int(),
    subject: z.string().nullable(),
    title: TextSchema.describe('what was issued, in words: "LKIP 2025", "Perjanjian Kinerja Perubahan Tahun 2025"'),
    issuedAt: z.string(),
    issuedBy: z.string(),
    kinerjaVersion: z.string(),
    files: z.array(PublishedFileSchema),
  }),
  'IssuedReport',
);
export type IssuedReport = z.output<typeof IssuedReport>;
export const IssuedReports = named(z.object({ publications: z.array(IssuedReport), formats: z.object({ lkip: z.array(z.string()), agreement: z.array(z.string()), review: z.array(z.string()) }) }), 'IssuedReports');
export type IssuedReports = z.output<typeof IssuedReports>;
export const Reproduction = named(
  z.object({
    matches: z.boolean(),
    files: z.array(z.object({ format: z.enum(PUBLICATION_FORMATS), sha256: z.string(), issuedSha256: z.string(), matches: z.boolean() })),
    toolChanges: z.array(z.object({ tool: z.string(), then: z.string(), now: z.string() })),
    kinerjaVersion: z.object({ issued: z.string(), now: z.string() }),
  }),
  'Reproduction',
);
export type Reproduction = z.output<typeof Reproduction>;
const ChangeRowSchema = z.object({ kind: z.enum(['added', 'removed', 'changed', 'reordered']), place: TextSchema, before: z.string().nullable(), after: z.string().nullable() });
export const ChangesSinceIssue = named(
  z.object({
    agencyExists: z.boolean(),
    settingsChanged: z.boolean(),
    dataset: z.array(ChangeRowSchema),
    measurement: z.array(z.object({ name: z.string(), status: z.enum(['changed', 'added', 'removed']), fields: z.array(z.object({ field: z.string(), old: z.union([z.number(), z.string()]).nullable(), new: z.union([z.number(), z.string()]).nullable() })) })),
    measurementNote: z.string().nullable(),
  }),
  'ChangesSinceIssue',
);
export type ChangesSinceIssue = z.output<typeof ChangesSinceIssue>;

// ---------------------------------------------------------------- the worklist (routes/worklist.ts)

const BothTexts = z.object({ en: z.string(), id: z.string() });
const WorkStatusSchema = z.enum(['overdue', 'due', 'waiting', 'undated']);

export const WorkItemSchema = named(
  z.object({
    kind: z.enum(['enter', 'verify', 'approve', 'returned', 'recommendation', 'agency']),
    status: WorkStatusSchema,
    agency: z.object({ id: z.string(), name: z.string() }),
    title: BothTexts.describe('what: "Realisasi Triwulan III 2025 — Persentase koperasi aktif"'),
    detail: BothTexts.describe('why: "terlambat 12 hari (jatuh tempo 10 Oktober 2025)"'),
    target: z
      .discriminatedUnion('page', [
        z.object({ page: z.literal('realizations'), agency: z.string(), year: S.Year, indicator: z.string(), period: S.Period }),
        z.object({ page: z.literal('evaluation'), agency: z.string(), recommendation: z.string() }),
        z.object({ page: z.literal('dashboard'), agency: z.string(), year: S.Year.nullable() }),
      ])
      .describe('where in the web application the work is done'),
    indicator: z.object({ ref: z.string(), name: z.string(), responsibleUnits: z.array(z.string()) }).nullable(),
    year: S.Year.nullable(),
    period: S.Period.nullable(),
    state: z.enum(['missing', 'draft', 'returned', 'submitted', 'verified']).nullable(),
    dueDate: S.IsoDate.nullable(),
    daysLate: z.number().int().nullable(),
    daysLeft: z.number().int().nullable(),
    recommendation: z.object({ id: z.string(), no: z.string().nullable(), status: z.enum(['open', 'in-progress']) }).nullable(),
    overdue: z.object({ realizations: z.number().int(), recommendations: z.number().int() }).nullable(),
  }),
  'WorkItem',
);
export type WorkItem = z.output<typeof WorkItemSchema>;

export const Worklist = named(
  z.object({
    today: S.IsoDate,
    latestYear: S.Year.nullable().describe('the latest year with data (agreements, realizations) among the agencies in scope: the dashboards open on it'),
    items: z.array(WorkItemSchema),
    counts: z.object({ total: z.number().int(), overdue: z.number().int(), due: z.number().int(), waiting: z.number().int(), undated: z.number().int() }),
  }),
  'Worklist',
);
export type Worklist = z.output<typeof Worklist>;

// ---------------------------------------------------------------- backups (routes/snapshots.ts)

export const SnapshotSummary = named(
  z.object({
    id: z.number().int(),
    agencyId: z.string(),
    agencyName: z.string(),
    region: z.string(),
    takenAt: z.string(),
    takenBy: z.string(),
    reason: z.enum(['import', 'restore', 'remove']).describe('what replaced or removed the data: an import, a restore, a pruning region import'),
    digest: z.string(),
    counts: z.object({ plans: z.number().int(), agreements: z.number().int(), programs: z.number().int(), realizations: z.number().int() }),
  }),
  'Snapshot',
);
export type SnapshotSummary = z.output<typeof SnapshotSummary>;
export const SnapshotList = named(z.object({ snapshots: z.array(SnapshotSummary) }), 'SnapshotList');
export type SnapshotList = z.output<typeof SnapshotList>;

// ---------------------------------------------------------------- drill-down (routes/drill.ts)

const RegisterValue = z.union([z.string(), z.number(), z.boolean()]);

export const DrillEntitySchema = named(
  z.object({
    key: z.string(),
    label: z.string().describe('the label field’s value (the key when the register has no label)'),
    values: z.record(z.string(), RegisterValue).describe('the non-personal fields by id; per-year fields with their value of the measured year'),
    counted: z.boolean().describe('whether the figure counted the entity'),
  }),
  'DrillEntity',
);
export type DrillEntity = z.output<typeof DrillEntitySchema>;

export const RegisterDrill = named(
  z.object({
    kind: z.enum(['indicator', 'table']),
    year: S.Year,
    period: z.enum(['Q1', 'Q2', 'Q3', 'Q4']),
    periodLabel: z.string().describe('the period in Indonesian, e.g. "Triwulan II 2026"'),
    asOf: S.IsoDate.describe('the period’s last day: what the registers held for it was counted'),
    indicator: z.object({ ref: z.string(), name: z.string(), unit: z.string().nullable(), share: z.boolean().describe('a share of a population (× factor), else a count') }).nullable(),
    table: z.object({ id: z.string(), title: z.string(), groupBy: z.string(), groupByName: z.string(), group: RegisterValue.nullable(), groupLabel: z.string().nullable().describe('the group in words; null: the whole table') }).nullable(),
    register: z.object({ id: z.string(), name: z.string(), keyName: z.string(), labelName: z.string() }),
    fields: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })).describe('the non-personal fields the entities show besides the key and the label'),
    figure: z.object({
      numerator: z.number().int().describe('the entities counted'),
      denominator: z.number().int().nullable().describe('the population (a share) or the table’s total; null for a plain count'),
      value: z.number().nullable().describe('the realization from these counts; null for an empty population'),
    }),
    words: z.object({ counted: z.string(), population: z.string() }).describe('the selections in words (Indonesian)'),
    side: z.enum(['counted', 'not-counted', 'population']),
    q: z.string(),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().describe('entities of the side matching the search'),
    entities: z.array(DrillEntitySchema),
  }),
  'RegisterDrill',
);
export type RegisterDrill = z.output<typeof RegisterDrill>;

export const EntityEvents = named(
  z.object({
    register: z.string(),
    key: z.string(),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    events: z.array(
      z.object({
        register: z.string(),
        registerName: z.string(),
        via: z.string().describe('the reference field naming the entity'),
        key: z.string(),
        label: z.string(),
        date: z.string().nullable(),
        values: z.record(z.string(), RegisterValue).describe('the event’s non-personal fields'),
      }),
    ),
  }),
  'EntityEvents',
);
export type EntityEvents = z.output<typeof EntityEvents>;
// ---------------------------------------------------------------- registers (routes/registers.ts)

const RegisterText = z.object({ en: z.string(), id: z.string() });

export const RegisterFieldView = named(
  z.object({
    id: z.string(),
    name: z.string(),
    type: z.enum(['text', 'number', 'date', 'category', 'yesno', 'reference']),
    personal: z.boolean(),
    perYear: z.boolean(),
    required: z.boolean(),
    values: z.array(z.string()).optional().describe('a category: its allowed values'),
    register: z.string().optional().describe('a reference: the register it names an entity of'),
  }),
  'RegisterFieldView',
);

export const RegisterView = named(
  z.object({
    id: z.string(),
    name: z.string(),
    key: z.string(),
    label: z.string().describe('the field that names an entity (the key when none is set)'),
    unitName: z.string().nullable().describe('the unit that keeps the register'),
    rows: z.number().int(),
    years: z.array(z.number().int()).describe('the years its per-year values are stored for'),
    fields: z.array(RegisterFieldView),
    seesPersonal: z.boolean().describe('the caller sees its personal fields whole (policies/register.ts); otherwise they are masked'),
    mayImport: z.boolean(),
  }),
  'RegisterView',
);
export type RegisterView = z.output<typeof RegisterView>;

export const RegisterList = named(z.object({ registers: z.array(RegisterView) }), 'RegisterList');
export type RegisterList = z.output<typeof RegisterList>;

export const RegisterEntityView = named(
  z.object({
    key: z.string(),
    label: z.string(),
    data: z.record(z.string(), RegisterValue).describe('year-independent values by field id; personal ones masked unless `seesPersonal`'),
    years: z.record(z.string(), z.record(z.string(), RegisterValue)).describe('per-year values by year, then field id'),
  }),
  'RegisterEntityView',
);
export type RegisterEntityView = z.output<typeof RegisterEntityView>;

export const RegisterRowsPage = named(
  z.object({
    register: RegisterView,
    total: z.number().int(),
    page: z.number().int(),
    size: z.number().int(),
    rows: z.array(RegisterEntityView),
  }),
  'RegisterRowsPage',
);
export type RegisterRowsPage = z.output<typeof RegisterRowsPage>;

export const RegisterEntityPage = named(
  z.object({
    register: RegisterView,
    entity: RegisterEntityView,
    events: z
      .array(z.object({ register: RegisterView, fields: z.array(z.string()), total: z.number().int(), rows: z.array(RegisterEntityView) }))
      .describe("its history: the entities of the agency's registers that refer to it, newest first (the first 100 of each)"),
  }),
  'RegisterEntityPage',
);
export type RegisterEntityPage = z.output<typeof RegisterEntityPage>;

const ChangeList = z.object({ count: z.number().int(), first: z.array(z.string()) });

export const RegisterImportAnswer = named(
  z.object({
    register: z.string(),
    rows: z.number().int().describe('data rows read'),
    years: z.array(z.number().int()),
    problems: z.array(z.object({ row: z.number().int(), column: z.string(), code: z.string(), message: RegisterText })).describe('the first 100, by row and column'),
    problemCount: z.number().int(),
    preview: z.object({ added: ChangeList, changed: ChangeList, removed: ChangeList, unchanged: z.number().int() }).nullable(),
    stored: z.boolean(),
    token: z.string().nullable().describe('a good file’s preview: send it as `expect` with store=true to store exactly what was shown'),
  }),
  'RegisterImportAnswer',
);
export type RegisterImportAnswer = z.output<typeof RegisterImportAnswer>;
