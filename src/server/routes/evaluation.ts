/** Evaluation: SAKIP scores by year, and recommendations with their follow-up (overdue flagged). */
import { z } from 'zod';
import * as S from '../../core/dataset/schema.js';
import { addRecommendation, FOLLOW_UP_FIELDS, isOverdue, putScore, removeRecommendation, scoreKey, updateRecommendation } from '../../core/edit/evaluation.js';
import { defined } from '../../core/edit/common.js';
import { allow, editAgency } from '../commands/respond.js';
import { scoreGrade } from '../commands/dashboard.js';
import type { AgencyRef } from '../commands/store.js';
import * as evaluationPolicy from '../policies/evaluation.js';
import type { User } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { text as t } from '../errors.js';
import type { Text } from '../../core/findings.js';
import { EvaluationView, RecommendationView, ScoreView } from '../responses.js';
import { AgencyParams, named, Ok, Version, VersionQuery } from '../schemas.js';
import { versionOf } from '../versions.js';
import { loaded, todayOf } from './agencies.js';

const may = (user: User, agency: AgencyRef, action: evaluationPolicy.EvaluationAction, message: Text) =>
  allow(evaluationPolicy.can(user, action, { agencyId: agency.id, region: agency.region }), message);

export const get = defineRoute({
  id: 'evaluation.get',
  method: 'get',
  path: '/api/agencies/:agency/evaluation',
  tag: 'evaluation',
  summary: 'SAKIP scores by year and recommendations with their follow-up, overdue ones flagged',
  auth: 'user',
  params: AgencyParams,
  response: EvaluationView,
  async handler({ deps, agency }) {
    const l = await loaded(deps, agency);
    const ds = l.dataset;
    const today = todayOf(deps);
    return {
      today,
      scores: (ds.evaluation?.scores ?? []).map((s) => ({ record: s, version: versionOf(s), key: scoreKey(s), grade: scoreGrade(s, ds, l.regionSettings) })),
      recommendations: (ds.evaluation?.recommendations ?? []).map((r) => ({ record: r, version: versionOf(r), overdue: isOverdue(r, today) })),
    };
  },
});

export const score = defineRoute({
  id: 'evaluation.score',
  method: 'put',
  path: '/api/agencies/:agency/evaluation/scores',
  tag: 'evaluation',
  summary: "Enter or replace the SAKIP score of a year (and period): the Inspektorat's",
  auth: 'user',
  params: AgencyParams,
  body: named(z.object({ version: Version.nullable().optional().describe('the version read; omit for a new score'), score: S.EvaluationScore }), 'ScoreEntry'),
  response: ScoreView,
  async handler({ deps, user, agency, body }) {
    may(user, agency, 'score', t("SAKIP scores are entered by the region's evaluator (Inspektorat)", 'nilai SAKIP diisi oleh evaluator daerah (Inspektorat)'));
    const r = await editAgency(deps, user, agency, { action: 'score', version: body.version ?? null, apply: ({ dataset }) => putScore(dataset, body.score) });
    return { record: r.record!, version: r.version!, key: r.key, grade: scoreGrade(r.record!, r.dataset, r.regionSettings) };
  },
});

export const recommend = defineRoute({
  id: 'evaluation.recommend',
  method: 'post',
  path: '/api/agencies/:agency/evaluation/recommendations',
  tag: 'evaluation',
  summary: "Add a recommendation (the Inspektorat's), with its due date and owner",
  auth: 'user',
  status: 201,
  params: AgencyParams,
  body: named(z.object({ recommendation: S.Recommendation }), 'NewRecommendation'),
  response: RecommendationView,
  async handler({ deps, user, agency, body }) {
    may(user, agency, 'recommend', t("recommendations are written by the region's evaluator (Inspektorat)", 'rekomendasi ditulis oleh evaluator daerah (Inspektorat)'));
    const r = await editAgency(deps, user, agency, { action: 'create', apply: ({ dataset }) => addRecommendation(dataset, body.recommendation) });
    return { record: r.record!, version: r.version!, overdue: isOverdue(r.record!, todayOf(deps)) };
  },
});

const RecParams = AgencyParams.extend({ recommendation: z.string().min(1) });

export const updateRec = defineRoute({
  id: 'evaluation.updateRecommendation',
  method: 'patch',
  path: '/api/agencies/:agency/evaluation/recommendations/:recommendation',
  tag: 'evaluation',
  summary: "Change a recommendation: the evaluator any field; the agency's planner and head its follow-up (action, status, evidence, note)",
  auth: 'user',
  params: RecParams,
  body: named(
    z.object({
      version: Version,
      no: z.union([z.number(), z.string()]).optional(),
      year: S.Year.optional(),
      text: z.string().min(1).optional(),
      action: z.string().optional(),
      owner: z.string().optional(),
      status: z.enum(['open', 'in-progress', 'done']).optional(),
      due: S.IsoDate.optional(),
      evidence: z.union([z.string(), z.array(z.string())]).optional(),
      source: z.string().optional(),
      note: z.string().optional(),
    }),
    'RecommendationChanges',
  ),
  response: RecommendationView,
  async handler({ deps, user, agency, params, body }) {
    const { version, ...changes } = body;
    const changed = Object.keys(defined(changes));
    const followUpOnly = changed.every((k) => (FOLLOW_UP_FIELDS as readonly string[]).includes(k));
    if (followUpOnly) {
      may(
        user,
        agency,
        'follow-up',
        t("the follow-up is written by the agency's planner or head (or the evaluator)", 'tindak lanjut ditulis oleh perencana atau kepala perangkat daerah (atau evaluator)'),
      );
    } else {
      const fields = changed.filter((k) => !(FOLLOW_UP_FIELDS as readonly string[]).includes(k)).join(', ');
      may(user, agency, 'recommend', t(`only the evaluator changes ${fields}`, `hanya evaluator yang dapat mengubah ${fields}`));
    }
    const r = await editAgency(deps, user, agency, {
      action: followUpOnly ? 'follow-up' : 'update',
      version,
      apply: ({ dataset }) => updateRecommendation(dataset, params.recommendation, defined(changes)),
    });
    return { record: r.record!, version: r.version!, overdue: isOverdue(r.record!, todayOf(deps)) };
  },
});

export const deleteRec = defineRoute({
  id: 'evaluation.deleteRecommendation',
  method: 'delete',
  path: '/api/agencies/:agency/evaluation/recommendations/:recommendation',
  tag: 'evaluation',
  summary: 'Remove a recommendation (the evaluator)',
  auth: 'user',
  params: RecParams,
  query: VersionQuery,
  response: Ok,
  async handler({ deps, user, agency, params, query }) {
    may(user, agency, 'recommend', t("recommendations are removed by the region's evaluator", 'rekomendasi dihapus oleh evaluator daerah'));
    await editAgency(deps, user, agency, { action: 'delete', version: query.version, apply: ({ dataset }) => removeRecommendation(dataset, params.recommendation) });
    return { ok: true as const };
  },
});
