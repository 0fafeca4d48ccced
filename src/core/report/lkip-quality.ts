/**
 * What the LKIP says so that no figure hides another, and what it says about its own data:
 * - the headline of an agreement (measurement.md, "Headline"): its rows counted per predicate,
 *   and a mean only with its cap stated;
 * - "Catatan Kualitas Data": the year's data-quality findings (core/quality) as Indonesian
 *   sentences, each naming the indicator or spending line it is about. The section is there
 *   only when there is a finding, so the reader of a draft sees what to check before issuing.
 */
import type { Block } from '../document/model.js';
import { messageIn } from '../findings.js';
import { headline } from '../measure/headline.js';
import { qualityFindings, qualityLabel, type QualityFinding } from '../quality/index.js';
import { measureYear } from '../measure/index.js';
import { heading, list, para } from './common.js';
import type { AgreementOfYear, LkipContext } from './lkip-context.js';

/** "Sebaran kriteria: 4 indikator: 3 Sangat Tinggi, 1 Sangat Rendah; rata-rata capaian (setiap capaian dibatasi 100%) 76,83% …" */
export function headlineSentence(ctx: LkipContext, a: AgreementOfYear): string {
  const rules = ctx.mc.rulesFor(null);
  const hl = headline(a.res.rows, rules.ratingScale, rules.achievementCap);
  return `Sebaran kriteria ${a.title}: ${hl.text.id}${hl.meanText ? `; ${hl.meanText.id}` : ''}.`;
}

/** The data-quality findings of the report's year. */
export function reportQuality(ctx: LkipContext): QualityFinding[] {
  return qualityFindings({ ds: ctx.ds, measurement: ctx.m, previous: measureYear(ctx.mc, ctx.year - 1), regionSettings: ctx.mc.regionSettings, idx: ctx.idx, budget: ctx.mc.budget });
}

/** The section's blocks; none when the data has no finding. */
export function qualityNotes(ctx: LkipContext, found: readonly QualityFinding[] = reportQuality(ctx)): Block[] {
  if (found.length === 0) return [];
  const sentence = (f: QualityFinding): string => {
    // a signed report states what the data show; the dashboard's "periksa …" (what to do about it) is left out here
    const m = messageIn('id', f).replace(/;\s*periksa\b[^;]*$/i, '');
    return `${qualityLabel(f.code)} — ${m.charAt(0).toUpperCase()}${m.slice(1)}${/[.?!]$/.test(m) ? '' : '.'}`;
  };
  return [
    heading(1, 'CATATAN KUALITAS DATA', 'catatan-kualitas-data'),
    para(
      `Pemeriksaan data tahun ${ctx.year} menemukan ${found.length} catatan: angka yang mungkin tetapi tidak wajar, atau yang bertentangan dengan cara kerja anggaran dan alur persetujuan. Angka-angka itu disajikan sebagaimana tercatat dalam sumbernya; catatan ini menunjukkan di mana angka tersebut perlu dibaca dengan hati-hati.`,
      { align: 'justify' },
    ),
    list(found.map(sentence), true),
  ];
}
