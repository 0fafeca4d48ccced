import { describe, expect, it } from 'vitest';
import { DatasetParseError, formatFromName, parseDocumentText, serializeDocument } from './io.js';
import { minimalDataset } from './fixtures.js';

function parseError(text: string, source: string): DatasetParseError {
  try {
    parseDocumentText(text, source);
  } catch (e) {
    if (e instanceof DatasetParseError) return e;
    throw e;
  }
  throw new Error('expected a DatasetParseError');
}

describe('parseDocumentText', () => {
  it.each(['', '   ', '\n\t\n', '\uFEFF  \n'])('an empty or blank text (%j) is "file is empty"', (text) => {
    const e = parseError(text, 'data/opd.json');
    expect(e.findings).toEqual([
      { severity: 'error', code: 'empty-file', where: 'data/opd.json', message: 'file is empty', localized: { id: 'berkas kosong' } },
    ]);
    expect(e.source).toBe('data/opd.json');
    expect(e.message).toContain('file is empty');
  });

  it('reads JSON by extension and by a leading brace', () => {
    const ds = minimalDataset();
    const text = JSON.stringify(ds);
    expect(parseDocumentText(text, 'a.json')).toEqual(ds);
    expect(parseDocumentText(`  ${text}`, 'stdin')).toEqual(ds);
    expect(parseDocumentText(`\uFEFF${text}`, 'a.json')).toEqual(ds);
  });

  it.each([
    ['a trailing comma', '{\n  "a": 1,\n}', 3, 1, /trailing comma/],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected "," or "}"/],
    ['a bare word', '{\n  "a": tru\n}', 2, 8, /unexpected "tru"/],
    ['a single-quoted string', "{\n  \"a\": 'x'\n}", 2, 8, /double quotes/],
    ['an unterminated string', '{\n  "a": "x\n}', 2, 10, /control character|closing quote/],
    ['an unclosed object', '{\n  "a": [1, 2]', 2, 14, /expected "," or "}"/],
    ['text after the end', '{"a": 1}\n{"b": 2}', 2, 1, /after the end/],
    ['two commas in a list', '{"a": [1,,2]}', 1, 10, /empty item/],
  ])('malformed JSON (%s) says line and column', (_name, text, line, column, what) => {
    const e = parseError(text, 'opd.json');
    expect(e.findings).toHaveLength(1);
    const f = e.findings[0]!;
    expect(f.code).toBe('invalid-json');
    expect(f.where).toBe(`opd.json:${line}:${column}`);
    expect(f.message).toContain(`line ${line}, column ${column}`);
    expect(f.message).toMatch(what);
    expect(f.localized?.id).toContain(`JSON tidak sah pada baris ${line}, kolom ${column}: `);
  });

  it('YAML is accepted and gives the same document as the JSON', () => {
    const ds = minimalDataset();
    const yaml = serializeDocument(ds, 'yaml');
    expect(yaml).not.toContain('{"format"');
    expect(parseDocumentText(yaml, 'opd.yaml')).toEqual(parseDocumentText(JSON.stringify(ds), 'opd.json'));
    expect(parseDocumentText(yaml, 'opd.yml')).toEqual(ds);
  });

  it('hand-written YAML keeps dates and year keys as text', () => {
    const doc = parseDocumentText('signedOn: 2025-01-02\ntargets:\n  2025: 70\nflag: yes\n', 'x.yaml');
    expect(doc).toEqual({ signedOn: '2025-01-02', targets: { '2025': 70 }, flag: 'yes' });
  });

  it('malformed YAML says line and column', () => {
    const e = parseError('format: kinerja-dataset/1\nplans: [1, 2\nagreements: []\n', 'opd.yaml');
    const f = e.findings[0]!;
    expect(f.code).toBe('invalid-yaml');
    expect(f.where).toMatch(/^opd\.yaml:\d+:\d+$/);
    expect(f.message).toMatch(/^malformed YAML at line \d+, column \d+: /);
  });

  it('a duplicate key in YAML is an error, at its line', () => {
    const e = parseError('a: 1\nb: 2\na: 3\n', 'opd.yaml');
    expect(e.findings[0]).toMatchObject({ code: 'invalid-yaml', where: 'opd.yaml:3:1' });
    expect(e.findings[0]!.message).toMatch(/unique/);
  });
});

describe('serializeDocument', () => {
  it('writes JSON with two-space indentation and a final newline', () => {
    const text = serializeDocument({ a: 1, b: [true] }, 'json');
    expect(text).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}\n');
  });

  it('round-trips values YAML could misread', () => {
    const doc = {
      year: '2025',
      date: '2025-01-02',
      yes: 'yes',
      nul: 'null',
      num: '1e3',
      lead: ' spaced ',
      colon: 'a: b',
      hash: '# not a comment',
      multi: 'line one\nline two',
      long: 'kata '.repeat(60),
      money: 26796144571.6,
      tiny: 1e-7,
      neg: -4.5,
      nothing: null,
      flags: [true, false],
      targets: { '2025': 70, '2026': 75 },
      empty: {},
      list: [],
    };
    for (const format of ['json', 'yaml'] as const) {
      expect(parseDocumentText(serializeDocument(doc, format), `x.${format}`)).toEqual(doc);
    }
  });

  it('writes a shared object in full each time (no YAML aliases)', () => {
    const person = { name: 'A', position: 'B' };
    const yaml = serializeDocument({ first: person, second: person }, 'yaml');
    expect(yaml).not.toMatch(/[&*]a\d/);
    expect(parseDocumentText(yaml, 'x.yaml')).toEqual({ first: person, second: person });
  });
});

describe('formatFromName', () => {
  it('reads the extension', () => {
    expect(formatFromName('a.JSON')).toBe('json');
    expect(formatFromName('dir/a.yaml')).toBe('yaml');
    expect(formatFromName('a.yml')).toBe('yaml');
    expect(formatFromName('a.txt')).toBeUndefined();
  });
});

describe('hostile YAML and JSON (issue 9)', () => {
  /** A "billion laughs": nine levels of nine aliases, a few hundred bytes that expand to 9⁹ strings. */
  const bomb = (): string => {
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    let prev = 'a';
    for (const n of 'bcdefghi') {
      lines.push(`${n}: &${n} [${Array.from({ length: 9 }, () => `*${prev}`).join(', ')}]`);
      prev = n;
    }
    return `${lines.join('\n')}\n`;
  };

  it('refuses an alias bomb with a finding that names the file, not a ReferenceError', () => {
    const e = parseError(bomb(), 'data/bom.yaml');
    expect(e.findings).toHaveLength(1);
    expect(e.findings[0]).toMatchObject({ severity: 'error', code: 'yaml-alias-bomb', where: 'data/bom.yaml' });
    expect(e.findings[0]!.message).toMatch(/alias bomb/);
    expect(e.findings[0]!.localized?.id).toMatch(/bom alias/);
  });

  it('still reads a few aliases', () => {
    expect(parseDocumentText('a: &x {b: 1}\nc: *x\n', 'd.yaml')).toEqual({ a: { b: 1 }, c: { b: 1 } });
  });

  it('says a YAML nested beyond the parser is nested too deeply, where', () => {
    const e = parseError(`format: x\nextra: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'd.yaml');
    expect(e.findings[0]!.code).toBe('invalid-yaml');
    expect(e.findings[0]!.where).toMatch(/^d\.yaml:2:\d+$/);
    expect(e.findings[0]!.message).toMatch(/nested too deeply to be read$/);
    expect(e.findings[0]!.message).not.toMatch(/call stack/i);
  });

  it('reads a deeply nested JSON (the validation refuses its depth, with a path)', () => {
    const doc = parseDocumentText(`{"extra": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'd.json') as { extra: unknown };
    expect(Array.isArray(doc.extra)).toBe(true);
  });

  it('keeps a __proto__ key of YAML and JSON as an own key (the validation refuses it, with a path)', () => {
    const y = parseDocumentText('extra: {__proto__: {b: 2}}\n', 'd.yaml') as { extra: object };
    const j = parseDocumentText('{"extra": {"__proto__": {"b": 2}}}', 'd.json') as { extra: object };
    expect(Object.keys(y.extra)).toEqual(['__proto__']);
    expect(Object.keys(j.extra)).toEqual(['__proto__']);
  });
});
