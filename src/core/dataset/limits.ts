/**
 * What any value of a document must be for the store to hold it and give it back equal
 * (dataset-format.md, "Limits"), checked over the whole parsed document before its shape:
 * text without NUL (PostgreSQL text cannot hold U+0000) or lone UTF-16 surrogates (not
 * Unicode: they cannot be written as UTF-8), within LIMITS.textLength; finite numbers (JSON's
 * `1e400` and YAML's `.inf` parse to infinity, `.nan` to NaN, and JSON has neither); object keys
 * within LIMITS.keyLength and never `__proto__` (JavaScript would drop it silently); no value
 * more than LIMITS.depth levels below the root. The walk is iterative, so no nesting overflows
 * it. IO-free.
 */
import { finding, type Finding } from '../findings.js';
import { LIMITS } from './schema.js';
import { formatPath } from './schema-issues.js';

/** At most this many findings of the scan are listed (then one that says there are more). */
export const MAX_SCAN_FINDINGS = 100;

/** Codes of the scan whose finding stands for every other finding at its path. */
export const SCAN_CODES = ['nul-character', 'broken-character', 'number-too-large', 'not-a-number', 'reserved-key', 'too-deep', 'key-too-long'] as const;

const PROBLEM_CHAR = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const n = (x: number): string => x.toLocaleString('en-US');
const nId = (x: number): string => x.toLocaleString('en-US').replace(/,/g, '.');
const hex = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

type Step = string | number;

/** Every problem of a parsed document's values, each with its path (`prefix` before it: `agencies[2]`). */
export function scanDocument(input: unknown, prefix = ''): Finding[] {
  const out: Finding[] = [];
  let more = 0;
  const push = (code: string, path: readonly Step[], en: string, id: string): void => {
    if (out.length < MAX_SCAN_FINDINGS) out.push(finding('error', code, formatPath(path, prefix), en, id));
    else more++;
  };

  /** A text's problem (of a value, or of a key when `key`), if any. */
  const checkText = (s: string, path: () => Step[], key: boolean): void => {
    const what = key ? { en: 'key', id: 'kunci' } : { en: 'text', id: 'teks' };
    const m = PROBLEM_CHAR.exec(s);
    if (m) {
      const c = m[0].charCodeAt(0);
      const at = m.index + 1;
      if (c === 0) {
        push(
          'nul-character',
          path(),
          `the ${what.en} contains the NUL character (U+0000) at character ${n(at)}; text cannot hold it (remove it)`,
          `${what.id} memuat karakter NUL (U+0000) pada karakter ke-${nId(at)}; teks tidak dapat menyimpannya (hapus karakter itu)`,
        );
      } else {
        push(
          'broken-character',
          path(),
          `the ${what.en} contains a broken character at character ${n(at)} (a lone UTF-16 surrogate ${hex(c)}, not Unicode); save the file as UTF-8 again`,
          `${what.id} memuat karakter rusak pada karakter ke-${nId(at)} (surrogate UTF-16 tunggal ${hex(c)}, bukan Unicode); simpan ulang berkasnya sebagai UTF-8`,
        );
      }
    }
    const max = key ? LIMITS.keyLength : LIMITS.textLength;
    if (s.length > max) {
      push(
        key ? 'key-too-long' : 'text-too-long',
        path(),
        `the ${what.en} has ${n(s.length)} characters; at most ${n(max)} are allowed`,
        `${what.id} berisi ${nId(s.length)} karakter; paling banyak ${nId(max)} karakter`,
      );
    }
  };

  // each node links to its parent; a path is only spelled out for a finding
  interface Node {
    value: unknown;
    parent: Node | null;
    step: Step;
    depth: number;
  }
  const pathOf = (node: Node): Step[] => {
    const out: Step[] = [];
    for (let n: Node | null = node; n && n.parent; n = n.parent) out.push(n.step);
    return out.reverse();
  };
  const stack: Node[] = [{ value: input, parent: null, step: '', depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (node.depth > LIMITS.depth) {
      push(
        'too-deep',
        pathOf(node),
        `nested too deeply: values may sit at most ${LIMITS.depth} levels below the document's root`,
        `bersarang terlalu dalam: nilai paling banyak ${LIMITS.depth} tingkat di bawah akar dokumen`,
      );
      continue;
    }
    if (typeof value === 'string') checkText(value, () => pathOf(node), false);
    else if (typeof value === 'number') {
      if (Number.isNaN(value)) {
        push('not-a-number', pathOf(node), 'expected a number, got NaN (not a number)', 'seharusnya berupa angka, tetapi berisi NaN (bukan angka)');
      } else if (!Number.isFinite(value)) {
        push(
          'number-too-large',
          pathOf(node),
          `the number is too large: ${value > 0 ? '' : '-'}infinity (numbers are at most about 1.8e308 in size)`,
          `angka terlalu besar: ${value > 0 ? '' : 'minus '}tak hingga (besarnya angka paling banyak sekitar 1,8e308)`,
        );
      }
    } else if (value !== null && typeof value === 'object') {
      const depth = node.depth + 1;
      const children: Node[] = [];
      if (Array.isArray(value)) value.forEach((v, i) => children.push({ value: v, parent: node, step: i, depth }));
      else {
        for (const k of Object.keys(value)) {
          const child: Node = { value: (value as Record<string, unknown>)[k], parent: node, step: k, depth };
          if (k === '__proto__') {
            push(
              'reserved-key',
              pathOf(child),
              'the key "__proto__" is not allowed: JavaScript reserves it and would drop it silently (rename it)',
              'kunci "__proto__" tidak diperbolehkan: JavaScript mencadangkannya dan akan membuangnya diam-diam (ganti namanya)',
            );
            continue;
          }
          checkText(k, () => pathOf(child), true);
          children.push(child);
        }
      }
      // in document order: the last child is popped first
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  if (more > 0) {
    out.push(
      finding(
        'error',
        'more-problems',
        prefix === '' ? '(document)' : prefix,
        `${n(more)} more problems of this kind are not listed (the first ${MAX_SCAN_FINDINGS} are)`,
        `${nId(more)} masalah lain yang sejenis tidak dicantumkan (hanya ${MAX_SCAN_FINDINGS} yang pertama)`,
      ),
    );
  }
  return out;
}

/**
 * Merge the scan's findings with those of the shape and the whole-document checks: where the
 * scan found a value the store cannot hold, its finding stands alone at that path; where the
 * shape already limits a text more tightly (a name), the shape's finding says so and the scan's
 * length finding is left out.
 */
export function mergeScan(scan: readonly Finding[], rest: readonly Finding[]): Finding[] {
  const dominant = new Set(scan.filter((f) => (SCAN_CODES as readonly string[]).includes(f.code)).map((f) => f.where));
  const others = rest.filter((f) => !dominant.has(f.where));
  const shaped = new Set(others.map((f) => f.where));
  return [...scan.filter((f) => f.code !== 'text-too-long' || !shaped.has(f.where)), ...others];
}
