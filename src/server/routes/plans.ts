/** Plans: the goal tree with its cascade to other plans' goals (RPJMD), and indicators with all their fields. */
import { z } from 'zod';
import * as S from '../../core/dataset/schema.js';
import { indexDataset } from '../../core/dataset/model.js';
import { addGoal, addIndicator, removeGoal, removeIndicator, replaceGoal, replaceIndicator } from '../../core/edit/plans.js';
import { allow, editAgency } from '../commands/respond.js';
import * as planPolicy from '../policies/plan.js';
import { defineRoute } from '../route.js';
import { text as t } from '../errors.js';
import { loaded } from './agencies.js';
import { PlanList } from '../responses.js';
import { AgencyParams, named, Ok, Version, VersionQuery, versioned } from '../schemas.js';
import { versionOf } from '../versions.js';
import type { AgencyRef } from '../commands/store.js';
import type { User } from '../policies/types.js';

const mayEdit = (user: User, agency: AgencyRef) =>
  allow(
    planPolicy.can(user, 'update', { agencyId: agency.id, region: agency.region }),
    t("plans are edited by the agency's planner and the region's admin", 'rencana disunting oleh perencana perangkat daerah dan admin daerah'),
  );

export const list = defineRoute({
  id: 'plans.list',
  method: 'get',
  path: '/api/agencies/:agency/plans',
  tag: 'plans',
  summary: 'Every plan of the agency: the goal tree with its cascade, and the indicators with all fields, each with its version',
  auth: 'user',
  params: AgencyParams,
  response: PlanList,
  async handler({ deps, agency }) {
    const ds = (await loaded(deps, agency)).dataset;
    const idx = indexDataset(ds);
    return {
      plans: ds.plans.map((plan) => ({
        id: plan.id,
        level: plan.level,
        title: plan.title,
        startYear: plan.startYear,
        endYear: plan.endYear,
        legalBasis: plan.legalBasis ?? null,
        roots: plan.goals.filter((g) => g.parent === undefined).map((g) => g.id),
        goals: plan.goals.map((g) => ({
          record: g,
          version: versionOf(g),
          children: plan.goals.filter((c) => c.parent === g.id).map((c) => c.id),
          indicators: (plan.indicators ?? []).filter((i) => i.goal === g.id).map((i) => i.id),
          cascade: (g.supports ?? []).map((ref) => {
            const entry = idx.goals.get(ref);
            const owner = entry?.owner.kind === 'plan' ? entry.owner.plan : undefined;
            return {
              ref,
              found: entry !== undefined,
              plan: owner ? { id: owner.id, level: owner.level, title: owner.title } : null,
              goal: entry?.goal ?? null,
            };
          }),
        })),
        indicators: (plan.indicators ?? []).map((i) => ({ record: i, version: versionOf(i) })),
      })),
    };
  },
});

const PlanParams = AgencyParams.extend({ plan: z.string().min(1) });
const GoalParams = PlanParams.extend({ goal: z.string().min(1) });
const IndicatorParams = PlanParams.extend({ indicator: z.string().min(1) });
const VersionedGoal = named(versioned(S.Goal), 'VersionedGoal');
const VersionedIndicator = named(versioned(S.Indicator), 'VersionedIndicator');

export const createGoal = defineRoute({
  id: 'plans.createGoal',
  method: 'post',
  path: '/api/agencies/:agency/plans/:plan/goals',
  tag: 'plans',
  summary: 'Add a goal (misi, tujuan, sasaran) to a plan',
  auth: 'user',
  status: 201,
  params: PlanParams,
  body: named(z.object({ goal: S.Goal }), 'NewGoal'),
  response: VersionedGoal,
  async handler({ deps, user, agency, params, body }) {
    mayEdit(user, agency);
    const r = await editAgency(deps, user, agency, { action: 'create', apply: ({ dataset }) => addGoal(dataset, params.plan, body.goal) });
    return { record: r.record!, version: r.version! };
  },
});

export const updateGoal = defineRoute({
  id: 'plans.updateGoal',
  method: 'put',
  path: '/api/agencies/:agency/plans/:plan/goals/:goal',
  tag: 'plans',
  summary: 'Replace a goal (its statement, kind, parent, cascade `supports` …); the id stays',
  auth: 'user',
  params: GoalParams,
  body: named(z.object({ version: Version, goal: S.Goal }), 'GoalChange'),
  response: VersionedGoal,
  async handler({ deps, user, agency, params, body }) {
    mayEdit(user, agency);
    const r = await editAgency(deps, user, agency, {
      action: 'update',
      version: body.version,
      apply: ({ dataset }) => replaceGoal(dataset, params.plan, params.goal, body.goal),
    });
    return { record: r.record!, version: r.version! };
  },
});

export const deleteGoal = defineRoute({
  id: 'plans.deleteGoal',
  method: 'delete',
  path: '/api/agencies/:agency/plans/:plan/goals/:goal',
  tag: 'plans',
  summary: 'Remove a goal (refused with findings while anything still refers to it)',
  auth: 'user',
  params: GoalParams,
  query: VersionQuery,
  response: Ok,
  async handler({ deps, user, agency, params, query }) {
    mayEdit(user, agency);
    await editAgency(deps, user, agency, { action: 'delete', version: query.version, apply: ({ dataset }) => removeGoal(dataset, params.plan, params.goal) });
    return { ok: true as const };
  },
});

export const createIndicator = defineRoute({
  id: 'plans.createIndicator',
  method: 'post',
  path: '/api/agencies/:agency/plans/:plan/indicators',
  tag: 'plans',
  summary: 'Add an indicator to a plan',
  auth: 'user',
  status: 201,
  params: PlanParams,
  body: named(z.object({ indicator: S.Indicator }), 'NewIndicator'),
  response: VersionedIndicator,
  async handler({ deps, user, agency, params, body }) {
    mayEdit(user, agency);
    const r = await editAgency(deps, user, agency, { action: 'create', apply: ({ dataset }) => addIndicator(dataset, params.plan, body.indicator) });
    return { record: r.record!, version: r.version! };
  },
});

export const updateIndicator = defineRoute({
  id: 'plans.updateIndicator',
  method: 'put',
  path: '/api/agencies/:agency/plans/:plan/indicators/:indicator',
  tag: 'plans',
  summary: 'Replace an indicator with all its fields (measure, polarity, targets, responsible units …); the id stays',
  auth: 'user',
  params: IndicatorParams,
  body: named(z.object({ version: Version, indicator: S.Indicator }), 'IndicatorChange'),
  response: VersionedIndicator,
  async handler({ deps, user, agency, params, body }) {
    mayEdit(user, agency);
    const r = await editAgency(deps, user, agency, {
      action: 'update',
      version: body.version,
      apply: ({ dataset }) => replaceIndicator(dataset, params.plan, params.indicator, body.indicator),
    });
    return { record: r.record!, version: r.version! };
  },
});

export const deleteIndicator = defineRoute({
  id: 'plans.deleteIndicator',
  method: 'delete',
  path: '/api/agencies/:agency/plans/:plan/indicators/:indicator',
  tag: 'plans',
  summary: 'Remove an indicator (refused with findings while agreements, realizations or supports refer to it)',
  auth: 'user',
  params: IndicatorParams,
  query: VersionQuery,
  response: Ok,
  async handler({ deps, user, agency, params, query }) {
    mayEdit(user, agency);
    await editAgency(deps, user, agency, {
      action: 'delete',
      version: query.version,
      apply: ({ dataset }) => removeIndicator(dataset, params.plan, params.indicator),
    });
    return { ok: true as const };
  },
});
