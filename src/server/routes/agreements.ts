/**
 * Performance agreements: a year's PK drafted from the plan (targets prefilled from the
 * plan's yearly targets), amendments (PK Perubahan) that keep the original, edits of rows,
 * parties and budget, removal of one drafted by mistake. Every row is shown with the plan's
 * target beside the agreed one.
 */
import { z } from 'zod';
import * as S from '../../core/dataset/schema.js';
import { agreementFromPlan, amendAgreement, removeAgreement, targetDifferences, updateAgreement } from '../../core/edit/agreements.js';
import { defined } from '../../core/edit/common.js';
import type { Agreement, Dataset } from '../../core/dataset/schema.js';
import { allow, editAgency } from '../commands/respond.js';
import type { AgencyRef } from '../commands/store.js';
import * as agreementPolicy from '../policies/agreement.js';
import type { User } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { text as t } from '../errors.js';
import { loaded } from './agencies.js';
import { AgreementList, AgreementView } from '../responses.js';
import { AgencyParams, named, Ok, Version, VersionQuery } from '../schemas.js';
import { versionOf } from '../versions.js';

const mayEdit = (user: User, agency: AgencyRef, action: agreementPolicy.AgreementAction) =>
  allow(
    agreementPolicy.can(user, action, { agencyId: agency.id, region: agency.region }),
    t("agreements are drafted and changed by the agency's planner", 'perjanjian kinerja disusun dan diubah oleh perencana perangkat daerah'),
  );

const view = (ds: Dataset, a: Agreement) => ({ record: a, version: versionOf(a), differences: targetDifferences(ds, a) });

export const list = defineRoute({
  id: 'agreements.list',
  method: 'get',
  path: '/api/agencies/:agency/agreements',
  tag: 'agreements',
  summary: 'The agreements (of a year, or all), each row beside the plan target for its year',
  auth: 'user',
  params: AgencyParams,
  query: z.object({ year: z.coerce.number().int().min(1900).max(2200).optional() }),
  response: AgreementList,
  async handler({ deps, agency, query }) {
    const ds = (await loaded(deps, agency)).dataset;
    return { agreements: ds.agreements.filter((a) => query.year === undefined || a.year === query.year).map((a) => view(ds, a)) };
  },
});

export const fromPlan = defineRoute({
  id: 'agreements.fromPlan',
  method: 'post',
  path: '/api/agencies/:agency/agreements',
  tag: 'agreements',
  summary: "Draft a year's agreement (PK) from a plan: one row per plan indicator with a target for the year, that target prefilled",
  auth: 'user',
  status: 201,
  params: AgencyParams,
  body: named(
    z.object({
      plan: z.string().min(1),
      year: S.Year,
      id: S.Id.optional().describe('default pk-<year>'),
      signedOn: S.IsoDate,
      place: z.string().min(1).optional(),
      firstParty: S.Person.optional().describe('default: the agency head'),
      secondParty: S.Person.optional().describe('default: the second party of the latest agreement'),
      indicators: z.array(z.string()).optional().describe('plan indicator ids to include (default: all with a goal and a target for the year)'),
      budget: z.array(S.AgreementBudget).optional(),
    }),
    'AgreementFromPlan',
  ),
  response: AgreementView,
  async handler({ deps, user, agency, body }) {
    mayEdit(user, agency, 'create');
    const input = defined(body);
    const r = await editAgency(deps, user, agency, { action: 'create', apply: ({ dataset }) => agreementFromPlan(dataset, input) });
    return view(r.dataset, r.record!);
  },
});

const AgreementParams = AgencyParams.extend({ agreement: z.string().min(1) });

export const amend = defineRoute({
  id: 'agreements.amend',
  method: 'post',
  path: '/api/agencies/:agency/agreements/:agreement/amend',
  tag: 'agreements',
  summary: 'Amend an agreement (PK Perubahan): a new agreement copying its rows, parties and budget; the original stays as it was',
  auth: 'user',
  status: 201,
  params: AgreementParams,
  body: named(
    z.object({
      id: S.Id.optional().describe('default <agreement>-perubahan'),
      signedOn: S.IsoDate,
      place: z.string().min(1).optional(),
    }),
    'AgreementAmend',
  ),
  response: AgreementView,
  async handler({ deps, user, agency, params, body }) {
    mayEdit(user, agency, 'amend');
    const input = { signedOn: body.signedOn, ...(body.id !== undefined ? { id: body.id } : {}), ...(body.place !== undefined ? { place: body.place } : {}) };
    const r = await editAgency(deps, user, agency, { action: 'amend', apply: ({ dataset }) => amendAgreement(dataset, params.agreement, input) });
    return view(r.dataset, r.record!);
  },
});

export const update = defineRoute({
  id: 'agreements.update',
  method: 'patch',
  path: '/api/agencies/:agency/agreements/:agreement',
  tag: 'agreements',
  summary: "Change an agreement: its rows (goals, indicators, agreed targets), parties, signing, budget",
  auth: 'user',
  params: AgreementParams,
  body: named(
    z.object({
      version: Version,
      signedOn: S.IsoDate.optional(),
      place: z.string().min(1).optional(),
      firstParty: S.Person.optional(),
      secondParty: S.Person.optional(),
      rows: z.array(S.AgreementRow).optional(),
      budget: z.array(S.AgreementBudget).optional(),
      note: z.string().optional(),
    }),
    'AgreementChanges',
  ),
  response: AgreementView,
  async handler({ deps, user, agency, params, body }) {
    mayEdit(user, agency, 'update');
    const { version, ...changes } = body;
    const r = await editAgency(deps, user, agency, {
      action: 'update',
      version,
      apply: ({ dataset }) => updateAgreement(dataset, params.agreement, changes),
    });
    return view(r.dataset, r.record!);
  },
});

export const remove = defineRoute({
  id: 'agreements.remove',
  method: 'delete',
  path: '/api/agencies/:agency/agreements/:agreement',
  tag: 'agreements',
  summary: 'Remove an agreement drafted by mistake (refused while an amendment amends it, or while anything else still refers to it)',
  auth: 'user',
  params: AgreementParams,
  query: VersionQuery,
  response: Ok,
  async handler({ deps, user, agency, params, query }) {
    mayEdit(user, agency, 'delete');
    await editAgency(deps, user, agency, { action: 'delete', version: query.version, apply: ({ dataset }) => removeAgreement(dataset, params.agreement) });
    return { ok: true as const };
  },
});
