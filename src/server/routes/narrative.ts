/**
 * The narrative: the report's prose, written by the planner — per report year (`?year=`), or,
 * while the agency keeps one narrative for every year, as that one record (docs/decisions.md,
 * "Narrative per year").
 */
import { z } from 'zod';
import { narrativeFor, narrativesOf } from '../../core/dataset/model.js';
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

const NarrativeQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .describe('the report year (e.g. 2026); required to write once the agency keeps a narrative per year'),
});

/** The years with a narrative of their own, in order. */
const yearsOf = (ds: Pick<S.Dataset, 'narrative'>): number[] =>
  narrativesOf(ds)
    .flatMap((n) => (n.year === undefined ? [] : [n.year]))
    .sort((a, b) => a - b);

/** Without a year: the stored narrative when it is one record; of a list, the undated one (the years without their own read it). */
function readNarrative(ds: Pick<S.Dataset, 'narrative'>, year: number | undefined): S.Narrative | null {
  if (year !== undefined) return narrativeFor(ds, year) ?? null;
  const n = ds.narrative;
  if (n === undefined) return null;
  return Array.isArray(n) ? (n.find((x) => x.year === undefined) ?? null) : n;
}

export const get = defineRoute({
  id: 'narrative.get',
  method: 'get',
  path: '/api/agencies/:agency/narrative',
  tag: 'narrative',
  summary: "The agency's narrative (foreword, summary, analyses, …) of a report year, with its version",
  auth: 'user',
  params: AgencyParams,
  query: NarrativeQuery,
  response: NarrativeView,
  async handler({ deps, agency, query }) {
    const ds = (await loaded(deps, agency)).dataset;
    const n = readNarrative(ds, query.year);
    return { record: n, version: n === null ? null : versionOf(n), years: yearsOf(ds) };
  },
});

export const put = defineRoute({
  id: 'narrative.put',
  method: 'put',
  path: '/api/agencies/:agency/narrative',
  tag: 'narrative',
  summary: 'Replace the narrative of a report year (`?year=`), or the one narrative kept for every year',
  auth: 'user',
  params: AgencyParams,
  query: NarrativeQuery,
  body: named(
    z.object({ version: Version.nullable().optional().describe('the version read (of the year, when a year is given); omit while there is none'), narrative: S.Narrative }),
    'NarrativeChange',
  ),
  response: NarrativeView,
  async handler({ deps, user, agency, body, query }) {
    allow(
      narrativePolicy.can(user, 'update', { agencyId: agency.id, region: agency.region }),
      t("the narrative is written by the agency's planner", 'narasi ditulis oleh perencana perangkat daerah'),
    );
    const r = await editAgency(deps, user, agency, {
      action: 'update',
      version: body.version ?? null,
      apply: ({ dataset }) => setNarrative(dataset, body.narrative, query.year),
    });
    return { record: r.record, version: r.version, years: yearsOf(r.dataset) };
  },
});
