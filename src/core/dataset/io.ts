/**
 * Reading and writing a document's text: JSON (the format of record) or YAML. No file access
 * here (see src/io/dataset-file.ts); a syntax error says where it is, by line and column.
 */
import YAML from 'yaml';
import { finding, text, type Finding, type Text } from '../findings.js';

/** A document that could not be read at all; `findings` say where and why. */
export class DatasetParseError extends Error {
  readonly findings: Finding[];
  /** The file name (or other name of the source) the text came from. */
  readonly source: string;

  constructor(source: string, findings: Finding[]) {
    super(findings.map((f) => `${f.where}: ${f.message}`).join('\n'));
    this.name = 'DatasetParseError';
    this.source = source;
    this.findings = findings;
  }
}

export type DocumentFormat = 'json' | 'yaml';

/** The format of a file by its name: `.yaml`/`.yml` → yaml, `.json` → json, else undefined. */
export function formatFromName(name: string): DocumentFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

// ---------------------------------------------------------------- JSON syntax errors

class JsonStop {
  constructor(
    readonly offset: number,
    readonly message: Text,
  ) {}
}

const showChar = (c: string | undefined): Text => (c === undefined ? text('the end of the text', 'akhir teks') : text(JSON.stringify(c), JSON.stringify(c)));

/**
 * Find the first syntax error of a JSON text (JSON.parse does not always say where): the
 * offset and what was expected there. Null when the text is valid JSON.
 */
function locateJsonError(text: string): JsonStop | null {
  let i = 0;
  const n = text.length;
  const stop = (en: string, id: string, at = i): never => {
    throw new JsonStop(at, { en, id });
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const str = (): void => {
    const start = i;
    i++; // opening quote
    while (i < n) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop('expected four hex digits after \\u', 'seharusnya empat digit heksadesimal setelah \\u');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else stop(`invalid escape \\${e ?? ''} in a string`, `escape \\${e ?? ''} tidak sah dalam string`);
        continue;
      }
      if (c.charCodeAt(0) < 0x20) {
        stop(
          'a line break or control character inside a string (is a closing quote missing?)',
          'ada ganti baris atau karakter kendali di dalam string (apakah tanda kutip penutup terlewat?)',
        );
      }
      i++;
    }
    stop('a string is not closed (missing closing quote)', 'string tidak ditutup (tanda kutip penutup tidak ada)', start);
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === undefined) stop('unexpected end of the text: expected a value', 'teks berakhir sebelum waktunya: seharusnya ada sebuah nilai');
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') {
          if (text[i] === "'") stop('property names are written in double quotes, not single quotes', 'nama properti ditulis dengan tanda kutip ganda, bukan tanda kutip tunggal');
          const got = showChar(text[i]);
          stop(`expected a property name in double quotes, got ${got.en}`, `seharusnya nama properti dalam tanda kutip ganda, tetapi ditemukan ${got.id}`);
        }
        str();
        ws();
        if (text[i] !== ':') {
          const got = showChar(text[i]);
          stop(`expected ":" after the property name, got ${got.en}`, `seharusnya ":" setelah nama properti, tetapi ditemukan ${got.id}`);
        }
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') stop('a comma before "}" (JSON allows no trailing comma)', 'ada koma sebelum "}" (JSON tidak membolehkan koma di akhir)');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        const got = showChar(text[i]);
        stop(`expected "," or "}" after a property value, got ${got.en}`, `seharusnya "," atau "}" setelah nilai properti, tetapi ditemukan ${got.id}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ',') stop('an empty item in a list (two commas in a row)', 'ada butir kosong dalam daftar (dua koma berturut-turut)');
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') stop('a comma before "]" (JSON allows no trailing comma)', 'ada koma sebelum "]" (JSON tidak membolehkan koma di akhir)');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        const got = showChar(text[i]);
        stop(`expected "," or "]" after a list item, got ${got.en}`, `seharusnya "," atau "]" setelah butir daftar, tetapi ditemukan ${got.id}`);
      }
    }
    if (c === '"') return str();
    if (c === "'") stop('strings are written in double quotes, not single quotes', 'string ditulis dengan tanda kutip ganda, bukan tanda kutip tunggal');
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num && num[0] !== '-' && num[0].length > 0) {
      i += num[0].length;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    const token = /^[^\s,:{}[\]"]+/.exec(text.slice(i, i + 40))?.[0] ?? c;
    stop(
      `unexpected ${JSON.stringify(token)}: expected a value (a number, a string in double quotes, true, false, null, an object or a list)`,
      `${JSON.stringify(token)} tidak diharapkan: seharusnya sebuah nilai (angka, string dalam tanda kutip ganda, true, false, null, objek, atau daftar)`,
    );
  };
  try {
    value();
    ws();
    if (i < n) {
      const got = showChar(text[i]);
      stop(`unexpected ${got.en} after the end of the document`, `${got.id} tidak diharapkan setelah akhir dokumen`);
    }
    return null;
  } catch (e) {
    if (e instanceof JsonStop) return e;
    if (e instanceof RangeError) return null; // nested too deeply to scan; fall back to JSON.parse's message
    throw e;
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    if (e instanceof RangeError) {
      throw new DatasetParseError(source, [finding('error', 'invalid-json', source, `malformed JSON: ${TOO_DEEP.en}`, `JSON tidak sah: ${TOO_DEEP.id}`)]);
    }
    const reason = e instanceof Error ? e.message : String(e);
    const located = locateJsonError(text);
    let offset = located?.offset;
    if (offset === undefined) {
      const m = /at position (\d+)/.exec(reason);
      if (m) offset = Number(m[1]);
    }
    // JSON.parse's own reason is English (the engine's); kept as it is in both texts
    const what = located?.message ?? { en: reason, id: reason };
    if (offset === undefined) {
      throw new DatasetParseError(source, [finding('error', 'invalid-json', source, `malformed JSON: ${what.en}`, `JSON tidak sah: ${what.id}`)]);
    }
    const { line, column } = lineColumn(text, offset);
    throw new DatasetParseError(source, [
      finding(
        'error',
        'invalid-json',
        `${source}:${line}:${column}`,
        `malformed JSON at line ${line}, column ${column}: ${what.en}`,
        `JSON tidak sah pada baris ${line}, kolom ${column}: ${what.id}`,
      ),
    ]);
  }
}

/** The yaml library's reason (English) as both texts; the engine's stack overflow in plain words. */
function yamlReason(message: string): Text {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  if (/Maximum call stack size exceeded/i.test(first)) return TOO_DEEP;
  // the yaml library's reason is English; kept as it is in both texts
  return text(first, first);
}

const TOO_DEEP = text('nested too deeply to be read', 'bersarang terlalu dalam untuk dibaca');

function parseYaml(body: string, source: string): unknown {
  let doc: YAML.Document.Parsed;
  try {
    doc = YAML.parseDocument(body);
  } catch (e) {
    // the parser itself gave up (nesting beyond the call stack): no position is known
    const what = e instanceof RangeError ? TOO_DEEP : yamlReason(e instanceof Error ? e.message : String(e));
    throw new DatasetParseError(source, [finding('error', 'invalid-yaml', source, `malformed YAML: ${what.en}`, `YAML tidak sah: ${what.id}`)]);
  }
  if (doc.errors.length > 0) {
    const findings = doc.errors.map((err) => {
      const what = yamlReason(err.message);
      const pos = err.linePos?.[0];
      if (!pos) return finding('error', 'invalid-yaml', source, `malformed YAML: ${what.en}`, `YAML tidak sah: ${what.id}`);
      return finding(
        'error',
        'invalid-yaml',
        `${source}:${pos.line}:${pos.col}`,
        `malformed YAML at line ${pos.line}, column ${pos.col}: ${what.en}`,
        `YAML tidak sah pada baris ${pos.line}, kolom ${pos.col}: ${what.id}`,
      );
    });
    throw new DatasetParseError(source, findings);
  }
  try {
    return doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
  } catch (e) {
    // the yaml library refuses an alias bomb (a few lines whose aliases expand to millions of values)
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      throw new DatasetParseError(source, [
        finding(
          'error',
          'yaml-alias-bomb',
          source,
          "the YAML's aliases (*name) repeat their anchors' values too many times (a guard against an alias bomb, which would exhaust memory); write the values out instead",
          'alias YAML (*nama) mengulang nilai anchor-nya terlalu banyak kali (pengaman terhadap bom alias yang menghabiskan memori); tuliskan nilainya secara langsung',
        ),
      ]);
    }
    const what = e instanceof RangeError ? TOO_DEEP : yamlReason(e instanceof Error ? e.message : String(e));
    throw new DatasetParseError(source, [finding('error', 'invalid-yaml', source, `malformed YAML: ${what.en}`, `YAML tidak sah: ${what.id}`)]);
  }
}

/** How many times the aliases of a YAML document may repeat an anchor's value (the yaml library's default). */
export const YAML_MAX_ALIAS_COUNT = 100;

/**
 * Parse a document's text. JSON when `source` ends in `.json`, YAML for `.yaml`/`.yml`;
 * otherwise JSON when the text starts with `{`, else YAML. Throws DatasetParseError for an
 * empty text and for malformed JSON or YAML (with line and column).
 */
export function parseDocumentText(text: string, source: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new DatasetParseError(source, [finding('error', 'empty-file', source, 'file is empty', 'berkas kosong')]);
  }
  const format = formatFromName(source) ?? (body.trimStart().startsWith('{') ? 'json' : 'yaml');
  return format === 'json' ? parseJson(body, source) : parseYaml(body, source);
}

/** Write a document as text: JSON with two-space indentation and a final newline, or YAML. */
export function serializeDocument(doc: unknown, format: DocumentFormat): string {
  if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  return YAML.stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
