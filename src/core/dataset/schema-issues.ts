/**
 * Turn zod issues into findings that say where (a path such as `agreements[1].rows[3].indicator`)
 * and what was expected and found (`expected a number, got string "87,24"`; in Indonesian
 * `seharusnya berupa angka, tetapi berisi teks "87,24"`). IO-free.
 */
import { z } from 'zod';
import * as S from './schema.js';
import { finding, text, zodMessageId, type Finding, type Text } from '../findings.js';

type Issue = z.core.$ZodIssue;
type Segment = PropertyKey;

// ---------------------------------------------------------------- paths

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Write a path the way a developer reads it: array indexes in brackets, fields after a dot,
 * root fields bare, keys that are not plain names quoted in brackets
 * (`plans[0].indicators[2].targets["2025"]`). `prefix` is prepended (`agencies[3]`).
 */
export function formatPath(path: readonly Segment[], prefix = ''): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/** Join a prefix and a relative path written as text (`agencies[3]` + `plans[0].id`). */
export function joinPath(prefix: string, rest: string): string {
  if (prefix === '') return rest;
  if (rest === '') return prefix;
  return rest.startsWith('[') ? prefix + rest : `${prefix}.${rest}`;
}

/** The value at a path in a parsed document (undefined where the path leads nowhere). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

// ---------------------------------------------------------------- describing values

const quote = (s: string, max = 60): string => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);

/** What was found, in plain words: `string "87,24"`, `number 5`, `a list`, `an object`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return v === '' ? 'an empty string' : `string ${quote(v)}`;
  if (typeof v === 'number') return `number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/** What was found, in Indonesian, as the end of "seharusnya …, tetapi …": `berisi teks "87,24"`, `tidak diisi`. */
export function describeValueId(v: unknown): string {
  if (v === undefined) return 'tidak diisi';
  if (v === null) return 'berisi null';
  if (typeof v === 'string') return v === '' ? 'berisi teks kosong' : `berisi teks ${quote(v)}`;
  if (typeof v === 'number') return `berisi angka ${v}`;
  if (typeof v === 'boolean') return `berisi ${v}`;
  if (Array.isArray(v)) return `berisi daftar ${v.length} butir`;
  if (typeof v === 'object') return 'berisi objek';
  return `berisi ${typeof v}`;
}

/**
 * What a value was expected to be, in both languages: English as a noun phrase after
 * "expected" (`a number`), Indonesian as what follows "seharusnya" (`berupa angka`).
 */
const EXPECTED: Record<string, Text> = {
  string: text('a string', 'berupa teks'),
  number: text('a number', 'berupa angka'),
  int: text('a whole number', 'berupa bilangan bulat'),
  boolean: text('true or false (a boolean)', 'berupa true atau false (boolean)'),
  array: text('a list (array)', 'berupa daftar (array)'),
  object: text('an object', 'berupa objek'),
  record: text('an object', 'berupa objek'),
  null: text('null', 'null'),
  undefined: text('nothing', 'tidak diisi'),
  never: text('nothing here', 'tidak diisi di sini'),
};
const expectedWord = (e: string): Text => EXPECTED[e] ?? text(e, `berupa ${e}`);

function joinAlternatives(items: Text[]): Text {
  const en = [...new Set(items.map((t) => t.en))];
  // "berupa teks atau angka": the verb once
  const id = [...new Set(items.map((t) => t.id))].map((s, i) => (i === 0 ? s : s.replace(/^berupa /, '')));
  if (en.length === 0) return text('something else', 'berupa sesuatu yang lain');
  const join = (xs: string[], or: string): string =>
    xs.length === 1 ? (xs[0] ?? '') : xs.length === 2 ? `${xs[0]} ${or} ${xs[1]}` : `${xs.slice(0, -1).join(', ')} ${or} ${xs[xs.length - 1]}`;
  return text(join(en, 'or'), join(id, 'atau'));
}

function literalList(values: readonly unknown[]): Text {
  const shown = values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
  if (shown.length === 1) return text(shown[0] ?? '', shown[0] ?? '');
  return text(`one of ${shown.join(', ')}`, `salah satu dari ${shown.join(', ')}`);
}

/** A message written in schema.ts (`zodMessage`) in Indonesian; the English one when none was given. */
const customId = (en: string): string => zodMessageId(en) ?? en;

const ID_PATTERNS = new Set([String(S.ID_CHARS), String(S.NOT_UNSAFE_ID)]);

/** zod's own default messages; anything else was written in schema.ts and is kept. */
const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

// ---------------------------------------------------------------- naming the object at a path

type LooseDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  discriminator?: string;
  values?: unknown[];
};
const defOf = (s: z.ZodType): LooseDef => s._zod.def as unknown as LooseDef;

const NAMES = new Map<z.ZodType, string>();
for (const [name, value] of Object.entries(S)) {
  if (value instanceof z.ZodType && !NAMES.has(value)) NAMES.set(value, name);
}

/** Give a schema built outside schema.ts (e.g. a region's outer shell) a name for messages. */
export function nameSchema(schema: z.ZodType, name: string): void {
  NAMES.set(schema, name);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Pick the union member a value was most likely meant to be. */
function pickOption(def: LooseDef, v: unknown): z.ZodType | undefined {
  const options = def.options ?? [];
  if (def.discriminator && isPlainObject(v)) {
    const d = v[def.discriminator];
    for (const o of options) {
      const lit = defOf(o).shape?.[def.discriminator];
      if (lit && defOf(lit).values?.includes(d)) return o;
    }
  }
  let best: z.ZodType | undefined;
  let bestScore = -1;
  for (const o of options) {
    const od = defOf(unwrap(o).schema);
    let score = -1;
    if (od.type === 'object' && isPlainObject(v)) {
      const shape = od.shape ?? {};
      score = 1 + Object.keys(v).filter((k) => k in shape).length;
    } else if (od.type === 'array' && Array.isArray(v)) score = 1;
    if (score > bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

function unwrap(s: z.ZodType): { schema: z.ZodType; named: z.ZodType[] } {
  const named: z.ZodType[] = [];
  let cur = s;
  for (;;) {
    if (NAMES.has(cur)) named.push(cur);
    const d = defOf(cur);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType) cur = d.innerType;
    else return { schema: cur, named };
  }
}

/**
 * The name of the object type at `path` ("Indicator", "Measure", "AssetRow.condition"), found by
 * walking the schema beside the input (unions are resolved by the value found there).
 */
export function objectNameAt(root: z.ZodType, input: unknown, path: readonly Segment[]): string {
  let schema: z.ZodType | undefined = root;
  let value: unknown = input;
  let lastName = NAMES.get(root) ?? 'the document';
  let since: string[] = [];
  const settle = (): void => {
    for (let guard = 0; schema && guard < 20; guard++) {
      const u = unwrap(schema);
      const named = u.named[u.named.length - 1];
      if (named) {
        lastName = NAMES.get(named) ?? lastName;
        since = [];
      }
      schema = u.schema;
      const d = defOf(schema);
      if (d.type !== 'union') return;
      schema = pickOption(d, value);
    }
  };
  for (const seg of path) {
    settle();
    if (!schema) break;
    const d = defOf(schema);
    if (d.type === 'object' && typeof seg === 'string') {
      schema = d.shape?.[seg];
      since.push(seg);
    } else if (d.type === 'array') schema = d.element;
    else if (d.type === 'record') schema = d.valueType;
    else schema = undefined;
    value = isPlainObject(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
  }
  settle();
  return since.length > 0 ? `${lastName}.${since.join('.')}` : lastName;
}

// ---------------------------------------------------------------- issues → findings

interface IssueContext {
  root: z.ZodType;
  input: unknown;
  prefix: string;
}

/**
 * If every branch of a union failed only because the value itself has the wrong type, the list
 * of types that would have been accepted; otherwise null.
 */
function unionAlternatives(issue: Issue): Text[] | null {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return null;
  const out: Text[] = [];
  for (const branch of issue.errors) {
    if (branch.length !== 1) return null;
    const only = branch[0];
    if (!only || only.path.length !== 0) return null;
    if (only.code === 'invalid_type') out.push(expectedWord(only.expected));
    else if (only.code === 'invalid_union') {
      const nested = unionAlternatives(only);
      if (!nested) return null;
      out.push(...nested);
    } else return null;
  }
  return out;
}

function isMissing(input: unknown, path: readonly Segment[], value: unknown): boolean {
  if (value !== undefined || path.length === 0) return false;
  const parent = valueAt(input, path.slice(0, -1));
  const last = path[path.length - 1];
  return isPlainObject(parent) && typeof last === 'string' && !(last in parent);
}

function convert(issue: Issue, base: readonly Segment[], ctx: IssueContext, out: Finding[]): void {
  const path = [...base, ...issue.path];
  const where = formatPath(path, ctx.prefix);
  const value = valueAt(ctx.input, path);
  const missing = isMissing(ctx.input, path, value);
  const push = (code: string, en: string, id: string, at = where): void => {
    out.push(finding('error', code, at, en, id));
  };
  const got = describeValue(value);
  const gotId = describeValueId(value);
  const missingOr = (expected: Text, code: string): void => {
    if (missing) push('missing-field', `required field missing: expected ${expected.en}`, `isian wajib tidak ada: seharusnya ${expected.id}`);
    else push(code, `expected ${expected.en}, got ${got}`, `seharusnya ${expected.id}, tetapi ${gotId}`);
  };

  switch (issue.code) {
    case 'invalid_type':
      missingOr(expectedWord(issue.expected), 'wrong-type');
      return;
    case 'unrecognized_keys': {
      const name = objectNameAt(ctx.root, ctx.input, path);
      for (const key of issue.keys) {
        push(
          'unknown-field',
          `unknown field "${key}" (not part of ${name}; put free data under "extra")`,
          `isian "${key}" tidak dikenal (bukan bagian dari ${name}; data tambahan ditempatkan di bawah "extra")`,
          formatPath([...path, key], ctx.prefix),
        );
      }
      return;
    }
    case 'invalid_value':
      missingOr(literalList(issue.values), 'invalid-value');
      return;
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator && issue.errors.length === 0) {
        const options = 'options' in issue ? issue.options : undefined;
        missingOr(literalList(options ?? []), 'invalid-value');
        return;
      }
      const alternatives = unionAlternatives(issue);
      if (alternatives) {
        missingOr(joinAlternatives(alternatives), 'wrong-type');
        return;
      }
      // Report the branch the value came closest to: skip branches that rejected the value's
      // type outright, then take the one with the fewest problems.
      const branches = issue.errors.filter(
        (b) => !(b.length === 1 && b[0]?.path.length === 0 && (b[0].code === 'invalid_type' || b[0].code === 'invalid_union')),
      );
      const best = [...(branches.length > 0 ? branches : issue.errors)].sort((a, b) => a.length - b.length)[0];
      if (best && best.length > 0) {
        for (const inner of best) convert(inner, path, ctx, out);
      } else push('invalid-value', `expected one of the accepted forms, got ${got}`, `seharusnya berupa salah satu bentuk yang diterima, tetapi ${gotId}`);
      return;
    }
    case 'invalid_key': {
      const key = JSON.stringify(String(path[path.length - 1]));
      const inner = issue.issues[0];
      const custom = inner && !DEFAULT_MESSAGE.test(inner.message) ? inner.message : undefined;
      push(
        'invalid-key',
        `${custom ?? 'a different key'}, got key ${key}`,
        `${custom !== undefined ? customId(custom) : 'seharusnya kunci yang lain'}, tetapi kuncinya ${key}`,
      );
      return;
    }
    case 'invalid_format': {
      const expected = !DEFAULT_MESSAGE.test(issue.message)
        ? text(issue.message.replace(/^expected /, ''), customId(issue.message).replace(/^seharusnya /, ''))
        : issue.format === 'date'
          ? text('a date as YYYY-MM-DD', 'berupa tanggal berformat YYYY-MM-DD')
          : text(`text in the format ${issue.format}`, `berupa teks berformat ${issue.format}`);
      // an id's characters or an unsafe id: the id's own code
      const idPattern = issue.format === 'regex' && 'pattern' in issue && ID_PATTERNS.has(String(issue.pattern));
      missingOr(expected, idPattern ? 'invalid-id' : 'invalid-format');
      return;
    }
    case 'too_small':
    case 'too_big': {
      if (!DEFAULT_MESSAGE.test(issue.message)) {
        // a text over its length limit: how long it is, then its start
        const long = issue.code === 'too_big' && typeof value === 'string';
        const size = long ? value.length.toLocaleString('en-US') : '';
        push(
          'out-of-range',
          `${issue.message}, got ${long ? `${size} characters (${got})` : got}`,
          `${customId(issue.message)}, tetapi ${long ? `berisi ${size.replace(/,/g, '.')} karakter (${gotId.replace(/^berisi /, '')})` : gotId}`,
        );
        return;
      }
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      let expected: Text;
      if (issue.origin === 'string') {
        expected =
          small && limit === 1
            ? text('a non-empty string', 'berupa teks yang tidak kosong')
            : text(`a string of ${small ? 'at least' : 'at most'} ${limit} characters`, `berupa teks paling ${small ? 'sedikit' : 'banyak'} ${limit} karakter`);
      } else if (issue.origin === 'array' || issue.origin === 'set') {
        expected = text(`${small ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`, `berisi paling ${small ? 'sedikit' : 'banyak'} ${limit} butir`);
      } else if (small) {
        expected = inclusive ? text(`a number of at least ${limit}`, `berupa angka paling kecil ${limit}`) : text(`a number greater than ${limit}`, `berupa angka lebih besar dari ${limit}`);
      } else {
        expected = inclusive ? text(`a number of at most ${limit}`, `berupa angka paling besar ${limit}`) : text(`a number less than ${limit}`, `berupa angka lebih kecil dari ${limit}`);
      }
      push('out-of-range', `expected ${expected.en}, got ${got}`, `seharusnya ${expected.id}, tetapi ${gotId}`);
      return;
    }
    default:
      push('invalid-value', `${issue.message} (got ${got})`, `${DEFAULT_MESSAGE.test(issue.message) ? 'nilai tidak sah' : customId(issue.message)} (${gotId})`);
  }
}

/** Every zod issue as one or more error findings, in document order of the issues. */
export function schemaFindings(issues: readonly Issue[], root: z.ZodType, input: unknown, prefix = ''): Finding[] {
  const out: Finding[] = [];
  const ctx: IssueContext = { root, input, prefix };
  for (const issue of issues) convert(issue, [], ctx, out);
  return out;
}
