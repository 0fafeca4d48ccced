/**
 * The IKU decrees as the LKIP's appendices: a decree whose text the dataset holds (`considering`,
 * `recalling`, `provisions`, `place`, `signer`: dataset-format.md, "Decree") is printed as a
 * Keputusan — heading, Menimbang, Mengingat, Memutuskan with each diktum, where and when it was
 * set, the signature — followed by its lampiran, which is generated from the indicators that
 * name the decree (`indicators[].decrees`): the tujuan with their indicators, then the key
 * indicators (IKU) and the additional ones (Indikator Kinerja Tambahan) by sasaran with formula,
 * explanation, the units responsible and the data source. Nothing of the lampiran is typed twice.
 */
import type { Decree, Goal, Indicator, Plan } from '../dataset/schema.js';
import type { Block, Cell, Signature } from '../document/model.js';
import { formatDateId } from '../format.js';
import { bold, empty, goalLabel, heading, list, para, positionOf, tableOrNothing, text } from './common.js';
import type { LkipContext } from './lkip-context.js';
import { formulaOf } from './lkip-plan.js';

const h = (s: string): Cell => text(s, { bold: true, align: 'center' });

/** Whether the dataset holds the decree's text (not only its number and title). */
export const hasDecreeText = (d: Decree): boolean => Boolean(d.considering?.length || d.recalling?.length || d.provisions?.length);

/** "Keputusan Kepala Dinas … Nomor 065/101/324/2024 tentang …". */
export function decreeTitle(d: Decree): string {
  return `Keputusan${d.issuer ? ` ${d.issuer}` : ''} Nomor ${d.number} tentang ${d.title}`;
}

interface DecreeIndicator {
  plan: Plan;
  indicator: Indicator;
  goal: Goal | undefined;
}

/** The plan indicators that name the decree, in plan order. */
function indicatorsOf(ctx: LkipContext, d: Decree): DecreeIndicator[] {
  const out: DecreeIndicator[] = [];
  for (const plan of ctx.ds.plans) {
    for (const ind of plan.indicators ?? []) {
      if (!(ind.decrees ?? []).includes(d.id)) continue;
      out.push({ plan, indicator: ind, goal: ind.goal !== undefined ? plan.goals.find((g) => g.id === ind.goal) : undefined });
    }
  }
  return out;
}

/** The lampiran of a decree: its tujuan indicators, then the IKU and the Indikator Kinerja Tambahan by sasaran. */
function decreeAttachment(ctx: LkipContext, d: Decree, idPrefix: string): Block[] {
  const inds = indicatorsOf(ctx, d);
  if (!inds.length) return [para('Lampiran keputusan ini tidak dapat disusun: tidak ada indikator yang mencantumkan keputusan ini.', { style: 'note' })];
  const units = new Map((ctx.ds.organization?.units ?? []).map((u) => [u.id, u.name]));
  const out: Block[] = [para(bold(`LAMPIRAN ${decreeTitle(d).toUpperCase()}`), { align: 'center' })];
  const facts: string[] = [`Instansi: ${ctx.ds.agency.name}`];
  const goalLevel = inds.filter((x) => x.goal?.kind === 'tujuan');
  for (const goal of [...new Set(goalLevel.map((x) => x.goal as Goal))]) {
    facts.push(`Tujuan: ${goal.statement}`, `Indikator Tujuan: ${goalLevel.filter((x) => x.goal === goal).map((x) => x.indicator.name).join('; ')}`);
  }
  out.push(list(facts, false));
  const part = (key: boolean, title: string, column: string): void => {
    const rows = inds.filter((x) => x.goal?.kind !== 'tujuan' && (key ? x.indicator.key : !x.indicator.key));
    if (!rows.length) return;
    // each sasaran is a full-width row above its indicators (no row span: a long table breaks between rows)
    const body: Cell[][] = [];
    rows.forEach((x, i) => {
      if (i === 0 || rows[i - 1]?.goal !== x.goal) body.push([text(x.goal ? goalLabel(x.goal) : 'Tanpa sasaran', { colSpan: 4, bold: true })]);
      const ind = x.indicator;
      const explain = [`Formulasi: ${formulaOf(ind)}`, ...(ind.definition ? [`Penjelasan: ${ind.definition}`] : []), ...(ind.criteria ?? []).map((c, k) => `(${k + 1}) ${c}`)];
      const owners = (ind.responsibleUnits ?? []).map((u) => units.get(u) ?? u);
      body.push([
        text(`${i + 1}. ${ind.name}${ind.unit ? ` (${ind.unit})` : ''}`),
        text(explain.join(' ')),
        owners.length ? text(owners.join('; ')) : empty('tidak dicatat'),
        ind.dataSource ? text(ind.dataSource) : empty('tidak dicatat'),
      ]);
    });
    out.push(
      ...tableOrNothing({
        id: `${idPrefix}${key ? 'iku' : 'ikt'}`,
        caption: title,
        header: [[h(column), h('Formulasi dan Penjelasan'), h('Penanggung Jawab'), h('Sumber Data')]],
        body,
        widths: [24, 50, 16, 10],
      }),
    );
  };
  part(true, 'Indikator Kinerja Utama (IKU)', 'IKU');
  part(false, 'Indikator Kinerja Tambahan', 'Indikator Kinerja Tambahan');
  return out;
}

/** The decree as printed: heading, Menimbang, Mengingat, the diktum, the signature; then its lampiran. */
export function decreeBlocks(ctx: LkipContext, d: Decree, idPrefix: string): Block[] {
  const out: Block[] = [
    para(bold(`KEPUTUSAN${d.issuer ? ` ${d.issuer.toUpperCase()}` : ''}`), { align: 'center' }),
    para(bold(`NOMOR ${d.number}`), { align: 'center' }),
    para(bold('TENTANG'), { align: 'center' }),
    para(bold(d.title.toUpperCase()), { align: 'center' }),
  ];
  if (d.considering?.length) out.push(para(bold('Menimbang:')), list(d.considering, true, 'lower-alpha'));
  if (d.recalling?.length) out.push(para(bold('Mengingat:')), list(d.recalling, true));
  if (d.provisions?.length) {
    out.push(para(bold('MEMUTUSKAN:'), { align: 'center' }), para(bold('Menetapkan:')));
    for (const p of d.provisions) {
      out.push(para([bold(`${p.label}: `), p.text], { align: 'justify' }));
      if (p.items?.length) out.push(list(p.items, true, 'lower-alpha'));
    }
  }
  const signer = d.signer;
  if (signer || d.place || d.date) {
    const sig: Signature = {
      type: 'signature',
      ...(d.place ? { place: d.place } : {}),
      ...(d.date ? { date: formatDateId(d.date) } : {}),
      parties: signer ? [{ role: '', position: positionOf(signer), name: signer.name, ...(signer.nip ? { nip: signer.nip } : {}), ...(signer.rank ? { rank: signer.rank } : {}) }] : [],
    };
    out.push(sig);
  }
  out.push({ type: 'pageBreak' }, ...decreeAttachment(ctx, d, idPrefix));
  return out;
}

/** The heading of a decree's appendix. */
export const decreeHeading = (n: number, d: Decree, id: string): Block => heading(2, `Lampiran ${n}. ${decreeTitle(d)}`, id);
