/** The narrative: the report's prose, written by the planner. */
import { z } from 'zod';
import * as S from '../../core/dataset/schema.js';
import { setNarrative } from '../../core/edit/narrative.js';
import { allow, editAgency } from '../commands/respond.js';
import * as narrativePolicy from '../policies/narrative.js';
import { defineRoute } from '../route.js';
import { text as t } from '../errors.js';
import { loaded } from './agencies.js';
import { NarrativeView } from '../responses.js';
import { AgencyParams, named, Version } from '../schemas.js';
import { versionOf } from '../versions.js';

export const get = defineRoute({
  id: 'narrative.get',
  method: 'get',
  path: '/api/agencies/:agency/narrative',
  tag: 'narrative',
  summary: "The agency's narrative (foreword, summary, analyses, …) with its version",
  auth: 'user',
  params: AgencyParams,
  response: NarrativeView,
  async handler({ deps, agency }) {
    const n = (await loaded(deps, agency)).dataset.narrative ?? null;
    return { record: n, version: n === null ? null : versionOf(n) };
  },
});

export const put = defineRoute({
  id: 'narrative.put',
  method: 'put',
  path: '/api/agencies/:agency/narrative',
  tag: 'narrative',
  summary: 'Replace the narrative',
  auth: 'user',
  params: AgencyParams,
  body: named(z.object({ version: Version.nullable().optional().describe('the version read; omit while there is none'), narrative: S.Narrative }), 'NarrativeChange'),
  response: NarrativeView,
  async handler({ deps, user, agency, body }) {
    allow(
      narrativePolicy.can(user, 'update', { agencyId: agency.id, region: agency.region }),
      t("the narrative is written by the agency's planner", 'narasi ditulis oleh perencana perangkat daerah'),
    );
    const r = await editAgency(deps, user, agency, { action: 'update', version: body.version ?? null, apply: ({ dataset }) => setNarrative(dataset, body.narrative) });
    return { record: r.record, version: r.version };
  },
});
