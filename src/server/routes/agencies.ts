/** Agencies: the list a user may see, an agency's profile, dashboards, measurements, export. */
import { z } from 'zod';
import * as S from '../../core/dataset/schema.js';
import { agencyDashboard, regionDashboard } from '../commands/dashboard.js';
import { listAgencies } from '../commands/store.js';
import { forbidden, notFound, text as t } from '../errors.js';
import { memoJson } from '../json.js';
import { MeasureResultSchema } from '../measure-schema.js';
import * as agencyPolicy from '../policies/agency.js';
import * as regionPolicy from '../policies/region.js';
import { isRegionRole } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { AgencyDashboard, AgencyList, AgencyProfile, RegionDashboard } from '../responses.js';
import { AgencyParams, YearQuery } from '../schemas.js';
import type { ServerDeps } from '../deps.js';

export const todayOf = (deps: ServerDeps): string => deps.now().toISOString().slice(0, 10);

const noAgency = (id: string) => notFound(t(`no agency "${id}"`, `tidak ada perangkat daerah "${id}"`), 'params.agency');

/**
 * The agency's dataset as stored (404 when it was removed meanwhile). `agency.rev`, the
 * revision the request read when it found the agency, spares a query when the cache holds
 * it; handlers read before they write, so that revision is the latest the request knows of.
 */
export async function loaded(deps: ServerDeps, agency: { id: string; rev?: string }) {
  const l = await deps.cache.load(agency.id, agency.rev);
  if (!l) throw noAgency(agency.id);
  return l;
}

/** The agency's measurement of a year, its register-based indicators counted from its registers as of today. */
export async function measured(deps: ServerDeps, agency: { id: string; rev?: string }, year: number) {
  const m = await deps.cache.measure(agency.id, year, agency.rev, todayOf(deps));
  if (!m) throw noAgency(agency.id);
  return m;
}

export const list = defineRoute({
  id: 'agencies.list',
  method: 'get',
  path: '/api/agencies',
  tag: 'agencies',
  summary: 'The agencies the user may see: their own, or every agency of the region (admin, evaluator)',
  auth: 'user',
  response: AgencyList,
  async handler({ deps, user }) {
    const all = await listAgencies(deps.pool, isRegionRole(user) ? (user.region ?? '') : undefined);
    return { agencies: all.filter((a) => agencyPolicy.can(user, 'read', { agencyId: a.id, region: a.region })) };
  },
});

export const get = defineRoute({
  id: 'agencies.get',
  method: 'get',
  path: '/api/agencies/:agency',
  tag: 'agencies',
  summary: "An agency's profile, units, plans' periods and the years it has data for",
  auth: 'user',
  params: AgencyParams,
  response: AgencyProfile,
  async handler({ deps, agency }) {
    const ds = (await loaded(deps, agency)).dataset;
    const years = new Set<number>([...ds.agreements.map((a) => a.year), ...ds.realizations.map((r) => r.year)]);
    return {
      id: agency.id,
      region: agency.region,
      agency: ds.agency,
      units: ds.organization?.units ?? [],
      plans: ds.plans.map((p) => ({ id: p.id, level: p.level, title: p.title, period: { from: p.startYear, to: p.endYear } })),
      agreements: ds.agreements.map((a) => ({ id: a.id, year: a.year, kind: a.kind, amends: a.amends ?? null })),
      years: [...years].sort((x, y) => x - y),
    };
  },
});

export const measurements = defineRoute({
  id: 'agencies.measurements',
  method: 'get',
  path: '/api/agencies/:agency/measurements',
  tag: 'agencies',
  summary: 'The measurement of a year: the same JSON as `kinerja measure --json` (with the region’s settings applied)',
  auth: 'user',
  params: AgencyParams,
  query: YearQuery,
  response: MeasureResultSchema,
  async handler({ deps, agency, query }) {
    // serialized once per revision and year (the result is a function of the dataset, the region's settings and the year)
    const { agency: loaded, result, variant } = await measured(deps, agency, query.year);
    return memoJson(loaded.memo, `measurements:${query.year}`, variant, () => result);
  },
});

export const dashboard = defineRoute({
  id: 'agencies.dashboard',
  method: 'get',
  path: '/api/agencies/:agency/dashboard',
  tag: 'agencies',
  summary: "An agency's year at a glance: the measurement (budget absorption per row), counts, programs' absorption, SAKIP score",
  description:
    'Counts and `standing` are of the agreement in force (`current`: the last agreement of the year, an amendment after what it amends); `standing` is the mean achievement of its measured rows and its predicate.',
  auth: 'user',
  params: AgencyParams,
  query: YearQuery,
  response: AgencyDashboard,
  async handler({ deps, agency, query }) {
    const { agency: loaded, result, registerFigures, variant } = await measured(deps, agency, query.year);
    // serialized once per revision, year, day (overdue recommendations depend on today) and register figures
    const today = todayOf(deps);
    return memoJson(loaded.memo, `dashboard:${query.year}`, `${today}\u0000${variant}`, () =>
      agencyDashboard(loaded.dataset, result, { id: agency.id, region: agency.region, regionSettings: loaded.regionSettings, today, registerFigures }),
    );
  },
});

export const regionDashboardRoute = defineRoute({
  id: 'regions.dashboard',
  method: 'get',
  path: '/api/regions/:region/dashboard',
  tag: 'agencies',
  summary: "A region's year: every agency side by side (standing, counts, budget, SAKIP score, overdue recommendations) and the region's totals",
  auth: 'user',
  params: z.object({ region: z.string().min(1).describe('the region, e.g. Kabupaten Jember') }),
  query: YearQuery,
  response: RegionDashboard,
  async handler({ deps, user, params, query }) {
    if (!regionPolicy.can(user, 'read', { region: params.region })) {
      if (isRegionRole(user)) {
        throw notFound(t(`no region "${params.region}" (or none you may see)`, `tidak ada daerah "${params.region}" (atau yang boleh Anda lihat)`), 'params.region');
      }
      throw forbidden(t("the region's dashboard is for its admin and evaluator", 'dasbor daerah diperuntukkan bagi admin dan evaluator daerah'));
    }
    const today = todayOf(deps);
    const measured = await deps.cache.measureRegion(params.region, query.year, today);
    if (measured.length === 0) {
      throw notFound(t(`no agency in region "${params.region}"`, `tidak ada perangkat daerah di daerah "${params.region}"`), 'params.region');
    }
    // serialized once per year, day, revisions of the region's agencies (each names its region's row version too) and their register figures
    const made = `${today} ${measured.map((m) => `${m.id}@${m.rev}\u0000${m.variant}`).join(' ')}`;
    return memoJson(deps.cache.regionMemo, `${params.region}\u0000${query.year}`, made, () =>
      regionDashboard(
        params.region,
        query.year,
        measured.map((m) => ({ id: m.id, dataset: m.agency.dataset, measurement: m.result })),
        { regionSettings: measured[0]!.agency.regionSettings, today },
      ),
    );
  },
});

export const exportDataset = defineRoute({
  id: 'agencies.export',
  method: 'get',
  path: '/api/agencies/:agency/export',
  tag: 'agencies',
  summary: "The agency's dataset (kinerja-dataset/1), as stored: import it again to restore",
  auth: 'user',
  params: AgencyParams,
  response: S.Dataset,
  async handler({ deps, user, agency, c }) {
    if (!agencyPolicy.can(user, 'export', { agencyId: agency.id, region: agency.region })) throw forbidden(t('you may not export this agency', 'Anda tidak berwenang mengekspor data perangkat daerah ini'));
    const { dataset } = await loaded(deps, agency);
    c.header('content-disposition', `attachment; filename="${agency.id}.kinerja.json"`);
    return dataset;
  },
});

