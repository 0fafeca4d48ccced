/**
 * The legal basis the LKIP cites, from the dataset: the regulation of each plan in force
 * (the RPJMD's Peraturan Daerah, the Renstra's Peraturan Bupati: `plans[].legalBasis`), the
 * regulation of the year's budget changes (`budgetStages[].legalBasis`), and the instruction under
 * which an original agreement and its amendment are both reported in one year
 * (`agreements[].reportingBasis`). Nothing is cited that the data does not hold.
 */
import type { Plan } from '../dataset/schema.js';
import type { Block } from '../document/model.js';
import { formatDateId } from '../format.js';
import { joinId, list, para } from './common.js';
import type { LkipContext } from './lkip-context.js';
import { whenOf } from './lkip-budget.js';

const LEVEL_ID: Record<Plan['level'], string> = { rpjmd: 'RPJMD', renstra: 'Renstra' };

/** Plans of the year (any level) in document order. */
const plansOfYear = (ctx: LkipContext): Plan[] => ctx.ds.plans.filter((p) => p.startYear <= ctx.year && ctx.year <= p.endYear);

/**
 * BAB II A: the plans in force in the year and the regulation each was set by; with the year's
 * budget revision and its regulation when the data records one (the seed's "Perencanaan dan
 * penganggaran pada tahun 2025 diwarnai …").
 */
export function planBasisBlocks(ctx: LkipContext): Block[] {
  const plans = plansOfYear(ctx);
  if (!plans.length) return [];
  const levels = (['rpjmd', 'renstra'] as const).filter((l) => plans.some((p) => p.level === l));
  const parts = levels.map((l) => {
    const ps = plans.filter((p) => p.level === l);
    return `${ps.length} ${LEVEL_ID[l]} (${joinId(ps.map((p) => `${p.startYear}-${p.endYear}`))})`;
  });
  const items = plans.map((p) => {
    const adopted = p.adoptedOn ? `, ditetapkan pada ${formatDateId(p.adoptedOn)}` : '';
    return p.legalBasis ? `${p.title}: ${p.legalBasis}${adopted}.` : `${p.title}: dasar hukumnya tidak dicatat${adopted}.`;
  });
  const out: Block[] = [
    para(`Perencanaan dan penganggaran tahun ${ctx.year} berpedoman pada ${joinId(parts)} yang berlaku pada tahun itu, dengan dasar hukum sebagai berikut:`, { align: 'justify' }),
    list(items, false),
  ];
  const revised = (ctx.ds.budgetStages ?? []).find((n) => n.year === ctx.year && n.stage === 'revised' && n.legalBasis);
  if (revised?.legalBasis) {
    const when = whenOf(revised);
    out.push(para(`Perubahan anggaran tahun ${ctx.year} ditetapkan dengan ${revised.legalBasis}${when ? ` (${when})` : ''}.`, { align: 'justify' }));
  }
  return out;
}

/**
 * BAB III (and the Ikhtisar): why two agreements of one year are both reported — the amendment's
 * `reportingBasis`, with the plans each agreement rests on. Empty without an amendment citing one.
 */
export function reportingBasisBlocks(ctx: LkipContext): Block[] {
  const amendments = ctx.agreements.filter((a) => a.ag.kind === 'amendment' && a.ag.reportingBasis);
  const out: Block[] = [];
  for (const a of amendments) {
    const amended = ctx.agreements.find((o) => o.ag.id === a.ag.amends);
    const both = amended ? [amended, a] : [a];
    const based = both.map((x) => `${x.title}${x.plan ? ` berdasarkan ${x.plan.title}` : ''}`);
    out.push(
      para(
        `Menindaklanjuti ${a.ag.reportingBasis}, instansi pemerintah yang telah mengubah perjanjian kinerjanya berdasarkan dokumen perencanaan strategis (RPJMD/Renstra) periode baru melaporkan capaian atas ${both.length} perjanjian kinerja yang dibuat pada tahun ${ctx.year}: ${joinId(based)}.`,
        { align: 'justify' },
      ),
    );
  }
  return out;
}
