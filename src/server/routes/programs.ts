/** Program structure: budgets by stage, spending by period, supports; each node with its figures for a year. */
import { z } from 'zod';
import * as S from '../../core/dataset/schema.js';
import { setBudgets, setSpending, setSupports } from '../../core/edit/programs.js';
import { absorptionOf, finalBudget, indexBudgets, spent as spentOf, stageBudget } from '../../core/measure/budget.js';
import { allow, editAgency } from '../commands/respond.js';
import type { AgencyRef } from '../commands/store.js';
import * as programPolicy from '../policies/program.js';
import type { User } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { text as t } from '../errors.js';
import { loaded } from './agencies.js';
import { ProgramList } from '../responses.js';
import { AgencyParams, named, Version, YearQuery } from '../schemas.js';
import { versionOf } from '../versions.js';

const mayEdit = (user: User, agency: AgencyRef, action: programPolicy.ProgramAction) =>
  allow(
    programPolicy.can(user, action, { agencyId: agency.id, region: agency.region }),
    action === 'spending'
      ? t("spending is entered by the agency's planner and operators", 'realisasi anggaran diisi oleh perencana dan operator perangkat daerah')
      : t(`program ${action} are the agency's planner's`, `${action === 'budget' ? 'anggaran' : 'dukungan (supports)'} program diisi oleh perencana perangkat daerah`),
  );

export const list = defineRoute({
  id: 'programs.list',
  method: 'get',
  path: '/api/agencies/:agency/programs',
  tag: 'programs',
  summary: 'Program → kegiatan → sub-kegiatan, each node with its budget stages, final budget, spending by period and absorption for a year',
  auth: 'user',
  params: AgencyParams,
  query: YearQuery,
  response: ProgramList,
  async handler({ deps, agency, query }) {
    const ds = (await loaded(deps, agency)).dataset;
    const b = indexBudgets(ds);
    const y = query.year;
    return {
      year: y,
      nodes: ds.programs.map((node) => {
        const final = finalBudget(b, node.id, y);
        const spent = spentOf(b, node.id, y);
        return {
          record: node,
          version: versionOf(node),
          children: ds.programs.filter((c) => c.parent === node.id).map((c) => c.id),
          figures: {
            year: y,
            stages: { initial: stageBudget(b, node.id, y, 'initial'), shift: stageBudget(b, node.id, y, 'shift'), revised: stageBudget(b, node.id, y, 'revised') },
            final,
            spent,
            absorption: absorptionOf(final, spent),
            spendingByPeriod: (node.spending ?? [])
              .filter((s) => s.year === y)
              .map((s) => ({ period: s.period ?? 'Y', amount: s.amount, physical: s.physical ?? null })),
          },
        };
      }),
    };
  },
});

const NodeParams = AgencyParams.extend({ node: z.string().min(1) });
const VersionedNode = named(z.object({ record: S.ProgramNode, version: Version }), 'VersionedProgramNode');

export const budgets = defineRoute({
  id: 'programs.budgets',
  method: 'put',
  path: '/api/agencies/:agency/programs/:node/budgets',
  tag: 'programs',
  summary: "Set a node's budget entries of a year (anggaran awal, pergeseran, perubahan), replacing that year's",
  auth: 'user',
  params: NodeParams,
  body: named(z.object({ version: Version, year: S.Year, entries: z.array(S.BudgetEntry.omit({ year: true })) }), 'BudgetChange'),
  response: VersionedNode,
  async handler({ deps, user, agency, params, body }) {
    mayEdit(user, agency, 'budget');
    const r = await editAgency(deps, user, agency, {
      action: 'budget',
      version: body.version,
      apply: ({ dataset }) => setBudgets(dataset, params.node, body.year, body.entries),
    });
    return { record: r.record!, version: r.version! };
  },
});

export const spending = defineRoute({
  id: 'programs.spending',
  method: 'put',
  path: '/api/agencies/:agency/programs/:node/spending',
  tag: 'programs',
  summary: "Set a node's spending of a year by quarter, semester or year (cumulative unless stated), replacing that year's",
  auth: 'user',
  params: NodeParams,
  body: named(z.object({ version: Version, year: S.Year, entries: z.array(S.SpendingEntry.omit({ year: true })) }), 'SpendingChange'),
  response: VersionedNode,
  async handler({ deps, user, agency, params, body }) {
    mayEdit(user, agency, 'spending');
    const r = await editAgency(deps, user, agency, {
      action: 'spending',
      version: body.version,
      apply: ({ dataset }) => setSpending(dataset, params.node, body.year, body.entries),
    });
    return { record: r.record!, version: r.version! };
  },
});

export const supports = defineRoute({
  id: 'programs.supports',
  method: 'put',
  path: '/api/agencies/:agency/programs/:node/supports',
  tag: 'programs',
  summary: "Set the indicators a node's money serves (with a share, or stated amounts for a year)",
  auth: 'user',
  params: NodeParams,
  body: named(z.object({ version: Version, supports: z.array(S.Support) }), 'SupportsChange'),
  response: VersionedNode,
  async handler({ deps, user, agency, params, body }) {
    mayEdit(user, agency, 'supports');
    const r = await editAgency(deps, user, agency, {
      action: 'supports',
      version: body.version,
      apply: ({ dataset }) => setSupports(dataset, params.node, body.supports),
    });
    return { record: r.record!, version: r.version! };
  },
});
