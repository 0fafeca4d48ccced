/** Human-readable review: each contradiction with where, what was printed, what the data gives and why. */
import { createColors } from 'picocolors';
import { formatNumber } from '../core/format.js';
import type { ClaimCheck, ReviewResult } from '../core/review/index.js';

export interface ReviewRenderOptions {
  color: boolean;
  /** list agreeing and unchecked claims too */
  all: boolean;
}

function shown(v: ClaimCheck['printed'] | undefined, precision?: number): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'number') return formatNumber(v, Math.max(precision ?? 2, 2), { trim: true });
  if (typeof v === 'boolean') return v ? 'tercapai' : 'tidak tercapai';
  return v;
}

export function renderReview(result: ReviewResult, opts: ReviewRenderOptions): string {
  const c = createColors(opts.color);
  const out: string[] = [c.bold(`Reviu Laporan Kinerja ${result.agency} tahun ${result.year}`), ''];
  const s = result.summary;
  const label = { agrees: c.green('sesuai'), contradicts: c.red('BERTENTANGAN'), unchecked: c.dim('tidak dapat diperiksa') };
  const shownChecks = opts.all ? result.checks : result.checks.filter((k) => k.status === 'contradicts');
  for (const k of shownChecks) {
    out.push(`${label[k.status]} ${c.bold(k.where)}`);
    out.push(`  ${k.subject} · ${k.quantity}${k.year !== result.year ? ` · ${k.year}` : ''}`);
    out.push(`  tercetak: ${k.raw ?? shown(k.printed)}   data: ${k.status === 'unchecked' ? '-' : shown(k.computed ?? null)}`);
    out.push(`  ${c.dim(k.explanation)}`);
  }
  if (shownChecks.length) out.push('');
  out.push(
    `${s.claims} angka tercetak diperiksa: ${s.contradicted} bertentangan dengan data, ${s.agreed} sesuai, ${s.unchecked} tidak dapat diperiksa.`,
  );
  // figures typed into the narrative, checked like claims (docs/claims.md)
  const n = result.narrative.summary;
  const shownFigures = opts.all ? result.narrative.checks : result.narrative.checks.filter((k) => k.status === 'contradicts');
  if (n.figures > 0) {
    out.push('');
    for (const k of shownFigures) {
      out.push(`${label[k.status]} ${c.bold(k.where)} "${k.text}"`);
      out.push(`  ${k.subject} · ${k.quantity}   narasi: ${shown(k.printed)}   data: ${k.status === 'unchecked' ? '-' : shown(k.computed ?? null, k.precision)}`);
      out.push(`  ${c.dim(k.explanation)}; tulis ${k.reference}`);
    }
    if (shownFigures.length) out.push('');
    out.push(`${n.figures} angka yang diketik dalam narasi diperiksa: ${n.contradicted} bertentangan dengan data, ${n.agreed} sesuai, ${n.unchecked} tidak dapat diperiksa.`);
  }
  if (!opts.all && s.agreed + s.unchecked + n.agreed + n.unchecked > 0) out.push(c.dim('(--all menampilkan semuanya; --json untuk data lengkap)'));
  return out.join('\n') + '\n';
}
