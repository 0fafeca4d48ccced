/**
 * Validation is the import's contract (issue 9), as a property on both engines: documents made
 * hostile at random places (NUL, lone surrogates, huge, odd and non-finite numbers, deep
 * nesting, long strings and keys, odd ids and dates, `__proto__` keys) are either refused by
 * validation, with findings that have a path and both languages and leak no stack trace or
 * engine message, or accepted; and everything accepted is stored by the import and exported
 * back equal.
 *
 * A fixed seed makes a run reproducible (CONTRACT_SEED overrides it, CONTRACT_RUNS the number of
 * documents, CONTRACT_VERBOSE=1 prints how many were accepted; a failure prints its seed and
 * counterexample). 100 documents keep the test at a few seconds per engine; longer runs (1,500 on
 * PGlite, 800 on both engines with two other seeds) found no counterexample when it was written.
 */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { agencyId } from '../core/dataset/model.js';
import { LIMITS } from '../core/dataset/schema.js';
import { validateDocument } from '../core/dataset/validate.js';
import type { Finding } from '../core/findings.js';
import { createDatasetQueries } from './datasets.js';
import { forEachEngine, withTestDb } from './testing.js';

const SEED = Number(process.env.CONTRACT_SEED ?? 20261207);
const NUM_RUNS = Number(process.env.CONTRACT_RUNS ?? 100);

type Json = unknown;
type Step = string | number;

// ---------------------------------------------------------------- hostile values

const around = (n: number): number[] => [n - 1, n, n + 1];
const lone = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');
/** Text: ordinary, odd but storable, and what the store cannot hold. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.tuple(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })).map(([a, b]) => `${a}\u0000${b}`),
  fc.tuple(fc.string({ maxLength: 5 }), lone, fc.string({ maxLength: 5 })).map(([a, s, b]) => `${a}${s}${b}`),
  fc.constantFrom('', ' ', '..', '.', '../../etc/passwd', 'a/b', 'a\\b', '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '😀', '\u2028', '\uffff', 'x\ty', 'NaN', '1e400'),
  fc.constantFrom(...[LIMITS.idLength, LIMITS.refLength, LIMITS.nameLength, LIMITS.keyLength, LIMITS.textLength].flatMap(around)).chain((n) =>
    fc.constantFrom('x', 'é', '😀', 'ab').map((unit) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
  ),
);
const hostileDate = fc.oneof(
  fc.constantFrom('0000-01-01', '1899-12-31', '1900-01-01', '2100-12-31', '2101-01-01', '9999-12-31', '2025-02-29', '2024-02-29', '2025-13-01', '2025-1-1', '+002025-01-01'),
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(Infinity, -Infinity, NaN, 1e308, -1e308, Number.MAX_VALUE, 5e-324, -0, 0.1 + 0.2, 2 ** 53 + 2, 1900, 2100, 2200, 2201, 0, -1),
  fc.double(),
  fc.integer(),
);
/** A value nested `depth` levels deep (lists and objects). */
const nested = fc.integer({ min: 20, max: 40 }).chain((depth) =>
  fc.boolean().map((asObject) => {
    let v: Json = 'bottom';
    for (let i = 0; i < depth; i++) v = asObject ? { k: v } : [v];
    return v;
  }),
);
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', '', 'extra', 'note', 'id', '2025', 'a\u0000b', 'a\ud800', 'k'.repeat(LIMITS.keyLength + 1), 'k'.repeat(LIMITS.keyLength)),
  fc.string({ maxLength: 6 }),
);
/** An object with an own key (`__proto__` included, as JSON.parse makes it). */
const withKey = (key: string, value: Json): Record<string, Json> => {
  const o: Record<string, Json> = {};
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
};
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileDate },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: fc.tuple(hostileKey, fc.oneof(hostileText, hostileNumber)).map(([k, v]) => withKey(k, v)) },
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, true, [], {}) },
);

/** Odd values the store must hold and give back: within every limit, finite, no NUL or lone surrogate. */
const storableText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('😀', '\u2028', '\uffff', '\ufeff', 'x\ty\r\n', '\u0001', '\\', '"', "'", 'é'.repeat(LIMITS.nameLength), 'x'.repeat(LIMITS.textLength)),
);
const storableNumber = fc.oneof(fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, 5e-324, -0, 0.1 + 0.2, 2 ** 53 + 2, 1e21, 123456789.123456789), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
const storableKey = fc.oneof(fc.constantFrom('constructor', 'toString', 'prototype', '', 'a b', '2025', 'k'.repeat(LIMITS.keyLength), '😀'), fc.string({ maxLength: 6 })).filter((k) => k !== '__proto__');
const storableValue: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    storableText,
    storableNumber,
    fc.constantFrom<Json>(null, true, false),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.array(fc.tuple(storableKey, tie('v')), { maxLength: 3 }).map((pairs) => Object.fromEntries(pairs)),
  ),
})).v;

// ---------------------------------------------------------------- where to put them

/** Every place in a document: [path, value] of each node. */
function places(doc: Json): [Step[], Json][] {
  const out: [Step[], Json][] = [];
  const walk = (v: Json, path: Step[]): void => {
    out.push([path, v]);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc, []);
  return out;
}

type Injection = { at: number; how: 'replace' | 'key' | 'extra'; key: string; value: Json };
const injection: fc.Arbitrary<Injection> = fc.oneof(
  // something hostile anywhere
  { weight: 1, arbitrary: fc.record({ at: fc.nat(), how: fc.constantFrom<Injection['how']>('replace', 'replace', 'key', 'extra'), key: hostileKey, value: hostileValue }) },
  // odd but storable free data under some object's `extra`
  { weight: 2, arbitrary: fc.record({ at: fc.nat(), how: fc.constant<Injection['how']>('extra'), key: storableKey, value: storableValue }) },
);

/** Objects that are maps (keys are data), not objects of the format. */
const MAPS = new Set(['targets', 'periodTargets', 'needed', 'filled', 'extra']);

/** The fixture (or a region of it) with each injection applied at a place chosen by its index. */
function hostileDocument(injections: Injection[], asRegion: boolean): Json {
  const doc = minimalDataset() as unknown as Record<string, Json>;
  for (const inj of injections) {
    const all = places(doc).filter(([p]) => p[0] !== 'format');
    // a key or `extra` goes into an object of the format (not into a map of years or free data)
    const objects = all.filter(([p, v]) => v !== null && typeof v === 'object' && !Array.isArray(v) && !MAPS.has(String(p[p.length - 1])));
    const from = inj.how === 'replace' ? all.filter(([p]) => p.length > 0) : objects;
    const [path, value] = from[inj.at % from.length]!;
    if (inj.how === 'replace') {
      const parent = path.slice(0, -1).reduce<Json>((v, s) => (v as Record<Step, Json>)[s], doc) as Record<Step, Json>;
      parent[path[path.length - 1]!] = inj.value;
    } else if (inj.how === 'key') Object.defineProperty(value, inj.key, { value: inj.value, enumerable: true, writable: true, configurable: true });
    else (value as Record<string, Json>).extra = withKey(inj.key, inj.value);
  }
  return asRegion ? { format: 'kinerja-region/1', region: 'Kabupaten Contoh', agencies: [doc] } : doc;
}

/** What a refusal must never show: a stack frame, an engine's or a library's own words. */
const RAW = /\n\s+at |Maximum call stack|invalid input syntax|Unicode escape|violates|out of range:|ReferenceError|TypeError|RangeError|received Infinity|received NaN|got number (Infinity|NaN)/;

function expectCleanRefusal(findings: Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const f of findings) {
    expect(f.where, f.message).not.toBe('');
    expect(f.localized?.id, f.message).toBeTruthy();
    expect(f.message).not.toMatch(RAW);
    expect(f.localized!.id).not.toMatch(RAW);
  }
}

/** The document as JSON gives it back (what the store is meant to return). */
const asJson = (doc: Json): Json => JSON.parse(JSON.stringify(doc));

forEachEngine('validate accepts ⇔ import stores (property)', (engine) => {
  it(`holds for ${NUM_RUNS} hostile documents (seed ${SEED})`, () =>
    withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(injection, { minLength: 1, maxLength: 2 }), fc.nat(4), async (injections, regionRoll) => {
          const asRegion = regionRoll === 0;
          const doc = hostileDocument(injections, asRegion);
          const result = validateDocument(doc);
          if (result.kind === 'invalid') {
            expectCleanRefusal(result.findings);
            return;
          }
          accepted++;
          // accepted: the import stores it, and the export gives it back
          if (result.kind === 'dataset') {
            const { agencyId: id } = await q.importDataset(result.dataset);
            expect(id).toBe(agencyId(result.dataset.agency));
            expect(await q.exportDataset(id)).toEqual(asJson(doc));
          } else {
            const { agencies } = await q.importRegion(result.region);
            const agencies0 = (asJson(doc) as { agencies: Json[] }).agencies;
            for (const [i, id] of agencies.entries()) expect(await q.exportDataset(id)).toEqual(agencies0[i]);
          }
        }),
        { seed: SEED, numRuns: NUM_RUNS, endOnFailure: true },
      );
      if (process.env.CONTRACT_VERBOSE) console.log(`${engine}: ${accepted} of ${NUM_RUNS} accepted and stored`);
      // the property exercised the store, not only the validation
      expect(accepted).toBeGreaterThan(NUM_RUNS / 10);
    }));
});
