import { expect, it } from 'vitest';
import { FIXTURE_PLAN } from '../dataset/fixtures.js';
import { windowOf } from '../registers/conditions.js';
import { registerDataset } from '../registers/fixtures.js';
import { figuresFromPlain, figuresKey, figuresToPlain } from '../registers/figures-plain.js';
import type { RegisterFigures } from '../measure/register.js';
import { buildPublication, canonicalize, type PublicationRecipe } from './publication.js';

const ds = () => {
  const d = registerDataset();
  d.plans[0]!.indicators![0]!.fromRegister = {
    since: 2025,
    count: { register: 'koperasi', where: [{ event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } }] },
    of: { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] },
  };
  return d;
};
const figures: RegisterFigures = {
  indicators: new Map([[`${FIXTURE_PLAN}/UMM`, new Map([[2025, [{ period: 'Q4' as const, asOf: windowOf(2025, 'Q4').to, numerator: 571, denominator: 857 }]]])]]),
  tables: new Map(),
};

it('keeps register figures as JSON that reads back the same, in canonical form too', () => {
  const plain = canonicalize(figuresToPlain(figures));
  expect(plain.indicators[`${FIXTURE_PLAN}/UMM`]!['2025']![0]).toMatchObject({ numerator: 571, denominator: 857 });
  expect(canonicalize(figuresToPlain(figuresFromPlain(plain)))).toEqual(plain);
  expect(figuresFromPlain(plain).indicators.get(`${FIXTURE_PLAN}/UMM`)?.get(2025)).toEqual(figures.indicators.get(`${FIXTURE_PLAN}/UMM`)?.get(2025));
  expect(figuresKey(figures)).not.toBe(figuresKey({ indicators: new Map(), tables: new Map() }));
  expect(figuresKey(undefined)).toBe('');
});

it('an issued LKIP renders from the register figures kept in its settings', () => {
  const recipe = (registerFigures?: ReturnType<typeof figuresToPlain>): PublicationRecipe => ({
    kind: 'lkip',
    year: 2025,
    settings: registerFigures ? { registerFigures } : {},
    issuedAt: '2026-02-01T09:00:00+07:00',
  });
  // 571 of 857 active cooperatives: 66,63 %
  const kept = JSON.stringify(buildPublication(ds(), recipe(canonicalize(figuresToPlain(figures)))));
  expect(kept).toContain('66,63');
  const without = JSON.stringify(buildPublication(ds(), recipe()));
  expect(without).not.toContain('66,63');
});
