import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import type { Dataset } from '../dataset/schema.js';
import { validateDataset } from '../dataset/validate.js';
import { buildLkip } from '../report/lkip.js';
import type { Block, DocumentModel } from './model.js';
import { resolveValueRefs, valueRefsIn } from './values.js';

const inlineText = (b: Block): string =>
  b.type === 'paragraph' ? b.content.map((i) => (typeof i === 'string' ? i : i.text)).join('') : b.type === 'list' ? b.items.map((it) => it.map((i) => (typeof i === 'string' ? i : i.text)).join('')).join('\n') : '';
const allText = (doc: DocumentModel): string => doc.sections.flatMap((s) => s.blocks.map(inlineText)).join('\n');

const withConclusions = (text: string): Dataset => ({ ...minimalDataset(), narrative: { conclusions: text } });

describe('{{nilai:SUBJECT/QUANTITY}} references', () => {
  it('parses subject and quantity; the agency has an Indonesian name; spaces allowed inside the braces', () => {
    const refs = valueRefsIn('capaian {{nilai:pk-2025/UMM/capaian}}, pagu {{ nilai : perangkat-daerah/anggaran }}, {{nilai:pk-2025/Sasaran}}, {{nilai:pk-2025/ukuran}}');
    expect(refs.map((r) => [r.subject, r.name, r.quantity?.quantity])).toEqual([
      ['pk-2025/UMM', 'capaian', 'achievement'],
      ['agency', 'anggaran', 'budget'],
      ['pk-2025', 'sasaran', 'sasaranCount'],
      ['pk-2025', 'ukuran', undefined],
    ]);
    expect(resolveValueRefs('a {{nilai:x/capaian}} b {{nilai:y/target}}', (r) => `<${r.subject}>`)).toBe('a <x> b <y>');
  });

  it('the LKIP prints each computed figure the Indonesian way where the prose refers to it', () => {
    const doc = buildLkip(
      withConclusions(
        'Capaian UMM {{nilai:pk-2025/UMM/capaian}} ({{nilai:pk-2025/UMM/predikat}}): realisasi {{nilai:pk-2025/UMM/realisasi}} dari target {{nilai:pk-2025/UMM/target}}. ' +
          'PK memuat {{nilai:pk-2025/tujuan}} tujuan, {{nilai:pk-2025/sasaran}} sasaran dan {{nilai:pk-2025/indikator}} indikator, {{nilai:pk-2025/tercapai}} tercapai; anggaran PK {{nilai:pk-2025/anggaran}}; ' +
          'pagu {{nilai:perangkat-daerah/anggaran}}, terserap {{nilai:perangkat-daerah/serapan}}.',
      ),
      2025,
    );
    const text = allText(doc);
    // UMM: 65 ÷ 1000 × 100 = 6,5% against 70 → 9,29%; rows UMM, AWD (Juara 2 vs Juara 1 = 90%), SAKIP 76,1 vs 75
    expect(text).toContain(
      'Capaian UMM 9,29% (Sangat Rendah): realisasi 6,5% dari target 70%. PK memuat 1 tujuan, 1 sasaran dan 3 indikator, 1 tercapai; anggaran PK Rp 100.000.000; pagu Rp 100.000.000, terserap 90,00%.',
    );
    expect(text).not.toContain('{{nilai');
  });

  it('validation refuses an unknown subject, quantity or row with the narrative path, in both languages', () => {
    const { findings } = validateDataset(
      withConclusions('{{nilai:pk-2025/XX/capaian}} {{nilai:pk-2025/ukuran}} {{nilai:capaian}} {{nilai:pk-2025/UMM/serapan}} {{nilai:p1/anggaran}} {{nilai:pk-2025/UMM/capaian}}'),
    );
    const errors = findings.filter((f) => f.code === 'unknown-value-reference');
    expect(errors.map((f) => f.where)).toEqual(Array(4).fill('narrative.conclusions'));
    expect(errors[0]?.message).toContain('agreement pk-2025 has no row for indicator "XX"');
    expect(errors[0]?.localized?.id).toContain('perjanjian kinerja pk-2025 tidak memuat baris indikator "XX"');
    expect(errors[1]?.localized?.id).toContain('"ukuran" bukan besaran yang dikenal');
    expect(errors[2]?.message).toContain('names no subject');
    expect(errors[3]?.localized?.id).toContain('"serapan" bukan besaran untuk indikator');
  });
});
