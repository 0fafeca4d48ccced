/**
 * The `measure --json` result (measurement.md; src/core/measure/types.ts) as a zod schema,
 * for the OpenAPI description and for checking responses in tests. Objects are strict: a
 * field the engine adds without being described here fails the test that parses the demo's
 * measurement with it, so this schema cannot silently fall behind the types.
 */
import { z } from 'zod';
import type { MeasureResult } from '../core/measure/types.js';
import { FindingSchema, named } from './schemas.js';

const num = z.number();
const PeriodOrComputed = z.enum(['Y', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4', 'computed']);
const Efficiency = z.enum(['Efisien', 'Cukup Efisien', 'Tidak Efisien']);

export const BudgetTotalsSchema = named(
  z.strictObject({ final: num.nullable(), spent: num.nullable(), absorption: num.nullable() }),
  'BudgetTotals',
);

export const PendingFigureSchema = named(
  z.strictObject({
    state: z.enum(['draft', 'submitted', 'verified', 'approved']),
    period: z.enum(['Y', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4']),
    realization: z.union([num, z.string()]),
    achievement: num.nullable(),
    predicate: z.string().nullable(),
    predicateColor: z.string().optional(),
    achieved: z.boolean().nullable(),
  }),
  'PendingFigure',
);

const rowShape = {
  goal: z.string().nullable(),
  indicator: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  polarity: z.enum(['positive', 'negative']),
  target: z.union([num, z.string()]).nullable(),
  realization: z.union([num, z.string()]).nullable(),
  achievement: num.nullable(),
  predicate: z.string().nullable(),
  achieved: z.boolean().nullable(),
  endTarget: num.nullable(),
  achievementVsEnd: num.nullable(),
  baseline: z.strictObject({ year: num, value: num }).nullable(),
  trend: z.array(z.strictObject({ year: num, value: z.union([num, z.string()]), provisional: z.literal(true).optional() })),
  benchmark: z.strictObject({ value: num, label: z.string().optional(), kind: z.string().optional(), source: z.string() }).nullable(),
  budget: num.nullable(),
  spent: num.nullable(),
  absorption: num.nullable(),
  efficiency: Efficiency.nullable(),
  state: z.enum(['draft', 'submitted', 'verified', 'approved']).nullable(),
  provisional: z.literal(true).optional(),
  unmeasured: z.string().optional(),
  predicateColor: z.string().optional(),
  achievementCapped: num.optional(),
  realizationParts: z.strictObject({ numerator: num, denominator: num }).optional(),
  fromRegister: z
    .strictObject({ register: z.string(), asOf: z.string() })
    .optional()
    .describe('the realization is counted from a register: its id and the day (YYYY-MM-DD, the end of the latest ended period) the count stands for'),
  realizationPeriod: PeriodOrComputed.optional(),
  periodTarget: z
    .strictObject({
      period: z.enum(['S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4']),
      target: num,
      achievement: num.nullable(),
      predicate: z.string().nullable(),
      predicateColor: z.string().optional(),
    })
    .optional()
    .describe("a provisional row's realization against the plan's target for its period (periodTargets), for monitoring; the row's achievement stays against the year's target"),
  pending: PendingFigureSchema.optional().describe(
    'the figure of realizations not yet counted in the official one (their workflow state is not counted: by default not approved)',
  ),
  realizationCategories: z.array(z.string()).optional(),
  efficiencyReason: z.string().optional(),
  supportingNodes: z.array(z.string()).optional(),
  benchmarkNote: z.string().optional(),
};

export const MeasuredRowSchema = named(z.strictObject(rowShape), 'MeasuredRow');
export const ProgramIndicatorRowSchema = named(z.strictObject({ node: z.string(), ...rowShape }), 'ProgramIndicatorRow');

export const GoalResultSchema = named(
  z.strictObject({
    goal: z.string(),
    achievement: num.nullable(),
    predicate: z.string().nullable(),
    efficiency: Efficiency.nullable(),
    predicateColor: z.string().optional(),
    rows: num,
    measured: num,
    budget: num.nullable(),
    spent: num.nullable(),
    absorption: num.nullable(),
    efficiencyReason: z.string().optional(),
  }),
  'GoalResult',
);

export const AgreementSummarySchema = z.strictObject({ rows: num, achieved: num, notAchieved: num, unmeasured: num });

export const AgreementResultSchema = named(
  z.strictObject({
    id: z.string(),
    kind: z.enum(['original', 'amendment']),
    plan: z.string(),
    amends: z.string().optional(),
    signedOn: z.string(),
    rows: z.array(MeasuredRowSchema),
    goals: z.array(GoalResultSchema),
    summary: AgreementSummarySchema,
  }),
  'AgreementResult',
);

export const MeasureResultSchema = named(
  z
    .strictObject({
      agency: z.string(),
      year: num,
      agreements: z.array(AgreementResultSchema),
      planIndicators: z.array(MeasuredRowSchema),
      programIndicators: z.array(ProgramIndicatorRowSchema),
      budget: BudgetTotalsSchema,
      findings: z.array(FindingSchema),
    })
    .describe('The measurement of every agreement, plan indicator and program indicator of a year: exactly `kinerja measure --json` (docs/spec/measurement.md)'),
  'MeasureResult',
);

// A compile-time check that the engine's result fits this schema.
export const _measureResultFits = (r: MeasureResult): z.input<typeof MeasureResultSchema> => r;
