/**
 * Validation is the import's contract: every value the store cannot hold (or would not give
 * back equal) is refused by validation with its path, in both languages (issue 9).
 */
import { describe, expect, it } from 'vitest';
import { minimalDataset } from './fixtures.js';
import { parseDocumentText } from './io.js';
import { LIMITS } from './schema.js';
import { validateDocument } from './validate.js';
import { MAX_SCAN_FINDINGS, scanDocument } from './limits.js';
import type { Finding } from '../findings.js';

type Doc = Record<string, any>; // a plain JSON document, edited freely
const edited = (edit: (d: Doc) => void): Doc => {
  const d = minimalDataset() as unknown as Doc;
  edit(d);
  return d;
};
const errorsOf = (doc: unknown): Finding[] => {
  const r = validateDocument(doc);
  expect(r.kind, 'the document is refused').toBe('invalid');
  return r.findings.filter((f) => f.severity === 'error');
};
/** The one error at `where`, its code and both texts. */
function onlyErrorAt(doc: unknown, where: string): Finding {
  const fs = errorsOf(doc);
  const at = fs.filter((f) => f.where === where);
  expect(at, `one error at ${where}; got ${JSON.stringify(fs.map((f) => [f.where, f.code]))}`).toHaveLength(1);
  expect(at[0]!.localized?.id).toBeTruthy();
  return at[0]!;
}

describe('text the store cannot hold', () => {
  it('refuses NUL in a text with its path and position', () => {
    const f = onlyErrorAt(edited((d) => (d.agency.head.name = 'Budi\u0000Santoso')), 'agency.head.name');
    expect(f.code).toBe('nul-character');
    expect(f.message).toContain('U+0000');
    expect(f.message).toContain('character 5');
    expect(f.localized?.id).toContain('karakter ke-5');
  });

  it('refuses NUL in free data under extra and in a key', () => {
    expect(onlyErrorAt(edited((d) => (d.extra = { a: ['x', 'y\u0000'] })), 'extra.a[1]').code).toBe('nul-character');
    expect(onlyErrorAt(edited((d) => (d.extra = { 'k\u0000': 1 })), 'extra["k\\u0000"]').code).toBe('nul-character');
  });

  it('refuses a lone surrogate (high or low) but keeps a pair (an emoji)', () => {
    expect(onlyErrorAt(edited((d) => (d.plans[0].title = 'Renstra \ud800')), 'plans[0].title').code).toBe('broken-character');
    expect(onlyErrorAt(edited((d) => (d.plans[0].title = '\udc00 Renstra')), 'plans[0].title').message).toContain('U+DC00');
    expect(validateDocument(edited((d) => (d.plans[0].title = 'Renstra 😀'))).kind).toBe('dataset');
  });

  it(`refuses a text longer than ${LIMITS.textLength} characters, and a name longer than ${LIMITS.nameLength}`, () => {
    const note = onlyErrorAt(edited((d) => (d.plans[0].note = 'x'.repeat(LIMITS.textLength + 1))), 'plans[0].note');
    expect(note.code).toBe('text-too-long');
    expect(note.message).toBe('the text has 50,001 characters; at most 50,000 are allowed');
    expect(note.localized?.id).toBe('teks berisi 50.001 karakter; paling banyak 50.000 karakter');
    expect(validateDocument(edited((d) => (d.plans[0].note = 'x'.repeat(LIMITS.textLength)))).kind).toBe('dataset');
    // the 10 MB name of the issue: refused by its own limit (one finding, not two)
    const name = onlyErrorAt(edited((d) => (d.agency.name = 'N'.repeat(10_000_000))), 'agency.name');
    expect(name.code).toBe('out-of-range');
    expect(name.message).toMatch(/^expected at most 500 characters, got 10,000,000 characters \(string "N+…"\)$/);
    expect(name.localized?.id).toMatch(/^seharusnya paling banyak 500 karakter, tetapi berisi 10\.000\.000 karakter \(teks "N+…"\)$/);
  });
});

describe('numbers', () => {
  it('says a number that reads as infinity (1e400) is too large, with its path', () => {
    const doc = parseDocumentText(JSON.stringify(minimalDataset()).replace('"endTarget":75', '"endTarget":1e400'), 'd.json');
    const f = onlyErrorAt(doc, 'plans[0].indicators[0].endTarget');
    expect(f.code).toBe('number-too-large');
    expect(f.message).toMatch(/^the number is too large/);
    expect(f.message).not.toContain('got number Infinity');
    expect(f.localized?.id).toMatch(/^angka terlalu besar/);
  });

  it('refuses infinity and NaN from YAML (.inf, -.inf, .nan), also under extra', () => {
    const yaml = 'format: kinerja-dataset/1\nextra: {a: .inf, b: -.inf, c: .nan}\n';
    const fs = errorsOf(parseDocumentText(yaml, 'd.yaml'));
    expect(fs.filter((f) => f.where.startsWith('extra')).map((f) => [f.where, f.code])).toEqual([
      ['extra.a', 'number-too-large'],
      ['extra.b', 'number-too-large'],
      ['extra.c', 'not-a-number'],
    ]);
  });
});

describe('dates', () => {
  it.each(['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31'])('refuses %s with the years allowed', (date) => {
    const f = onlyErrorAt(edited((d) => (d.agreements[0].signedOn = date)), 'agreements[0].signedOn');
    expect(f.message).toBe(`expected a date between 1900-01-01 and 2100-12-31, got string "${date}"`);
    expect(f.localized?.id).toBe(`seharusnya tanggal antara 1900-01-01 dan 2100-12-31, tetapi berisi teks "${date}"`);
  });

  it('refuses a day the calendar does not have and accepts the limits', () => {
    expect(onlyErrorAt(edited((d) => (d.agreements[0].signedOn = '2025-02-29')), 'agreements[0].signedOn').code).toBe('invalid-format');
    for (const date of ['1900-01-01', '2100-12-31', '2024-02-29']) expect(validateDocument(edited((d) => (d.agreements[0].signedOn = date))).kind).toBe('dataset');
  });
});

describe('nesting', () => {
  it(`refuses free data nested more than ${LIMITS.depth} levels below the root, once, at the first level too deep`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    const fs = errorsOf(edited((d) => (d.extra = { x: deep })));
    expect(fs.map((f) => f.code)).toEqual(['too-deep']);
    expect(fs[0]!.where).toBe(`extra.x${'[0]'.repeat(LIMITS.depth - 1)}`);
  });

  it('accepts free data up to the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < LIMITS.depth - 2; i++) deep = [deep];
    expect(validateDocument(edited((d) => (d.extra = { x: deep }))).kind).toBe('dataset');
  });
});

describe('ids', () => {
  it(`refuses an id longer than ${LIMITS.idLength} characters (the issue's 100 KB id)`, () => {
    const f = onlyErrorAt(edited((d) => (d.plans[0].goals[1].id = 'x'.repeat(100_000))), 'plans[0].goals[1].id');
    expect(f.message).toMatch(/^expected an id of at most 64 characters, got 100,000 characters/);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', '..', '.'])('refuses the id %s', (id) => {
    const f = onlyErrorAt(edited((d) => (d.decrees = [{ id, number: '1', title: 'SK' }])), 'decrees[0].id');
    expect(f.code).toBe('invalid-id');
  });

  it.each(['../../etc', 'a/b', 'a\\b', 'tab\there'])('refuses the path-like or control id %j', (id) => {
    expect(onlyErrorAt(edited((d) => (d.decrees = [{ id, number: '1', title: 'SK' }])), 'decrees[0].id').code).toBe('invalid-id');
  });

  it('refuses unsafe agency codes: __proto__, ../.., empty', () => {
    for (const code of ['__proto__', '../../x', '']) {
      expect(onlyErrorAt(edited((d) => (d.agency.code = code)), 'agency.code').code).toBe(code === '' ? 'out-of-range' : 'invalid-id');
    }
  });

  it('refuses an agency whose id, derived from its abbreviation "!!!", would be empty', () => {
    const f = onlyErrorAt(edited((d) => (d.agency.abbreviation = '!!!')), 'agency.abbreviation');
    expect(f.code).toBe('invalid-id');
    expect(f.message).toContain('"!!!"');
    expect(f.localized?.id).toContain('"!!!"');
    // and one derived from the name, when there is no abbreviation
    expect(onlyErrorAt(edited((d) => (delete d.agency.abbreviation, (d.agency.name = '—'))), 'agency.name').code).toBe('invalid-id');
    // a code gives the id, whatever the abbreviation
    expect(validateDocument(edited((d) => ((d.agency.abbreviation = '!!!'), (d.agency.code = '1.01')))).kind).toBe('dataset');
  });

  it('refuses a derived agency id that is too long or a reserved word', () => {
    expect(onlyErrorAt(edited((d) => (d.agency.abbreviation = 'a'.repeat(65))), 'agency.abbreviation').code).toBe('invalid-id');
    expect(onlyErrorAt(edited((d) => (d.agency.abbreviation = 'Constructor')), 'agency.abbreviation').code).toBe('invalid-id');
  });

  it('refuses it inside a region too, at the agency', () => {
    const region = { format: 'kinerja-region/1', region: 'Kabupaten Contoh', agencies: [edited((d) => (d.agency.abbreviation = '!!!'))] };
    expect(onlyErrorAt(region, 'agencies[0].agency.abbreviation').code).toBe('invalid-id');
  });
});

describe('__proto__ keys do not vanish', () => {
  const withKey = (json: string): unknown => parseDocumentText(json, 'd.json');
  it('refuses __proto__ under extra (JSON and YAML) with its path', () => {
    const json = JSON.stringify(edited((d) => (d.extra = { a: 1 }))).replace('"extra":{"a":1}', '"extra":{"a":1,"__proto__":{"b":2}}');
    const f = onlyErrorAt(withKey(json), 'extra.__proto__');
    expect(f.code).toBe('reserved-key');
    expect(f.message).toContain('"__proto__"');
    const yaml = parseDocumentText('format: kinerja-dataset/1\nextra:\n  __proto__: {b: 2}\n', 'd.yaml');
    expect(errorsOf(yaml).filter((x) => x.where === 'extra.__proto__').map((x) => x.code)).toEqual(['reserved-key']);
  });

  it('refuses __proto__ among targets and as a field of a record (one finding)', () => {
    const json = JSON.stringify(minimalDataset()).replace('"2024":65', '"2024":65,"__proto__":5');
    expect(onlyErrorAt(withKey(json), 'plans[0].indicators[0].targets.__proto__').code).toBe('reserved-key');
    const field = JSON.stringify(minimalDataset()).replace('"level":"renstra"', '"level":"renstra","__proto__":{}');
    expect(onlyErrorAt(withKey(field), 'plans[0].__proto__').code).toBe('reserved-key');
  });

  it('keeps other JavaScript names as keys of free data (they are stored as they are)', () => {
    expect(validateDocument(edited((d) => (d.extra = { constructor: 1, toString: 'x', prototype: [] }))).kind).toBe('dataset');
  });
});

describe('the scan', () => {
  it(`lists at most ${MAX_SCAN_FINDINGS} problems, then says how many more`, () => {
    const fs = scanDocument({ extra: { list: Array.from({ length: 250 }, () => '\u0000') } });
    expect(fs).toHaveLength(MAX_SCAN_FINDINGS + 1);
    expect(fs[MAX_SCAN_FINDINGS]).toMatchObject({ code: 'more-problems', where: '(document)' });
    expect(fs[MAX_SCAN_FINDINGS]!.message).toMatch(/^150 more problems/);
  });

  it('finds nothing in the fixture', () => {
    expect(scanDocument(minimalDataset())).toEqual([]);
  });
});
