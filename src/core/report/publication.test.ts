import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_AGREEMENT, minimalDataset } from '../dataset/fixtures.js';
import { Dataset } from '../dataset/schema.js';
import { review } from '../review/index.js';
import { buildAgreement } from './agreement.js';
import { buildLkip } from './lkip.js';
import { buildPublication, canonicalJson, canonicalize, PublicationError } from './publication.js';
import { buildReviewDocument } from './review-doc.js';

const demo = (): Dataset =>
  Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

/** The same JSON value with every object's keys in reverse order (as a database might hand it back). */
function shuffled<T>(v: T): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).reverse().map(([k, y]) => [k, walk(y)]));
    return x;
  };
  return walk(v) as T;
}

const ISSUED = '2026-01-31T08:00:00Z';

describe('canonicalize', () => {
  it('orders keys, drops undefined, keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: -0 }], c: 2 } })).toBe('{"a":{"c":2,"d":[3,{"x":0,"z":1}]},"b":1}');
    expect(canonicalJson(shuffled(demo()))).toBe(canonicalJson(demo()));
  });
});

describe('buildPublication', () => {
  it('builds each kind as its own builder does, stamped with the issue time', () => {
    const ds = demo();
    const lkip = buildPublication(ds, { kind: 'lkip', year: 2025, settings: {}, issuedAt: ISSUED });
    expect(lkip).toEqual({ ...buildLkip(ds, 2025), issuedAt: ISSUED });
    const ag = buildPublication(ds, { kind: 'agreement', year: 2025, subject: ds.agreements[0]!.id, settings: {}, issuedAt: ISSUED });
    expect(ag).toEqual({ ...buildAgreement(ds, ds.agreements[0]!.id), issuedAt: ISSUED });
    const rv = buildPublication(ds, { kind: 'review', year: 2025, settings: {}, issuedAt: ISSUED });
    expect(rv).toEqual({ ...buildReviewDocument(ds, 2025, review(ds, 2025)), issuedAt: ISSUED });
  });

  it('gives the same document whatever order the snapshot’s keys come back in', () => {
    const ds = demo();
    const recipe = { kind: 'lkip' as const, year: 2025, settings: {}, issuedAt: ISSUED };
    expect(JSON.stringify(buildPublication(shuffled(ds), recipe))).toBe(JSON.stringify(buildPublication(ds, recipe)));
  });

  it('uses the region settings it is given', () => {
    const ds = minimalDataset();
    const plain = buildPublication(ds, { kind: 'lkip', year: 2025, settings: {}, issuedAt: ISSUED });
    const strict = buildPublication(ds, {
      kind: 'lkip',
      year: 2025,
      settings: { regionSettings: { ratingScale: [{ min: 0, label: 'Kurang', color: '#ff0000' }, { min: 99.5, label: 'Sempurna', color: '#00ff00' }] } },
      issuedAt: ISSUED,
    });
    expect(JSON.stringify(strict)).not.toBe(JSON.stringify(plain));
    expect(JSON.stringify(strict)).toContain('Sempurna');
  });

  it('refuses a recipe that does not fit', () => {
    const ds = minimalDataset();
    expect(() => buildPublication(ds, { kind: 'agreement', year: 2025, settings: {}, issuedAt: ISSUED })).toThrow(PublicationError);
    expect(() => buildPublication(ds, { kind: 'agreement', year: 2024, subject: FIXTURE_AGREEMENT, settings: {}, issuedAt: ISSUED })).toThrow(
      /agreement "pk-2025" is of 2025, not 2024/,
    );
    expect(() => buildPublication(ds, { kind: 'lkip', year: 2025, subject: 'x', settings: {}, issuedAt: ISSUED })).toThrow(/an LKIP has no subject/);
    expect(() => buildPublication(ds, { kind: 'agreement', year: 2025, subject: 'pk-1999', settings: {}, issuedAt: ISSUED })).toThrow(/pk-1999/);
  });

  it('keeps the canonical snapshot apart from the caller’s dataset', () => {
    const ds = minimalDataset();
    const before = JSON.stringify(ds);
    buildPublication(ds, { kind: 'lkip', year: 2025, settings: {}, issuedAt: ISSUED });
    expect(JSON.stringify(ds)).toBe(before);
    expect(canonicalize(ds)).not.toBe(ds);
  });
});
