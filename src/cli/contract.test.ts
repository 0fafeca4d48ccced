/**
 * The command line keeps validation's contract (issue 9): a hostile file is refused with the
 * file's name and the path of each problem, nothing is stored, no stack trace or engine message
 * is printed; a closed output pipe ends a command quietly; a database error the validation did
 * not foresee is reported in both languages. Real processes (`bin/kinerja.js`) where the exit and
 * standard error are what is tested, in-process commands on a real embedded database otherwise.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { generateDataset } from '../core/dataset/generate.js';
import { openDatabase } from '../store/db.js';
import { runCli } from './testing.js';

const BIN = resolve(import.meta.dirname, '../../bin/kinerja.js');
/** What betrays a raw error: a stack frame, an engine's or a library's own words. */
const RAW = /\n\s+at |ReferenceError|RangeError|TypeError|node:internal|violates|invalid input syntax|Unicode escape|out of range:|call stack/;

let dir: string;
let env: Record<string, string | undefined>;

const kinerja = (...argv: string[]) => runCli(argv, { env, cwd: dir });

/** Run `bin/kinerja.js` as a process; `onFirstLine` may destroy its standard output. */
function spawnKinerja(argv: string[], onFirstOut?: (stdout: NodeJS.ReadableStream & { destroy(): void }) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: dir, env: { ...process.env, ...env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    let first = true;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (first && onFirstOut && out.includes('\n')) {
        first = false;
        onFirstOut(child.stdout);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, out, err }));
  });
}

const write = async (name: string, text: string): Promise<string> => {
  await writeFile(join(dir, name), text);
  return name;
};

/** A "billion laughs" YAML: nine levels of nine aliases. */
function yamlBomb(): string {
  const lines = ['format: kinerja-dataset/1', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  let prev = 'a';
  for (const n of 'bcdefghi') {
    lines.push(`${n}: &${n} [${Array.from({ length: 9 }, () => `*${prev}`).join(', ')}]`);
    prev = n;
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-contract-'));
  env = { KINERJA_DATA_DIR: join(dir, 'data') };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a YAML alias bomb', () => {
  it('validate names the file in a finding, exit 1, no ReferenceError or stack trace (a real process)', async () => {
    const file = await write('bom.yaml', yamlBomb());
    const r = await spawnKinerja(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${join(dir, file)}: alias YAML (*nama) mengulang nilai anchor-nya terlalu banyak kali`);
    expect(r.out).toContain('[yaml-alias-bomb]');
    expect(`${r.out}${r.err}`).not.toMatch(RAW);
    const en = await spawnKinerja(['validate', file, '--lang', 'en']);
    expect(en.out).toContain(`${join(dir, file)}: the YAML's aliases (*name) repeat their anchors' values too many times`);
  });

  it('import refuses it with the file named, and stores nothing', async () => {
    const r = await kinerja('import', await write('bom2.yaml', yamlBomb()));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^bom2\.yaml: dataset tidak valid\n/);
    expect(r.err).toContain('bom2.yaml: alias YAML');
    expect(r.err).not.toMatch(RAW);
  });
});

describe('hostile values: validate refuses what import could not store, with the path', () => {
  const nul = (): string => JSON.stringify({ ...minimalDataset(), agency: { ...minimalDataset().agency, name: 'Dinas\u0000Contoh' } });
  const cases: [string, () => string, string, RegExp][] = [
    ['NUL in a name', nul, 'agency.name', /karakter NUL \(U\+0000\)/],
    ['a lone surrogate', () => JSON.stringify(minimalDataset()).replace('Budi Santoso', 'Budi \\ud800'), 'agency.head.name', /surrogate UTF-16 tunggal U\+D800/],
    ['the date 0000-01-01', () => JSON.stringify(minimalDataset()).replace('"signedOn":"2025-01-02"', '"signedOn":"0000-01-01"'), 'agreements[0].signedOn', /antara 1900-01-01 dan 2100-12-31/],
    ['1e400', () => JSON.stringify(minimalDataset()).replace('"endTarget":75', '"endTarget":1e400'), 'plans[0].indicators[0].endTarget', /angka terlalu besar/],
    ['the abbreviation "!!!"', () => JSON.stringify(minimalDataset()).replace('"abbreviation":"Dinco"', '"abbreviation":"!!!"'), 'agency.abbreviation', /kosong/],
    ['a __proto__ key in extra', () => JSON.stringify(minimalDataset()).replace('"format":', '"extra":{"__proto__":{"a":1}},"format":'), 'extra.__proto__', /"__proto__"/],
    ['extra nested 5,000 deep', () => JSON.stringify(minimalDataset()).replace('"format":', `"extra":{"x":${'['.repeat(5000)}${']'.repeat(5000)}},"format":`), 'extra.x[0]', /bersarang terlalu dalam/],
  ];

  it.each(cases)('%s', async (_label, doc, where, message) => {
    const file = await write(`hostile-${where.replace(/\W+/g, '-')}.json`, doc());
    expect(doc()).toContain('"format"');
    const v = await kinerja('validate', file);
    expect(v.code).toBe(1);
    const line = v.out.split('\n').find((l) => l.startsWith(`galat ${where}`));
    expect(line, v.out).toMatch(message);
    expect(v.out).not.toMatch(RAW);
    const i = await kinerja('import', file);
    expect(i.code).toBe(1);
    expect(i.err).toContain(`galat ${where}`);
    expect(i.err).not.toMatch(RAW);
  });

  it('nothing of them was stored', async () => {
    const r = await kinerja('agencies', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
  });
});

describe('a closed output pipe', () => {
  it('ends the command quietly: standard error empty, exit 0 (a real process piped into a stream destroyed after the first line)', async () => {
    // a dataset whose measurement is far larger than a pipe's buffer
    const file = await write('big.json', JSON.stringify(generateDataset({ seed: 9, indicators: 400, years: 5 })));
    const r = await spawnKinerja(['measure', file, '--year', '2023', '--json'], (stdout) => stdout.destroy());
    expect(r.err).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.out.length).toBeLessThan(1_000_000);
  });
});

describe('a database error validation did not foresee', () => {
  it('import reports it in both languages, without the engine message or a stack trace, and the stored data stays as it was', async () => {
    const file = await write('ok.json', JSON.stringify(minimalDataset()));
    expect((await kinerja('import', file)).code).toBe(0);
    // the store is made to refuse this agency's name (as an unforeseen engine limit would)
    const db = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      await db.pool.query(`ALTER TABLE agencies ADD CONSTRAINT contract_test_refuses CHECK (name <> 'Dinas Contoh Baru')`);
    } finally {
      await db.close();
    }
    const changed = minimalDataset();
    changed.agency.name = 'Dinas Contoh Baru';
    const again = await write('changed.json', JSON.stringify(changed));
    const id = await kinerja('import', again);
    expect(id.code).toBe(1);
    expect(id.err).toMatch(/^kinerja: basis data menolak menyimpan datanya \(galat PostgreSQL 23514\); tidak ada yang disimpan/);
    expect(id.err).not.toMatch(RAW);
    expect(id.err).not.toContain('contract_test_refuses');
    const en = await kinerja('import', again, '--lang', 'en');
    expect(en.err).toMatch(/^kinerja: the database refused to store the data \(PostgreSQL error 23514\); nothing of it was stored/);
    const debug = await (async () => {
      env = { ...env, KINERJA_DEBUG: '1' };
      try {
        return await kinerja('import', again);
      } finally {
        delete env.KINERJA_DEBUG;
      }
    })();
    expect(debug.err).toContain('contract_test_refuses');
    const list = await kinerja('agencies', '--json');
    expect(JSON.parse(list.out)).toMatchObject([{ id: 'dinco', name: 'Dinas Contoh' }]);
  });
});
