/**
 * Checks over a whole (schema-valid) dataset that a schema cannot express: ids unique and
 * not reserved, references that resolve, nesting and cycles, and consistency warnings that
 * are computed, never stored (dataset-format.md). IO-free.
 */
import { RESERVED_IDS, type Agreement, type Dataset, type Goal, type Indicator, type Measure, type Narrative, type Plan } from './schema.js';
import { indexDataset, narrativeTexts, ref, resolveAgreementLocal, splitRef, type DatasetIndex, type IndicatorEntry } from './model.js';
import { literalTableNumber, tableRefsIn } from '../document/crossref.js';
import { valueRefProblem, valueRefsIn } from '../document/values.js';
import { DEFAULT_RATING_SCALE } from '../measure/rules.js';
import { figuresInText, narrativeYear } from '../review/narrative.js';
import { finding, text, type Finding, type Text } from '../findings.js';
import { joinPath } from './schema-issues.js';
import { decimalsOf as printedDecimals, roundHalfUp } from '../format.js';
import { rangeFindings } from './ranges.js';

export interface CheckContext {
  /** Path prefix of every finding: '' for a dataset, `agencies[3]` inside a region. */
  prefix: string;
  /** Original array positions of elements when some elements were left out (salvaged document). */
  position?: WeakMap<object, number>;
  /**
   * Ids (`p1`) and references (`renstra-2021-2026/UMM`) of elements left out because they failed
   * the schema: references to them are not reported a second time.
   */
  broken?: Set<string>;
  /** Top-level sections left out because they failed the schema (`organization`, `narrative`, …). */
  brokenSections?: Set<string>;
}

/** Years a target may be keyed by at all (the same bounds as a Year in schema.ts). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

const RESERVED = new Set<string>(RESERVED_IDS);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const q = (s: string): string => JSON.stringify(s);

// Indonesian words of the things a finding names (glossary.md); ids stay as they are.
const NODE_ID = { program: 'program', kegiatan: 'kegiatan', subkegiatan: 'sub kegiatan' } as const;
const GOAL_ID = { misi: 'misi', tujuan: 'tujuan', sasaran: 'sasaran' } as const;
/** a goal of any kind */
const GOAL = 'tujuan/sasaran';
/** a program node of any level */
const NODE = 'program/kegiatan/sub kegiatan';

/** "Renstra renstra-2021-2026", "RPJMD rpjmd-2021-2026", or "rencana x" for a plan not in the document. */
function planWordId(idx: DatasetIndex, id: string): string {
  const plan = idx.plans.get(id);
  return plan ? `${plan.level === 'rpjmd' ? 'RPJMD' : 'Renstra'} ${id}` : `rencana ${id}`;
}

function nodeWordId(idx: DatasetIndex, id: string): string {
  const node = idx.nodes.get(id);
  return node ? `${NODE_ID[node.level]} ${id}` : `${NODE} ${id}`;
}

function ownerWord(idx: DatasetIndex, id: string): Text {
  if (idx.plans.has(id)) return text(`plan ${id}`, planWordId(idx, id));
  if (idx.agreements.has(id)) return text(`agreement ${id}`, `perjanjian kinerja ${id}`);
  if (idx.nodes.has(id)) return text(`program node ${id}`, nodeWordId(idx, id));
  return text(id, id);
}

/** "A, B maupun C" */
function joinNeither(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} maupun ${items[items.length - 1]}`;
}

function measureOf(entry: IndicatorEntry | undefined): Measure | undefined {
  return entry?.indicator.measure;
}

export function checkDataset(ds: Dataset, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const P = (path: string): string => joinPath(ctx.prefix, path);
  /** An error at `path`, its message in English and Indonesian. */
  const error = (code: string, path: string, en: string, id: string): void => {
    out.push(finding('error', code, P(path), en, id));
  };
  const warning = (code: string, path: string, en: string, id: string): void => {
    out.push(finding('warning', code, P(path), en, id));
  };
  const pos = (el: object, i: number): number => ctx.position?.get(el) ?? i;
  const broken = (id: string | undefined): boolean => id !== undefined && (ctx.broken?.has(id) ?? false);
  const sectionBroken = (name: string): boolean => ctx.brokenSections?.has(name) ?? false;
  /** A goal or indicator id an agreement row may use was left out (from the agreement, what it amends, or its plan). */
  const agreementBroken = (a: Agreement, local: string): boolean =>
    broken(a.plan) || broken(ref(a.id, local)) || broken(ref(a.plan, local)) || (a.amends !== undefined && broken(ref(a.amends, local)));

  const idx = indexDataset(ds);

  // ------------------------------------------------------------ ids

  const checkLocalId = (id: string, path: string): void => {
    if (id.includes('/')) {
      error(
        'invalid-id',
        path,
        `id ${q(id)} contains "/"; references are written owner/id, so an id has no slash`,
        `id ${q(id)} memuat "/"; rujukan ditulis pemilik/id, sehingga id tidak boleh memuat garis miring`,
      );
    }
  };

  // plans, agreements and program nodes share one namespace
  const owners = new Map<string, string>();
  const claimOwnerId = (id: string, path: string, what: Text): void => {
    checkLocalId(id, `${path}.id`);
    if (RESERVED.has(id)) {
      error(
        'reserved-id',
        `${path}.id`,
        `${q(id)} is a reserved word and cannot be the id of a ${what.en} (reserved: ${RESERVED_IDS.join(', ')})`,
        `${q(id)} adalah kata yang dicadangkan dan tidak dapat menjadi id ${what.id} (kata yang dicadangkan: ${RESERVED_IDS.join(', ')})`,
      );
    }
    const first = owners.get(id);
    if (first !== undefined) {
      error(
        'duplicate-id',
        `${path}.id`,
        `id ${q(id)} is already used by ${P(first)}; ids of plans, agreements and program nodes are unique across the document`,
        `id ${q(id)} sudah dipakai oleh ${P(first)}; id rencana, perjanjian kinerja, dan ${NODE} harus unik di seluruh dokumen`,
      );
    } else owners.set(id, path);
  };
  ds.plans.forEach((p, i) => claimOwnerId(p.id, `plans[${pos(p, i)}]`, text('plan', 'rencana')));
  ds.agreements.forEach((a, i) => claimOwnerId(a.id, `agreements[${pos(a, i)}]`, text('agreement', 'perjanjian kinerja')));
  ds.programs.forEach((n, i) => claimOwnerId(n.id, `programs[${pos(n, i)}]`, text('program node', NODE_ID[n.level])));

  /** Ids unique within one list; `kind` names the list in the message (Indonesian: what the id is of, `id unit kerja`). */
  const unique = <T extends object>(items: readonly T[], idOf: (t: T) => string, pathOf: (t: T, i: number) => string, kind: Text): Map<string, T> => {
    const seen = new Map<string, { item: T; path: string }>();
    items.forEach((item, i) => {
      const id = idOf(item);
      const path = pathOf(item, pos(item, i));
      const first = seen.get(id);
      if (first) {
        const at = P(first.path.replace(/\.id$|\.label$/, ''));
        error('duplicate-id', path, `${kind.en} id ${q(id)} is already used by ${at}`, `${kind.id} ${q(id)} sudah dipakai oleh ${at}`);
      }
      else seen.set(id, { item, path });
    });
    return new Map([...seen].map(([k, v]) => [k, v.item]));
  };

  const units = sectionBroken('organization') ? undefined : ds.organization?.units;
  const unitIds = units
    ? unique(units, (u) => u.id, (_u, i) => `organization.units[${i}].id`, text('unit', 'id unit kerja'))
    : undefined;
  const staffingIds = ds.organization?.staffing
    ? unique(ds.organization.staffing.rows, (r) => r.id, (_r, i) => `organization.staffing.rows[${i}].id`, text('staffing row', 'id baris kepegawaian'))
    : new Map();
  const assetIds = ds.organization?.assets
    ? unique(ds.organization.assets.rows, (r) => r.id, (_r, i) => `organization.assets.rows[${i}].id`, text('asset row', 'id baris sarana prasarana'))
    : new Map();
  const decreeIds = unique(ds.decrees ?? [], (d) => d.id, (_d, i) => `decrees[${i}].id`, text('decree', 'id surat keputusan'));
  const expenditureIds = unique(ds.expenditures ?? [], (e) => e.id, (_e, i) => `expenditures[${i}].id`, text('expenditure line', 'id rincian belanja'));
  const activityIds = unique(ds.activities ?? [], (a) => a.id, (_a, i) => `activities[${i}].id`, text('activity list', 'id daftar kegiatan'));
  if (ds.evaluation?.recommendations) {
    unique(ds.evaluation.recommendations, (r) => r.id, (_r, i) => `evaluation.recommendations[${i}].id`, text('recommendation', 'id rekomendasi'));
  }

  // ------------------------------------------------------------ shared checks of goals and indicators

  const missingIndicator = (ownerId: string, localId: string): Text => {
    if (!idx.plans.has(ownerId) && !idx.agreements.has(ownerId) && !idx.nodes.has(ownerId)) {
      return text(
        `no plan, agreement or program node ${q(ownerId)} (in ${q(ref(ownerId, localId))})`,
        `tidak ada rencana, perjanjian kinerja, atau ${NODE} ${q(ownerId)} (dalam ${q(ref(ownerId, localId))})`,
      );
    }
    const owner = ownerWord(idx, ownerId);
    return text(`no indicator ${q(localId)} in ${owner.en}`, `tidak ada indikator ${q(localId)} dalam ${owner.id}`);
  };


  /** Where a goal of an owner may point its parent, and how a missing one is described. */
  interface GoalScope {
    resolve: (id: string) => string | undefined;
    broken: (id: string) => boolean;
    where: Text;
  }

  const checkGoals = (goals: readonly Goal[], base: string, ownerId: string, scope: GoalScope, ownPlanId?: string): void => {
    unique(goals, (g) => g.id, (_g, j) => `${base}.goals[${j}].id`, text('goal', `id ${GOAL}`));
    const local = new Map(goals.map((g) => [g.id, g]));
    goals.forEach((g, j0) => {
      const j = pos(g, j0);
      const gp = `${base}.goals[${j}]`;
      checkLocalId(g.id, `${gp}.id`);
      if (g.parent !== undefined) {
        if (g.parent === g.id) error('cycle', `${gp}.parent`, `goal ${q(g.id)} cannot be its own parent`, `${GOAL_ID[g.kind]} ${q(g.id)} tidak dapat menjadi induknya sendiri`);
        else if (!scope.resolve(g.parent) && !scope.broken(g.parent)) {
          error('dangling-reference', `${gp}.parent`, `no goal ${q(g.parent)} in ${scope.where.en}`, `tidak ada ${GOAL} ${q(g.parent)} dalam ${scope.where.id}`);
        }
        else {
          // a cycle through parents within this owner
          const seen = new Set<string>([g.id]);
          const chain = [g.id];
          let cur = local.get(g.parent);
          while (cur) {
            chain.push(cur.id);
            if (cur.id === g.id) {
              error(
                'cycle',
                `${gp}.parent`,
                `goal ${q(g.id)} is its own ancestor (${chain.join(' → ')})`,
                `${GOAL_ID[g.kind]} ${q(g.id)} menjadi induk bagi dirinya sendiri melalui induk-induknya (${chain.join(' → ')})`,
              );
              break;
            }
            if (seen.has(cur.id)) break;
            seen.add(cur.id);
            cur = cur.parent !== undefined ? local.get(cur.parent) : undefined;
          }
        }
      }
      (g.supports ?? []).forEach((s, k) => {
        const sp = `${gp}.supports[${k}]`;
        const r = splitRef(s);
        if (!r) {
          error('invalid-reference', sp, `expected a reference planId/goalId, got ${q(s)}`, `seharusnya berupa rujukan planId/goalId, tetapi berisi ${q(s)}`);
          return;
        }
        if (broken(r.ownerId)) return;
        if (!idx.plans.has(r.ownerId)) {
          error(
            'dangling-reference',
            sp,
            `no plan ${q(r.ownerId)} (in ${q(s)}); a goal supports goals of another plan`,
            `tidak ada rencana ${q(r.ownerId)} (dalam ${q(s)}); ${GOAL} mendukung ${GOAL} rencana lain`,
          );
        } else if (r.ownerId === ownPlanId || r.ownerId === ownerId) {
          error(
            'invalid-reference',
            sp,
            `a goal supports goals of another plan, not of its own plan ${r.ownerId}`,
            `${GOAL} mendukung ${GOAL} rencana lain, bukan rencananya sendiri (${r.ownerId})`,
          );
        } else if (!idx.goals.has(s) && !broken(s)) {
          error('dangling-reference', sp, `no goal ${q(r.localId)} in plan ${r.ownerId}`, `tidak ada ${GOAL} ${q(r.localId)} dalam ${planWordId(idx, r.ownerId)}`);
        }
      });
    });
  };

  const checkTargetYears = (record: Record<string, unknown> | undefined, path: string, plan: Plan | undefined): void => {
    for (const key of Object.keys(record ?? {})) {
      const year = Number(key);
      const kp = `${path}[${q(key)}]`;
      if (year < MIN_YEAR || year > MAX_YEAR) {
        error(
          'target-year-out-of-range',
          kp,
          `expected a year between ${MIN_YEAR} and ${MAX_YEAR} as the key, got ${q(key)}`,
          `kunci seharusnya berupa tahun antara ${MIN_YEAR} dan ${MAX_YEAR}, tetapi berisi ${q(key)}`,
        );
      } else if (plan && (year < plan.startYear || year > plan.endYear)) {
        warning(
          'target-outside-plan-period',
          kp,
          `target for ${key} lies outside the period of plan ${plan.id} (${plan.startYear}–${plan.endYear})`,
          `target tahun ${key} berada di luar periode ${planWordId(idx, plan.id)} (${plan.startYear}–${plan.endYear})`,
        );
      }
    }
  };

  type IndicatorOwner =
    | { kind: 'plan'; plan: Plan }
    | { kind: 'agreement'; agreement: Agreement; plan: Plan | undefined }
    | { kind: 'node' };

  const checkIndicators = (indicators: readonly Indicator[], base: string, ownerId: string, owner: IndicatorOwner): void => {
    unique(indicators, (d) => d.id, (_d, j) => `${base}.indicators[${j}].id`, text('indicator', 'id indikator'));
    indicators.forEach((ind, j0) => {
      const j = pos(ind, j0);
      const ip = `${base}.indicators[${j}]`;
      checkLocalId(ind.id, `${ip}.id`);

      // the goal it measures
      if (owner.kind === 'plan') {
        if (ind.goal === undefined) {
          error(
            'missing-field',
            `${ip}.goal`,
            `required field missing: an indicator of a plan names the goal it measures`,
            `isian wajib tidak ada: indikator suatu rencana menyebutkan ${GOAL} yang diukurnya`,
          );
        } else if (!idx.goals.has(ref(ownerId, ind.goal)) && !broken(ref(ownerId, ind.goal))) {
          error('dangling-reference', `${ip}.goal`, `no goal ${q(ind.goal)} in plan ${ownerId}`, `tidak ada ${GOAL} ${q(ind.goal)} dalam ${planWordId(idx, ownerId)}`);
        }
        if (ind.targets === undefined) {
          error(
            'missing-field',
            `${ip}.targets`,
            `required field missing: an indicator of a plan gives its yearly targets`,
            `isian wajib tidak ada: indikator suatu rencana memuat target tahunannya`,
          );
        }
      } else if (owner.kind === 'agreement') {
        const a = owner.agreement;
        if (ind.goal === undefined) {
          error(
            'missing-field',
            `${ip}.goal`,
            `required field missing: an indicator an agreement adds names the goal it measures`,
            `isian wajib tidak ada: indikator yang ditambahkan perjanjian kinerja menyebutkan ${GOAL} yang diukurnya`,
          );
        } else if (!resolveAgreementLocal(idx, a, ind.goal, 'goals') && !agreementBroken(a, ind.goal)) {
          error(
            'dangling-reference',
            `${ip}.goal`,
            `no goal ${q(ind.goal)} in agreement ${a.id} or plan ${a.plan}`,
            `tidak ada ${GOAL} ${q(ind.goal)} dalam perjanjian kinerja ${a.id} maupun ${planWordId(idx, a.plan)}`,
          );
        }
      }

      if (unitIds) {
        (ind.responsibleUnits ?? []).forEach((u, k) => {
          if (!unitIds.has(u) && !broken(u)) {
            error('dangling-reference', `${ip}.responsibleUnits[${k}]`, `no unit ${q(u)} in organization.units`, `tidak ada unit kerja ${q(u)} dalam organization.units`);
          }
        });
      }
      (ind.decrees ?? []).forEach((d, k) => {
        if (!decreeIds.has(d) && !broken(d)) error('dangling-reference', `${ip}.decrees[${k}]`, `no decree ${q(d)} in decrees`, `tidak ada surat keputusan ${q(d)} dalam decrees`);
      });

      const m = ind.measure;
      if (m.type === 'derived') {
        m.of.forEach((r, k) => {
          const mp = `${ip}.measure.of[${k}]`;
          const sr = splitRef(r);
          if (!sr) {
            error('invalid-reference', mp, `expected an indicator reference ownerId/indicatorId, got ${q(r)}`, `seharusnya berupa rujukan indikator ownerId/indicatorId, tetapi berisi ${q(r)}`);
          } else if (r === ref(ownerId, ind.id)) error('cycle', mp, `a derived indicator cannot count itself`, `indikator turunan tidak dapat menghitung dirinya sendiri`);
          else if (!idx.indicators.has(r) && !broken(sr.ownerId) && !broken(r)) {
            const m = missingIndicator(sr.ownerId, sr.localId);
            error('dangling-reference', mp, m.en, m.id);
          }
        });
      }
      if (m.type === 'category') {
        unique(m.categories, (c) => c.label, (_c, k) => `${ip}.measure.categories[${k}].label`, text('category label', 'label kategori'));
      }

      const plan = owner.kind === 'plan' ? owner.plan : undefined;
      checkTargetYears(ind.targets, `${ip}.targets`, plan);
      checkTargetYears(ind.periodTargets, `${ip}.periodTargets`, plan);
    });
  };


  // ------------------------------------------------------------ plans

  ds.plans.forEach((plan, i0) => {
    const i = pos(plan, i0);
    const base = `plans[${i}]`;
    if (plan.startYear > plan.endYear) {
      error('invalid-period', `${base}.endYear`, `endYear ${plan.endYear} is before startYear ${plan.startYear}`, `endYear ${plan.endYear} lebih awal daripada startYear ${plan.startYear}`);
    }
    checkGoals(plan.goals, base, plan.id, {
      resolve: (id) => (idx.goals.has(ref(plan.id, id)) ? ref(plan.id, id) : undefined),
      broken: (id) => broken(ref(plan.id, id)),
      where: text(`plan ${plan.id}`, planWordId(idx, plan.id)),
    }, plan.id);
    checkIndicators(plan.indicators ?? [], base, plan.id, { kind: 'plan', plan });
  });

  (ds.decrees ?? []).forEach((d, i) => {
    if (d.plan !== undefined && !idx.plans.has(d.plan) && !broken(d.plan)) {
      error('dangling-reference', `decrees[${pos(d, i)}].plan`, `no plan ${q(d.plan)}`, `tidak ada rencana ${q(d.plan)}`);
    }
  });

  // one note per budget stage of a year, dated within that year
  const stageNotes = new Map<string, string>();
  (ds.budgetStages ?? []).forEach((n, i) => {
    const base = `budgetStages[${pos(n, i)}]`;
    const key = `${n.year}/${n.stage}`;
    const first = stageNotes.get(key);
    if (first !== undefined) {
      error(
        'duplicate-id',
        base,
        `the budget stage ${q(n.stage)} of ${n.year} is already described by ${P(first)}`,
        `tahap anggaran ${q(n.stage)} tahun ${n.year} sudah diuraikan oleh ${P(first)}`,
      );
    } else stageNotes.set(key, base);
    for (const field of ['date', 'month'] as const) {
      const v = n[field];
      if (v !== undefined && !v.startsWith(`${n.year}-`)) {
        error('invalid-period', `${base}.${field}`, `expected a ${field} in ${n.year}, the year of the stage; got ${q(v)}`, `seharusnya ${field === 'date' ? 'tanggal' : 'bulan'} pada tahun ${n.year}, tahun tahap anggaran itu; tertulis ${q(v)}`);
      }
    }
    if (n.date !== undefined && n.month !== undefined && !n.date.startsWith(`${n.month}-`)) {
      error('invalid-period', `${base}.month`, `the month ${q(n.month)} is not the month of the date ${q(n.date)}; give one of them`, `bulan ${q(n.month)} bukan bulan tanggal ${q(n.date)}; isikan salah satunya`);
    }
  });

  // ------------------------------------------------------------ agreements

  ds.agreements.forEach((a, i0) => {
    const i = pos(a, i0);
    const base = `agreements[${i}]`;
    const plan = idx.plans.get(a.plan);
    const planKnown = plan !== undefined;
    if (!plan) {
      if (!broken(a.plan)) {
        error(
          'dangling-reference',
          `${base}.plan`,
          `no plan ${q(a.plan)}; an agreement is based on a Renstra plan of this document`,
          `tidak ada rencana ${q(a.plan)}; perjanjian kinerja disusun berdasarkan Renstra dalam dokumen ini`,
        );
      }
    } else if (plan.level !== 'renstra') {
      error(
        'invalid-reference',
        `${base}.plan`,
        `plan ${a.plan} is an RPJMD; an agreement is based on a Renstra plan`,
        `rencana ${a.plan} adalah RPJMD; perjanjian kinerja disusun berdasarkan Renstra`,
      );
    } else if (a.year < plan.startYear || a.year > plan.endYear) {
      warning(
        'agreement-outside-plan-period',
        `${base}.year`,
        `agreement year ${a.year} lies outside the period of plan ${plan.id} (${plan.startYear}–${plan.endYear})`,
        `tahun perjanjian kinerja ${a.year} berada di luar periode Renstra ${plan.id} (${plan.startYear}–${plan.endYear})`,
      );
    }

    if (a.kind === 'amendment') {
      if (a.amends === undefined) {
        error(
          'missing-field',
          `${base}.amends`,
          `required field missing: an amendment names the agreement it amends ("amends")`,
          `isian wajib tidak ada: PK Perubahan menyebutkan perjanjian kinerja yang diubahnya ("amends")`,
        );
      } else if (a.amends === a.id) {
        error('cycle', `${base}.amends`, `an agreement cannot amend itself`, `perjanjian kinerja tidak dapat mengubah dirinya sendiri`);
      } else {
        const target = idx.agreements.get(a.amends);
        if (!target) {
          if (!broken(a.amends)) error('dangling-reference', `${base}.amends`, `no agreement ${q(a.amends)}`, `tidak ada perjanjian kinerja ${q(a.amends)}`);
        } else if (target.year !== a.year) {
          error(
            'invalid-reference',
            `${base}.amends`,
            `agreement ${target.id} is of ${target.year}; an amendment amends an agreement of the same year (${a.year})`,
            `perjanjian kinerja ${target.id} adalah perjanjian tahun ${target.year}; PK Perubahan mengubah perjanjian kinerja tahun yang sama (${a.year})`,
          );
        } else {
          const seen = new Set<string>([a.id]);
          let cur: Agreement | undefined = target;
          while (cur && cur.kind === 'amendment' && cur.amends !== undefined) {
            if (seen.has(cur.id)) break;
            seen.add(cur.id);
            if (cur.amends === a.id) {
              const chain = [...seen, a.id].join(' → ');
              error('cycle', `${base}.amends`, `agreements amend each other in a circle (${chain})`, `perjanjian kinerja saling mengubah secara melingkar (${chain})`);
              break;
            }
            cur = idx.agreements.get(cur.amends);
          }
        }
      }
    } else if (a.amends !== undefined) {
      error(
        'unexpected-field',
        `${base}.amends`,
        `an original agreement amends nothing: remove "amends" or set kind "amendment"`,
        `perjanjian kinerja awal tidak mengubah perjanjian lain: hapus "amends" atau ubah kind menjadi "amendment"`,
      );
    }

    // what the agreement adds must not repeat its plan
    (a.goals ?? []).forEach((g, j0) => {
      const j = pos(g, j0);
      if (plan && idx.goals.has(ref(plan.id, g.id))) {
        error(
          'duplicate-id',
          `${base}.goals[${j}].id`,
          `goal ${q(g.id)} is already a goal of plan ${plan.id}; an agreement adds only goals its plan lacks`,
          `${q(g.id)} sudah menjadi ${GOAL} dalam ${planWordId(idx, plan.id)}; perjanjian kinerja hanya menambahkan ${GOAL} yang belum ada dalam rencananya`,
        );
      }
    });
    (a.indicators ?? []).forEach((d, j0) => {
      const j = pos(d, j0);
      if (plan && idx.indicators.has(ref(plan.id, d.id))) {
        error(
          'duplicate-id',
          `${base}.indicators[${j}].id`,
          `indicator ${q(d.id)} is already an indicator of plan ${plan.id}; an agreement adds only indicators its plan lacks`,
          `${q(d.id)} sudah menjadi indikator dalam ${planWordId(idx, plan.id)}; perjanjian kinerja hanya menambahkan indikator yang belum ada dalam rencananya`,
        );
      }
    });
    checkGoals(a.goals ?? [], base, a.id, {
      resolve: (id) => resolveAgreementLocal(idx, a, id, 'goals'),
      broken: (id) => agreementBroken(a, id),
      where: text(`agreement ${a.id} or plan ${a.plan}`, `perjanjian kinerja ${a.id} maupun ${planWordId(idx, a.plan)}`),
    });
    checkIndicators(a.indicators ?? [], base, a.id, { kind: 'agreement', agreement: a, plan });

    // rows
    const describeScope = (what: 'goal' | 'indicator', id: string): Text => {
      const places: Text[] = [text(`plan ${a.plan}`, planWordId(idx, a.plan))];
      const ownList = what === 'goal' ? a.goals : a.indicators;
      if ((ownList ?? []).length > 0) places.push(text(`agreement ${a.id}`, `perjanjian kinerja ${a.id}`));
      if (a.kind === 'amendment' && a.amends !== undefined && idx.agreements.has(a.amends)) {
        places.push(text(`the agreement it amends (${a.amends})`, `perjanjian kinerja yang diubahnya (${a.amends})`));
      }
      return text(
        `no ${what} ${q(id)} in ${places.map((p) => p.en).join(' or ')}`,
        `tidak ada ${what === 'goal' ? GOAL : 'indikator'} ${q(id)} dalam ${joinNeither(places.map((p) => p.id))}`,
      );
    };
    const rowSeen = new Map<string, number>();
    a.rows.forEach((row, j0) => {
      const j = pos(row, j0);
      const rp = `${base}.rows[${j}]`;
      const goalRef = resolveAgreementLocal(idx, a, row.goal, 'goals');
      if (!goalRef && planKnown && !agreementBroken(a, row.goal)) {
        const m = describeScope('goal', row.goal);
        error('dangling-reference', `${rp}.goal`, m.en, m.id);
      }
      const indRef = resolveAgreementLocal(idx, a, row.indicator, 'indicators');
      if (!indRef) {
        if (planKnown && !agreementBroken(a, row.indicator)) {
          const m = describeScope('indicator', row.indicator);
          error('dangling-reference', `${rp}.indicator`, m.en, m.id);
        }
        return;
      }
      const firstRow = rowSeen.get(indRef);
      if (firstRow !== undefined) {
        const at = P(`${base}.rows[${firstRow}]`);
        warning(
          'duplicate-row',
          `${rp}.indicator`,
          `indicator ${indRef} already has a row in this agreement (${at})`,
          `indikator ${indRef} sudah memiliki baris dalam perjanjian kinerja ini (${at})`,
        );
      } else rowSeen.set(indRef, j);
      const entry = idx.indicators.get(indRef);
      const m = measureOf(entry);
      if (typeof row.target === 'string') {
        if (m?.type !== 'category') {
          error(
            'invalid-target',
            `${rp}.target`,
            `expected a number, got string ${q(row.target)} (only a category indicator takes a category label as target)`,
            `seharusnya berupa angka, tetapi berisi teks ${q(row.target)} (hanya indikator kategori yang menerima label kategori sebagai target)`,
          );
        } else if (!m.categories.some((c) => c.label === row.target)) {
          const labels = m.categories.map((c) => q(c.label)).join(', ');
          error(
            'invalid-target',
            `${rp}.target`,
            `${q(row.target)} is not a category of indicator ${indRef} (categories: ${labels})`,
            `${q(row.target)} bukan kategori indikator ${indRef} (kategori: ${labels})`,
          );
        }
      } else if (entry && entry.owner.kind === 'plan') {
        const planTarget = entry.indicator.targets?.[String(a.year)];
        if (planTarget !== undefined && planTarget !== row.target) {
          warning(
            'target-differs-from-plan',
            `${rp}.target`,
            `agreed target ${row.target} differs from the plan's target ${planTarget} for ${a.year} (${indRef})`,
            `target yang diperjanjikan ${row.target} berbeda dengan target Renstra ${planTarget} untuk tahun ${a.year} (${indRef})`,
          );
        }
      }
    });

    a.budget.forEach((b, j0) => {
      const j = pos(b, j0);
      const bp = `${base}.budget[${j}].program`;
      const node = idx.nodes.get(b.program);
      if (!node) {
        if (!broken(b.program)) error('dangling-reference', bp, `no program node ${q(b.program)}`, `tidak ada ${NODE} ${q(b.program)}`);
      } else if (node.level !== 'program') {
        error(
          'invalid-reference',
          bp,
          `node ${b.program} is a ${node.level}; an agreement's budget names program-level nodes`,
          `${b.program} adalah ${NODE_ID[node.level]}; anggaran perjanjian kinerja hanya menyebutkan program`,
        );
      }
    });
  });

  // ------------------------------------------------------------ program nodes

  const expectedParent = { kegiatan: 'program', subkegiatan: 'kegiatan' } as const;
  ds.programs.forEach((node, i0) => {
    const i = pos(node, i0);
    const base = `programs[${i}]`;
    if (node.level === 'program') {
      if (node.parent !== undefined) {
        error(
          'invalid-nesting',
          `${base}.parent`,
          `a program is at the top level and has no parent (got ${q(node.parent)})`,
          `program berada di tingkat teratas dan tidak memiliki induk (parent berisi ${q(node.parent)})`,
        );
      }
    } else {
      const want = expectedParent[node.level];
      if (node.parent === undefined) {
        error(
          'missing-parent',
          `${base}.parent`,
          `required field missing: a ${node.level} has a parent (a ${want})`,
          `isian wajib tidak ada: setiap ${NODE_ID[node.level]} berada di bawah sebuah ${NODE_ID[want]}`,
        );
      } else {
        const parent = idx.nodes.get(node.parent);
        if (!parent) {
          if (!broken(node.parent)) error('dangling-reference', `${base}.parent`, `no program node ${q(node.parent)}`, `tidak ada ${NODE} ${q(node.parent)}`);
        } else if (parent.level !== want) {
          error(
            'invalid-nesting',
            `${base}.parent`,
            `a ${node.level} sits under a ${want}, but ${parent.id} is a ${parent.level}`,
            `${NODE_ID[node.level]} berada di bawah ${NODE_ID[want]}, tetapi ${parent.id} adalah ${NODE_ID[parent.level]}`,
          );
        }
      }
    }
    if (node.parent !== undefined) {
      const chain = [node.id];
      const seen = new Set<string>([node.id]);
      let cur = idx.nodes.get(node.parent);
      while (cur) {
        chain.push(cur.id);
        if (cur.id === node.id) {
          error(
            'cycle',
            `${base}.parent`,
            `program node ${node.id} is its own ancestor (${chain.join(' → ')})`,
            `${NODE_ID[node.level]} ${node.id} menjadi induk bagi dirinya sendiri melalui induk-induknya (${chain.join(' → ')})`,
          );
          break;
        }
        if (seen.has(cur.id)) break;
        seen.add(cur.id);
        cur = cur.parent !== undefined ? idx.nodes.get(cur.parent) : undefined;
      }
    }

    (node.supports ?? []).forEach((s, k0) => {
      const k = pos(s, k0);
      const sp = `${base}.supports[${k}].indicator`;
      const r = splitRef(s.indicator);
      if (!r) {
        error(
          'invalid-reference',
          sp,
          `expected a reference planId/indicatorId or agreementId/indicatorId, got ${q(s.indicator)}`,
          `seharusnya berupa rujukan planId/indicatorId atau agreementId/indicatorId, tetapi berisi ${q(s.indicator)}`,
        );
        return;
      }
      if (broken(r.ownerId) || broken(s.indicator)) return;
      if (idx.nodes.has(r.ownerId)) {
        error(
          'invalid-reference',
          sp,
          `${s.indicator} is an indicator of program node ${r.ownerId}; a node supports indicators of a plan or an agreement`,
          `${s.indicator} adalah indikator ${nodeWordId(idx, r.ownerId)}; ${NODE} mendukung indikator rencana atau perjanjian kinerja`,
        );
        return;
      }
      const agreement = idx.agreements.get(r.ownerId);
      const ok = agreement
        ? resolveAgreementLocal(idx, agreement, r.localId, 'indicators') !== undefined || agreementBroken(agreement, r.localId)
        : idx.indicators.has(s.indicator);
      if (!ok) {
        const m = missingIndicator(r.ownerId, r.localId);
        error('dangling-reference', sp, m.en, m.id);
      }
    });

    checkIndicators(node.indicators ?? [], base, node.id, { kind: 'node' });
  });

  // ------------------------------------------------------------ resolving indicator references

  /**
   * Resolve `owner/indicator`. Realizations name the indicator's owner directly; benchmarks,
   * narrative and claims may also name a plan indicator through an agreement that uses it.
   */
  const resolveIndicator = (r: string, viaAgreement: boolean): { entry?: IndicatorEntry; message?: Text; skip?: boolean } => {
    const sr = splitRef(r);
    if (!sr) return { message: text(`expected an indicator reference ownerId/indicatorId, got ${q(r)}`, `seharusnya berupa rujukan indikator ownerId/indicatorId, tetapi berisi ${q(r)}`) };
    if (broken(sr.ownerId) || broken(r)) return { skip: true };
    const direct = idx.indicators.get(r);
    if (direct) return { entry: direct };
    const agreement = idx.agreements.get(sr.ownerId);
    if (agreement) {
      const via = resolveAgreementLocal(idx, agreement, sr.localId, 'indicators');
      if (!via && agreementBroken(agreement, sr.localId)) return { skip: true };
      if (via) {
        if (viaAgreement) return { entry: idx.indicators.get(via) };
        const owner = ownerWord(idx, splitRef(via)?.ownerId ?? '');
        return {
          message: text(
            `no indicator ${q(sr.localId)} in agreement ${agreement.id} (it is an indicator of ${owner.en}: write ${q(via)})`,
            `tidak ada indikator ${q(sr.localId)} dalam perjanjian kinerja ${agreement.id} (indikator itu milik ${owner.id}: tulis ${q(via)})`,
          ),
        };
      }
    }
    return { message: missingIndicator(sr.ownerId, sr.localId) };
  };

  // ------------------------------------------------------------ realizations

  const realizationAt = new Map<string, number>();
  ds.realizations.forEach((rz, i0) => {
    const i = pos(rz, i0);
    const base = `realizations[${i}]`;
    const res = resolveIndicator(rz.indicator, false);
    if (res.message) error('dangling-reference', `${base}.indicator`, res.message.en, res.message.id);

    const period = rz.period ?? 'Y';
    const key = `${rz.indicator}\u0000${rz.year}\u0000${period}`;
    const first = realizationAt.get(key);
    if (first !== undefined) {
      const a = P(`realizations[${first}]`);
      const b = P(base);
      error(
        'duplicate-realization',
        base,
        `a second realization of ${rz.indicator} for ${rz.year} period ${period}: ${a} and ${b}; at most one per indicator, year and period`,
        `realisasi kedua untuk ${rz.indicator} tahun ${rz.year} periode ${period}: ${a} dan ${b}; paling banyak satu realisasi untuk setiap indikator, tahun, dan periode`,
      );
    } else realizationAt.set(key, i);

    if (rz.status !== undefined && (rz.note === undefined || rz.note.trim() === '')) {
      warning(
        'status-without-note',
        `${base}.note`,
        `status ${q(rz.status)} is given without a note saying why`,
        `status ${q(rz.status)} diberikan tanpa catatan (note) yang menjelaskan alasannya`,
      );
    }

    const m = measureOf(res.entry);
    if (!m) return;
    const hasCategory = rz.category !== undefined || (rz.categories ?? []).length > 0;
    if (m.type === 'ratio') {
      const bothParts = rz.numerator !== undefined && rz.denominator !== undefined;
      if (rz.value === undefined && !bothParts && rz.status === undefined) {
        const neither = rz.numerator === undefined && rz.denominator === undefined;
        const onlyNumerator = rz.denominator === undefined;
        error(
          'ratio-realization-incomplete',
          base,
          `a realization of ratio indicator ${rz.indicator} gives numerator and denominator (or a value), or a status with a note; got ${neither ? 'neither' : `only the ${onlyNumerator ? 'numerator' : 'denominator'}`}`,
          `realisasi indikator rasio ${rz.indicator} memuat pembilang dan penyebut (atau nilai), atau status disertai catatan; yang diberikan ${neither ? 'tidak satu pun' : `hanya ${onlyNumerator ? 'pembilang' : 'penyebut'}`}`,
        );
      }
      if (rz.value !== undefined && rz.numerator !== undefined && rz.denominator !== undefined && rz.denominator !== 0) {
        const factor = m.factor ?? 100;
        const computed = (rz.numerator / rz.denominator) * factor;
        const decimals = printedDecimals(rz.value);
        const rounded = roundHalfUp(computed, decimals);
        if (rounded !== rz.value) {
          warning(
            'ratio-value-mismatch',
            `${base}.value`,
            `value ${rz.value} disagrees with ${rz.numerator} ÷ ${rz.denominator} × ${factor} = ${computed} (${rounded} at the value's ${plural(decimals, 'decimal')})`,
            `nilai ${rz.value} tidak sesuai dengan ${rz.numerator} ÷ ${rz.denominator} × ${factor} = ${computed} (${rounded} bila dibulatkan ke ${decimals} desimal seperti nilai tersebut)`,
          );
        }
      }
    } else if (m.type === 'category') {
      const labels = new Set(m.categories.map((c) => c.label));
      const known = [...labels].map(q).join(', ');
      const notCategory = (label: string, at: string): void =>
        error(
          'invalid-category',
          at,
          `${q(label)} is not a category of indicator ${rz.indicator} (categories: ${known})`,
          `${q(label)} bukan kategori indikator ${rz.indicator} (kategori: ${known})`,
        );
      if (rz.category !== undefined && !labels.has(rz.category)) notCategory(rz.category, `${base}.category`);
      (rz.categories ?? []).forEach((c, k) => {
        if (!labels.has(c)) notCategory(c, `${base}.categories[${k}]`);
      });
      if (!hasCategory && rz.value === undefined && rz.status === undefined) {
        warning(
          'empty-realization',
          base,
          `the realization gives neither a category nor a status, so the row stays unmeasured`,
          `realisasi tidak memuat kategori maupun status, sehingga baris ini belum dapat diukur`,
        );
      }
    } else {
      if (hasCategory) {
        error(
          'invalid-category',
          `${base}.${rz.category !== undefined ? 'category' : 'categories'}`,
          `indicator ${rz.indicator} is not a category indicator (its measure is ${m.type}); give a value instead`,
          `indikator ${rz.indicator} bukan indikator kategori (jenis ukurannya ${m.type}); isikan nilai`,
        );
      }
      if ((m.type === 'value' || m.type === 'count') && rz.value === undefined && rz.status === undefined) {
        warning(
          'empty-realization',
          base,
          `the realization gives neither a value nor a status, so the row stays unmeasured`,
          `realisasi tidak memuat nilai maupun status, sehingga baris ini belum dapat diukur`,
        );
      }
    }
  });

  // ------------------------------------------------------------ benchmarks, expenditures, activities, units

  (ds.benchmarks ?? []).forEach((b, i) => {
    const base = `benchmarks[${pos(b, i)}]`;
    const res = resolveIndicator(b.indicator, true);
    if (res.message) error('dangling-reference', `${base}.indicator`, res.message.en, res.message.id);
    if (b.value === null && (b.note === undefined || b.note.trim() === '')) {
      warning(
        'status-without-note',
        `${base}.note`,
        `a benchmark without a value is given without a note saying why`,
        `pembanding (benchmark) tanpa nilai diberikan tanpa catatan yang menjelaskan alasannya`,
      );
    }
  });

  (ds.expenditures ?? []).forEach((e, i0) => {
    const base = `expenditures[${pos(e, i0)}]`;
    if (e.node !== undefined && !idx.nodes.has(e.node) && !broken(e.node)) error('dangling-reference', `${base}.node`, `no program node ${q(e.node)}`, `tidak ada ${NODE} ${q(e.node)}`);
    if (e.parent !== undefined) {
      if (e.parent === e.id) error('cycle', `${base}.parent`, `an expenditure line cannot be its own parent`, `rincian belanja tidak dapat menjadi induknya sendiri`);
      else if (!expenditureIds.has(e.parent) && !broken(e.parent)) {
        error('dangling-reference', `${base}.parent`, `no expenditure line ${q(e.parent)}`, `tidak ada rincian belanja ${q(e.parent)}`);
      }
      else {
        const seen = new Set<string>([e.id]);
        let cur = expenditureIds.get(e.parent);
        while (cur && cur.parent !== undefined) {
          if (cur.parent === e.id) {
            error(
              'cycle',
              `${base}.parent`,
              `expenditure line ${e.id} is part of itself through its parents`,
              `rincian belanja ${e.id} menjadi bagian dari dirinya sendiri melalui induk-induknya`,
            );
            break;
          }
          if (seen.has(cur.id)) break;
          seen.add(cur.id);
          cur = expenditureIds.get(cur.parent);
        }
      }
    }
  });

  (ds.activities ?? []).forEach((l, i) => {
    if (l.node !== undefined && !idx.nodes.has(l.node) && !broken(l.node)) {
      error('dangling-reference', `activities[${pos(l, i)}].node`, `no program node ${q(l.node)}`, `tidak ada ${NODE} ${q(l.node)}`);
    }
  });

  if (units && unitIds) {
    units.forEach((u, i) => {
      if (u.parent !== undefined && !unitIds.has(u.parent) && !broken(u.parent)) {
        error(
          'dangling-reference',
          `organization.units[${pos(u, i)}].parent`,
          `no unit ${q(u.parent)} in organization.units`,
          `tidak ada unit kerja ${q(u.parent)} dalam organization.units`,
        );
      }
    });
  }

  // ------------------------------------------------------------ narrative and claims

  /** A goal reference, read through an agreement the way its rows are. */
  const resolvesGoal = (r: string): boolean => {
    if (idx.goals.has(r)) return true;
    const sr = splitRef(r);
    const a = sr ? idx.agreements.get(sr.ownerId) : undefined;
    return !!(a && sr && resolveAgreementLocal(idx, a, sr.localId, 'goals'));
  };
  const ownerBroken = (subject: string): boolean => broken(subject) || broken(splitRef(subject)?.ownerId ?? subject);

  if (!sectionBroken('narrative') && ds.narrative !== undefined) {
    // one narrative (`narrative.…`) or a list of them, one per report year (`narrative[k].…`)
    const ratingLabels = (ds.settings?.ratingScale ?? DEFAULT_RATING_SCALE).map((b) => b.label);
    const listed = Array.isArray(ds.narrative);
    const narratives = listed ? (ds.narrative as Narrative[]) : [ds.narrative as Narrative];
    const yearSeen = new Map<number, string>();
    let undatedAt: string | undefined;
    narratives.forEach((n, k0) => {
      const at = listed ? `narrative[${pos(n, k0)}]` : 'narrative';
      if (listed && n.year !== undefined) {
        const first = yearSeen.get(n.year);
        if (first !== undefined) {
          error(
            'duplicate-narrative-year',
            `${at}.year`,
            `a narrative of the year ${n.year} is already given at ${first}; each report year has one narrative`,
            `narasi tahun ${n.year} sudah ada di ${first}; setiap tahun laporan memiliki satu narasi`,
          );
        } else yearSeen.set(n.year, P(at));
      } else if (listed) {
        if (undatedAt !== undefined) {
          error(
            'narrative-without-year',
            `${at}.year`,
            `this narrative has no year, and the narrative at ${undatedAt} has none either; in a list every narrative gives its report year, except at most one that applies to the years without their own`,
            `narasi ini tidak memiliki tahun, begitu pula narasi di ${undatedAt}; dalam daftar setiap narasi menyebut tahun laporannya, kecuali paling banyak satu narasi yang berlaku untuk tahun-tahun tanpa narasi sendiri`,
          );
        } else undatedAt = P(at);
      }
      // the prose's references to tables: `{{tabel:ID}}` names an activity list; a literal
      // "Tabel 3.4" would keep another report's numbering (core/document/crossref.ts)
      for (const { path, value } of narrativeTexts(n)) {
        for (const ref of tableRefsIn(value)) {
          if (!activityIds.has(ref)) {
            error(
              'unknown-table-reference',
              `${at}.${path}`,
              `{{tabel:${ref}}} names no activity list; expected the id of one of: ${[...activityIds.keys()].join(', ') || '(none)'}`,
              `{{tabel:${ref}}} tidak menunjuk daftar kegiatan mana pun; seharusnya id salah satu dari: ${[...activityIds.keys()].join(', ') || '(belum ada)'}`,
            );
          }
        }
        // `{{nilai:SUBJECT/QUANTITY}}`: a computed figure (core/document/values.ts)
        for (const r of valueRefsIn(value)) {
          const problem = valueRefProblem(idx, r);
          if (problem) error('unknown-value-reference', `${at}.${path}`, problem.en, problem.id);
        }
        // a figure typed into the prose that the data computes (core/review/narrative.ts)
        const year = narrativeYear(ds, n);
        for (const f of year === undefined ? [] : figuresInText(value, `${at}.${path}`, ds, idx, year, ratingLabels)) {
          warning(
            'typed-figure',
            f.where,
            `"${f.raw}" is a figure typed into the prose (${f.subject} ${f.quantity}); the report can not keep it equal to its tables: write ${f.reference}`,
            `"${f.raw}" adalah angka yang diketik dalam narasi (${f.subject}, ${f.reference.slice(f.reference.lastIndexOf('/') + 1, -2)}); laporan tidak dapat menjaganya tetap sama dengan tabelnya: tulis ${f.reference}`,
          );
        }
        const literal = literalTableNumber(value);
        if (literal) {
          warning(
            'literal-table-number',
            `${at}.${path}`,
            `"${literal}" is a number typed into the prose; the report numbers its tables itself, so it may point at another table: write {{tabel:ID}} with the activity list's id`,
            `"${literal}" adalah nomor yang diketik dalam narasi; laporan menomori tabelnya sendiri, sehingga nomor itu bisa menunjuk tabel lain: tulis {{tabel:ID}} dengan id daftar kegiatannya`,
          );
        }
      }
      (n.analyses ?? []).forEach((an, i0) => {
        const i = pos(an, i0);
        const s = an.subject;
        const ok =
          idx.plans.has(s) ||
          idx.agreements.has(s) ||
          idx.nodes.has(s) ||
          resolvesGoal(s) ||
          resolveIndicator(s, true).entry !== undefined ||
          ownerBroken(s);
        if (!ok) {
          error(
            'dangling-reference',
            `${at}.analyses[${i}].subject`,
            `no goal, indicator, plan, agreement or program node ${q(s)}; expected an id or a reference such as planId/goalId or nodeId/indicatorId`,
            `tidak ada ${GOAL}, indikator, rencana, perjanjian kinerja, atau ${NODE} ${q(s)}; seharusnya berupa id atau rujukan seperti planId/goalId atau nodeId/indicatorId`,
          );
        }
      });
    });
  }

  const sectioned: Record<string, { ids: Map<string, unknown>; what: Text; section: string }> = {
    expenditures: { ids: expenditureIds, what: text('expenditure line', 'rincian belanja'), section: 'expenditures' },
    staffing: { ids: staffingIds, what: text('staffing row', 'baris kepegawaian'), section: 'organization' },
    assets: { ids: assetIds, what: text('asset row', 'baris sarana prasarana'), section: 'organization' },
    activities: { ids: activityIds, what: text('activity list', 'daftar kegiatan'), section: 'activities' },
  };
  // a claim's subject, and a correction's, which names its figure the way a claim does
  const checkFigureSubject = (s: string, cp: string): void => {
    if (s === 'agency') return;
    if (idx.agreements.has(s) || idx.nodes.has(s) || broken(s)) return;
    const sr = splitRef(s);
    if (!sr) {
      error(
        'dangling-reference',
        cp,
        `no agreement or program node ${q(s)}; a claim's subject is agency, an agreement or node id, or a reference such as agreementId/indicatorId`,
        `tidak ada perjanjian kinerja atau ${NODE} ${q(s)}; subjek klaim berupa agency, id perjanjian kinerja atau ${NODE}, atau rujukan seperti agreementId/indicatorId`,
      );
      return;
    }
    const sec = sectioned[sr.ownerId];
    if (sec) {
      if (!sec.ids.has(sr.localId) && !sectionBroken(sec.section) && !broken(sr.localId)) {
        const list = sr.ownerId === 'staffing' || sr.ownerId === 'assets' ? `organization.${sr.ownerId}.rows` : sr.ownerId;
        error('dangling-reference', cp, `no ${sec.what.en} ${q(sr.localId)} in ${list}`, `tidak ada ${sec.what.id} ${q(sr.localId)} dalam ${list}`);
      }
      return;
    }
    if (broken(sr.ownerId)) return;
    const agreement = idx.agreements.get(sr.ownerId);
    if (agreement) {
      const isRow = agreement.rows.some((r) => r.indicator === sr.localId);
      if (isRow || resolveAgreementLocal(idx, agreement, sr.localId, 'indicators') || resolvesGoal(s) || agreementBroken(agreement, sr.localId)) return;
      error(
        'dangling-reference',
        cp,
        `no row, indicator or goal ${q(sr.localId)} in agreement ${agreement.id}`,
        `tidak ada baris, indikator, atau ${GOAL} ${q(sr.localId)} dalam perjanjian kinerja ${agreement.id}`,
      );
      return;
    }
    if (idx.indicators.has(s) || idx.goals.has(s) || broken(s)) return;
    const m = missingIndicator(sr.ownerId, sr.localId);
    error('dangling-reference', cp, m.en, m.id);
  };
  (ds.claims ?? []).forEach((c, i0) => checkFigureSubject(c.subject, `claims[${pos(c, i0)}].subject`));
  (ds.corrections ?? []).forEach((c, i0) => checkFigureSubject(c.subject, `corrections[${pos(c, i0)}].subject`));

  // ------------------------------------------------------------ table sources
  // a table's source line names where its figures come from; a table number in it ("Tabel 1.2",
  // carried over from a converted report) would cite the table the line sits under, or another one
  const sourceCitingTable = (source: string | undefined, path: string): void => {
    const literal = source === undefined ? undefined : literalTableNumber(source);
    if (!literal) return;
    warning(
      'source-cites-table',
      path,
      `the source "${source}" names "${literal}": the report prints it under its own table, whose number it chooses itself; name the document the figures come from`,
      `sumber "${source}" menyebut "${literal}": laporan mencetaknya di bawah tabelnya sendiri, yang nomornya ditentukan laporan; sebutkan dokumen asal angka-angkanya`,
    );
  };
  sourceCitingTable(ds.organization?.staffing?.source, 'organization.staffing.source');
  sourceCitingTable(ds.organization?.assets?.source, 'organization.assets.source');
  (ds.evaluation?.recommendations ?? []).forEach((r, i0) => sourceCitingTable(r.source, `evaluation.recommendations[${pos(r, i0)}].source`));

  // ------------------------------------------------------------ ranges (ranges.ts)

  const checkRange = (ind: Indicator, at: string): void => {
    const r = ind.range;
    if (r && typeof r.min === 'number' && typeof r.max === 'number' && r.min > r.max) {
      error('invalid-range', `${at}.range`, `the range's min ${r.min} is above its max ${r.max}`, `batas bawah rentang ${r.min} lebih besar daripada batas atasnya ${r.max}`);
    }
  };
  ds.plans.forEach((p, i) => (p.indicators ?? []).forEach((ind, k) => checkRange(ind, `plans[${pos(p, i)}].indicators[${pos(ind, k)}]`)));
  ds.agreements.forEach((a, i) => (a.indicators ?? []).forEach((ind, k) => checkRange(ind, `agreements[${pos(a, i)}].indicators[${pos(ind, k)}]`)));
  ds.programs.forEach((n, i) => (n.indicators ?? []).forEach((ind, k) => checkRange(ind, `programs[${pos(n, i)}].indicators[${pos(ind, k)}]`)));
  out.push(...rangeFindings(ds, { prefix: ctx.prefix, ...(ctx.position ? { position: ctx.position } : {}) }));

  return out;
}
