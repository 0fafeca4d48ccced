/**
 * One writer per embedded database, on real processes: the web server (src/server/main.ts
 * through tsx) holds its data directory; the command line (bin/kinerja.js) started against the
 * same directory meanwhile is refused at once with the server named, and nothing is lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { cleanEnv, exited, freePort, kinerjaCli, ROOT, runProcess, SERVER, waitForHealth } from './processes-testing.js';

const DEMO = join(ROOT, 'examples', 'diskopum-jember-2025.json');

interface Server {
  child: ChildProcess;
  out: () => string;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  servers.push(child);
  await waitForHealth(Number(env.PORT), child);
  return { child, out: () => out };
}

let dir: string;
let env: NodeJS.ProcessEnv;
let port: number;
const servers: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-one-writer-'));
  port = await freePort();
  env = { ...cleanEnv(), KINERJA_DATA_DIR: join(dir, 'data'), PORT: String(port), KINERJA_DEMO: '1', NO_COLOR: '1' };
  const other = minimalDataset();
  await writeFile(join(dir, 'other.json'), JSON.stringify(other));
});

afterEach(async () => {
  for (const s of servers.splice(0)) {
    if (s.exitCode === null && s.signalCode === null) s.kill('SIGKILL');
    await exited(s);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the embedded database while the web server runs', () => {
  it('refuses import, export, review and publish at once, naming the server; after SIGTERM the data is intact and the commands work', async () => {
    // the demo agency, stored by the command line before the server starts: the new database is announced
    const imported = await kinerjaCli(env, ['import', DEMO]);
    expect(imported.err).toContain(`Basis data tertanam baru dibuat di ${join(dir, 'data', 'pglite')}`);
    expect(imported.code).toBe(0);
    expect((await kinerjaCli(env, ['export', '--agency', 'diskopum', '-o', join(dir, 'before.json')])).code).toBe(0);

    const server = await startServer(env);
    const pid = server.child.pid!;
    const url = `http://127.0.0.1:${port}`;
    // all four at the same time
    const [imp, exp, rev, pub] = await Promise.all([
      kinerjaCli(env, ['import', join(dir, 'other.json')]),
      kinerjaCli(env, ['export', '--agency', 'diskopum']),
      kinerjaCli(env, ['review', '--agency', 'diskopum', '--year', '2025']),
      kinerjaCli(env, ['publish', '--agency', 'diskopum', '--year', '2025', '--formats', 'html']),
    ]);
    for (const r of [imp, exp, rev, pub]) {
      expect(r.code, r.err).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain(`kinerja: basis data tertanam ${join(dir, 'data', 'pglite')} sedang dipakai oleh server web Kinerja (pid ${pid}, sejak `);
      expect(r.err).toContain(`di ${url})`);
      expect(r.err).toContain('hentikan dulu server itu');
      expect(r.err).toContain('DATABASE_URL');
      expect(r.err).not.toMatch(/\n\s+at |Error:/); // no stack trace, no raw error
    }
    const en = await kinerjaCli(env, ['--lang', 'en', 'agencies']);
    expect(en.code).toBe(1);
    expect(en.err).toContain(`is in use by the Kinerja web server (pid ${pid}, since `);
    // a second server on the same directory refuses to start, cleanly
    const second = await runProcess(process.execPath, ['--import', 'tsx', SERVER], { env: { ...env, PORT: String(await freePort()) } });
    expect(second.code).toBe(1);
    expect(second.err).toContain(`Kinerja tidak dapat dimulai: basis data tertanam ${join(dir, 'data', 'pglite')} sedang dipakai oleh server web Kinerja (pid ${pid}`);
    expect(second.err).not.toMatch(/\n\s+at /);
    expect((await fetch(`${url}/healthz`)).ok).toBe(true); // the holder is unaffected

    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);

    const after = await kinerjaCli(env, ['export', '--agency', 'diskopum', '-o', join(dir, 'after.json')]);
    expect(after.code, after.err).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'after.json'), 'utf8'))).toStrictEqual(JSON.parse(await readFile(join(dir, 'before.json'), 'utf8')));
    const valid = await kinerjaCli(env, ['validate', '--agency', 'diskopum', '--json']);
    expect(valid.code, valid.err).toBe(0);
    expect(JSON.parse(valid.out).valid).toBe(true);
    // the refused import left nothing behind; now it goes through
    expect(JSON.parse((await kinerjaCli(env, ['agencies', '--json'])).out).map((a: { id: string }) => a.id)).toStrictEqual(['diskopum']);
    const now = await kinerjaCli(env, ['import', join(dir, 'other.json')]);
    expect(now.code, now.err).toBe(0);
    expect(now.err).not.toContain('baru dibuat');
    expect(JSON.parse((await kinerjaCli(env, ['agencies', '--json'])).out).map((a: { id: string }) => a.id).sort()).toStrictEqual(['dinco', 'diskopum']);
    const rev2 = await kinerjaCli(env, ['review', '--agency', 'diskopum', '--year', '2025']);
    expect(rev2.code, rev2.err).toBe(0);
    console.log(`refused in ms: import ${imp.ms}, export ${exp.ms}, review ${rev.ms}, publish ${pub.ms} (together); agencies ${en.ms} (alone); a command that worked: review ${rev2.ms}`);
  }, 240_000);

  it('a server killed with SIGKILL leaves no lock behind: the next command opens the database at once', async () => {
    const server = await startServer(env);
    server.child.kill('SIGKILL');
    await exited(server.child);
    const r = await kinerjaCli(env, ['agencies']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('diskopum');
    const valid = await kinerjaCli(env, ['validate', '--agency', 'diskopum', '--json']);
    expect(JSON.parse(valid.out).valid).toBe(true);
  }, 180_000);
});
