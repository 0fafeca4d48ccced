/**
 * The compiled JavaScript (bin/compiled.js, docs/decisions.md "Compiled JavaScript") on real
 * processes, in a copy of the install (its sources, commands and settings; node_modules linked)
 * so the working tree's dist/ is never touched: `npm run build`'s command writes dist/ with every
 * module and the files they read; `bin/kinerja.js --help` runs from it; an edited, added or
 * removed source makes it stale and the command rebuilds it first; where it cannot be built, the
 * sources run through tsx with a notice.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scanSources, staleness } from '../bin/compiled.js';

interface Ran {
  code: number | null;
  out: string;
  err: string;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((res, rej) => {
    const base = { ...process.env };
    delete base.KINERJA_LANG;
    const child = spawn(process.execPath, args, { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => res({ code, out, err }));
  });
}

/** A source's modification time set ahead of the build's, as an editor's save does. */
async function touch(path: string, aheadMs = 5000): Promise<void> {
  const t = new Date(Date.now() + aheadMs);
  await utimes(path, t, t);
}

let dir: string;
let install: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-compiled-'));
  install = join(dir, 'kinerja');
  await mkdir(install);
  for (const f of ['src', 'bin', 'examples', 'package.json', 'tsconfig.json']) await cp(join(ROOT, f), join(install, f), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(install, 'node_modules'), 'dir');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the compiled command line', () => {
  it('is built into dist/: every module of src/ (tests aside) and the SQL it reads, at the same depth as src/', async () => {
    expect(staleness(install)).toBe('missing');
    const built = await run(['bin/compiled.js'], install);
    expect(built.code, built.err).toBe(0);
    const { sources, assets } = scanSources(install);
    expect(built.out).toMatch(new RegExp(`^dist/: ${sources.length} modules built from src/ in \\d+ ms`));
    expect(sources.length).toBeGreaterThan(100);
    for (const s of sources) expect(existsSync(join(install, 'dist', relative(join(install, 'src'), s)).replace(/\.ts$/, '.js')), s).toBe(true);
    expect(assets.map((a) => relative(join(install, 'src'), a))).toContain(join('store', 'sql', 'schema.sql'));
    for (const a of assets) expect(await readFile(join(install, 'dist', relative(join(install, 'src'), a)), 'utf8')).toBe(await readFile(a, 'utf8'));
    expect((await readdir(join(install, 'dist', 'cli'))).filter((f) => f.endsWith('.test.js'))).toStrictEqual([]);
    expect(staleness(install)).toBeUndefined();
    // `--if-stale` (npm start's check) leaves an up-to-date build alone
    const again = await run(['bin/compiled.js', '--if-stale'], install);
    expect(again.out).toBe('dist/ is up to date with src/\n');
  });

  it('runs `kinerja --help` from dist/: the help, exit 0, nothing on standard error', async () => {
    const help = await run(['bin/kinerja.js', '--help'], install);
    expect(help.code, help.err).toBe(0);
    expect(help.err).toBe('');
    // the Indonesian help (src/cli/help.ts)
    expect(help.out).toMatch(/^Penggunaan: kinerja \[options\] \[command\]\n\nKinerja: akuntabilitas kinerja \(SAKIP\) — dataset, pengukuran, reviu\n/);
    expect(help.out).toContain('\nPerintah:\n');
    expect(help.out).not.toContain('Usage:');
    for (const command of ['validate', 'measure', 'review', 'import', 'report', 'publish', 'demo']) expect(help.out).toMatch(new RegExp(`^  ${command} `, 'm'));
    // and a command with real work: the demo measured from the compiled modules
    const measured = await run(['bin/kinerja.js', 'measure', 'examples/diskopum-jember-2025.json', '--year', '2025', '--json'], install);
    expect(measured.code, measured.err).toBe(0);
    expect(measured.err).toBe('');
    expect(JSON.parse(measured.out).year).toBe(2025);
  });

  it('detects an edited source as stale and rebuilds before running it, so the edit is what runs', async () => {
    const main = join(install, 'src', 'cli', 'main.ts');
    const before = await readFile(main, 'utf8');
    await writeFile(main, before.replace('Kinerja: akuntabilitas kinerja (SAKIP)', 'Kinerja (disunting): akuntabilitas kinerja'));
    await touch(main);
    expect(staleness(install)).toBe('stale');
    const help = await run(['bin/kinerja.js', '--help'], install);
    expect(help.code, help.err).toBe(0);
    expect(help.err).toMatch(/^kinerja: src\/ berubah sejak dist\/ dibangun; dibangun ulang dalam \d+,\d detik\n$/);
    expect(help.out).toContain('Kinerja (disunting): akuntabilitas kinerja');
    expect(staleness(install)).toBeUndefined();
    // the next start runs the rebuilt dist/ without a word
    const next = await run(['bin/kinerja.js', '--help'], install);
    expect(next.err).toBe('');
    expect(next.out).toContain('Kinerja (disunting)');
  });

  it('detects a source added or removed (its folder changes), not only an edited one', async () => {
    const extra = join(install, 'src', 'cli', 'extra.ts');
    await writeFile(extra, 'export const EXTRA = 1;\n');
    await touch(join(install, 'src', 'cli'), 10_000);
    expect(staleness(install)).toBe('stale');
    expect((await run(['bin/compiled.js', '--if-stale'], install)).code).toBe(0);
    expect(existsSync(join(install, 'dist', 'cli', 'extra.js'))).toBe(true);
    expect(staleness(install)).toBeUndefined();
    await unlink(extra);
    await touch(join(install, 'src', 'cli'), 15_000);
    expect(staleness(install)).toBe('stale');
    expect((await run(['bin/compiled.js', '--if-stale'], install)).code).toBe(0);
    expect(existsSync(join(install, 'dist', 'cli', 'extra.js')), 'a removed source leaves nothing behind').toBe(false);
  });

  it('survives commands started together on a stale build: each runs, one whole dist/ is left, no build folder behind', async () => {
    await touch(join(install, 'src', 'core', 'format.ts'), 20_000);
    expect(staleness(install)).toBe('stale');
    const all = await Promise.all([1, 2, 3, 4].map(() => run(['bin/kinerja.js', '--help'], install)));
    for (const r of all) {
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('Kinerja (disunting): akuntabilitas kinerja');
    }
    expect(staleness(install)).toBeUndefined();
    expect((await readdir(install)).filter((f) => f.startsWith('.dist-'))).toStrictEqual([]);
    const measured = await run(['bin/kinerja.js', 'measure', 'examples/diskopum-jember-2025.json', '--year', '2025', '--json'], install);
    expect(measured.code, measured.err).toBe(0);
  });

  it('runs the sources through tsx, saying so, where dist/ is stale and cannot be built (no esbuild)', async () => {
    // an install whose node_modules lacks esbuild (tsx keeps its own, found from its real path)
    const bare = join(dir, 'bare');
    await mkdir(bare);
    for (const f of ['src', 'bin', 'package.json', 'tsconfig.json']) await cp(join(install, f), join(bare, f), { recursive: true });
    await mkdir(join(bare, 'node_modules'));
    for (const name of await readdir(join(ROOT, 'node_modules'))) {
      if (name !== 'esbuild' && name !== '.bin') await symlink(join(ROOT, 'node_modules', name), join(bare, 'node_modules', name), 'dir');
    }
    expect(staleness(bare)).toBe('missing');
    const help = await run(['bin/kinerja.js', '--help'], bare);
    expect(help.code, help.err).toBe(0);
    expect(help.err).toContain('kinerja: dist/ tidak ada dan tidak dapat dibangun');
    expect(help.err).toContain('sumber TypeScript dijalankan lewat tsx');
    expect(help.out).toContain('Kinerja (disunting): akuntabilitas kinerja');
    const en = await run(['bin/kinerja.js', '--help'], bare, { KINERJA_LANG: 'en' });
    expect(en.err).toContain('kinerja: dist/ is missing and could not be built');
    expect(existsSync(join(bare, 'dist'))).toBe(false);
  });
});
