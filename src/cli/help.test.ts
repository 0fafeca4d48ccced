import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { helpLang } from './help.js';
import { buildProgram } from './main.js';
import { runCli } from './testing.js';

const where = { env: {}, cwd: process.cwd() };
const io = (): CliIo => ({ out: () => undefined, err: () => undefined, color: false, env: {}, cwd: process.cwd() });

/** Every text of the help: each command's description, its arguments' and options' descriptions, by where they are. */
function texts(program: Command): Map<string, string> {
  const all = new Map<string, string>();
  const visit = (cmd: Command, path: string) => {
    all.set(`${path}: description`, cmd.description());
    for (const a of cmd.registeredArguments) all.set(`${path} <${a.name()}>`, a.description);
    for (const o of cmd.options) all.set(`${path} ${o.long ?? o.flags}`, o.description);
    for (const c of cmd.commands) visit(c, `${path} ${c.name()}`);
  };
  visit(program, 'kinerja');
  return all;
}

describe('the help', () => {
  it('is in Indonesian by default: headings, descriptions, the help option', async () => {
    const r = await runCli(['--help'], where);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Penggunaan: kinerja \[options\] \[command\]\n\nKinerja: akuntabilitas kinerja \(SAKIP\) — dataset, pengukuran, reviu\n\nOpsi:\n/);
    expect(r.out).toContain('\nPerintah:\n');
    expect(r.out).toMatch(/^ {2}measure \[options\] \[dataset\] +ukur setiap Perjanjian Kinerja suatu tahun/m);
    expect(r.out).toMatch(/-h, --help +tampilkan bantuan perintah/);
    for (const english of ['Usage:', 'Options:', 'Commands:', 'display help', 'choices:', 'the year']) expect(r.out).not.toContain(english);
    const publish = await runCli(['publish', '--help'], where);
    expect(publish.out.replace(/\s+/g, ' ')).toContain('(pilihan: "lkip", "agreement", "review", bawaan: "lkip")');
    const measure = await runCli(['measure', '--help'], where);
    expect(measure.out).toContain('Argumen:\n  dataset        berkas dataset atau wilayah (.json, .yaml)');
  });

  it('is in English with --lang en (before or after the command) or KINERJA_LANG=en, --lang winning', async () => {
    for (const [argv, env] of [
      [['--lang', 'en', '--help'], {}],
      [['measure', '--help', '--lang=en'], {}],
      [['--help'], { KINERJA_LANG: 'en' }],
    ] as const) {
      const r = await runCli([...argv], { env, cwd: process.cwd() });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage: kinerja/);
      expect(r.out).toContain('display help for command');
      expect(r.out).not.toContain('Penggunaan');
    }
    const chosen = await runCli(['--lang', 'id', '--help'], { env: { KINERJA_LANG: 'en' }, cwd: process.cwd() });
    expect(chosen.out).toMatch(/^Penggunaan: kinerja/);
  });

  it('has every text written in both languages: no description is the same in the two', () => {
    const id = texts(buildProgram(io(), () => undefined, 'id'));
    const en = texts(buildProgram(io(), () => undefined, 'en'));
    expect([...id.keys()]).toStrictEqual([...en.keys()]);
    expect(id.size).toBeGreaterThan(60);
    const same = [...id].filter(([where, text]) => text !== '' && text === en.get(where)).map(([where]) => where);
    expect(same).toStrictEqual([]);
  });

  it("says what is wrong with the command line in Indonesian too (commander's errors), exit 2", async () => {
    const cases: Array<[string[], string]> = [
      [['measure', 'x.json'], "galat: opsi wajib '--year <year>' tidak diberikan\n"],
      [['mesure'], "galat: perintah 'mesure' tidak dikenal\n(Mungkin maksudnya measure?)\n"],
      [['agencies', '--jsn'], "galat: opsi '--jsn' tidak dikenal\n(Mungkin maksudnya --json?)\n"],
      [['export', '--agency', 'a', '--format', 'xml'], "galat: nilai 'xml' tidak sah untuk opsi '--format <format>'; pilihannya: json, yaml.\n"],
      [['validate', 'a.json', 'b.json'], "galat: terlalu banyak argumen untuk 'validate': diharapkan 1, diberikan 2.\n"],
      [['import'], "galat: argumen wajib 'file' tidak diberikan\n"],
      [['export', '--agency'], "galat: opsi '--agency <id>' memerlukan nilai\n"],
    ];
    for (const [argv, first] of cases) {
      const r = await runCli(argv, where);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.startsWith(first), r.err).toBe(true);
      expect(r.err).toContain('Penggunaan: kinerja'); // the help after the error, in the same language
    }
    const en = await runCli(['--lang', 'en', 'mesure'], where);
    expect(en.err).toMatch(/^error: unknown command 'mesure'\n\(Did you mean measure\?\)\n/);
  });

  it('takes its language from the arguments before they are parsed', () => {
    expect(helpLang([], {})).toBe('id');
    expect(helpLang([], { KINERJA_LANG: 'en' })).toBe('en');
    expect(helpLang(['report', '--lang', 'en', '-o', 'x.pdf'], {})).toBe('en');
    expect(helpLang(['--lang=en', '--lang', 'id'], { KINERJA_LANG: 'en' })).toBe('id');
    expect(helpLang(['import', '--', '--lang', 'en'], {})).toBe('id');
  });
});
