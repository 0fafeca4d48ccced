/**
 * `npm start`: the web server. Reads the configuration once (src/config.ts; a bad variable
 * stops it with a message naming it), opens the store (embedded PGlite under
 * KINERJA_DATA_DIR, or DATABASE_URL), loads the demo agency and its accounts on first start
 * (not in production), and serves the API and the front end (web/dist when built).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { langOf, messageIn } from '../core/findings.js';
import { formatNumber } from '../core/format.js';
import { DatabaseInUseError, openDatabase, type Db } from '../store/db.js';
import { createApp } from './app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo.js';
import { createDeps, fixedDay } from './server.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The session secret: configured, or generated once and kept in `<dataDir>/auth-secret` (mode 600). */
async function sessionSecret(config: Config, dataDir: string): Promise<string> {
  if (config.authSecret) return config.authSecret;
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Kinerja tidak dapat dimulai: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const dataDir = config.dataDir;
  let db: Db;
  try {
    db = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir, holder: { what: 'server' } });
  } catch (e) {
    if (e instanceof DatabaseInUseError) {
      // another process (a command, another server) holds the embedded database
      console.error(`Kinerja tidak dapat dimulai: ${messageIn(langOf(process.env.KINERJA_LANG), e)}`);
      process.exit(1);
    }
    throw e;
  }
  const deps = createDeps({
    pool: db.pool,
    ...(config.today !== undefined ? { now: fixedDay(config.today) } : {}),
    secret: await sessionSecret(config, dataDir),
    settings: {
      dataDir,
      maxDatasetBytes: config.maxDatasetBytes,
      publicUrl: config.publicUrl,
      trustedOrigins: config.trustedOrigins,
      allowedHosts: config.allowedHosts,
      loopbackHosts: config.loopbackHosts,
      trustProxy: config.trustProxy,
      webDist: WEB_DIST,
    },
  });
  const lines: string[] = [];
  if (config.today !== undefined) lines.push(`Hari ini ditetapkan ${config.today} (KINERJA_TODAY; hanya untuk pengujian dan peragaan).`);
  if (config.demo) {
    const seed = await seedDemo(deps);
    if (seed.agencyLoaded) lines.push('Agency demo "diskopum" (Diskopum Jember 2025) dimuat ke basis data.');
    if (seed.registersLoaded.length) {
      lines.push(`Register demo (data sintetis) dimuat: ${seed.registersLoaded.map((r) => `${r.name} ${formatNumber(r.rows, 0)} baris`).join(', ')}.`);
    }
    lines.push(`Akun demo (kata sandi untuk semua: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.username.padEnd(20)} ${a.label}`);
    lines.push('Matikan akun demo dengan KINERJA_DEMO=0 (produksi: NODE_ENV=production tidak pernah membuatnya).');
  }
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
    // a command refused by the database's lock names the server and this address
    db.lock?.describe({ url });
    console.log(`Kinerja berjalan di ${url}  (API: /api/openapi.json, kesehatan: /healthz)`);
    console.log(`Basis data: ${db.engine === 'pglite' ? `PGlite di ${db.dir}${db.created ? ' (baru dibuat)' : ''}` : 'PostgreSQL (DATABASE_URL)'}`);
    if (!config.loopbackHosts) console.log(`Alamat publik: ${config.publicUrl} (hanya nama ini${config.allowedHosts.length ? ` dan ${config.allowedHosts.join(', ')}` : ''} yang dijawab)`);
    else if (!['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
      console.log(`Perhatian: tanpa KINERJA_PUBLIC_URL server hanya menjawab localhost, 127.0.0.1 dan [::1] port ${info.port}; atur KINERJA_PUBLIC_URL ke alamat yang dibuka pengguna.`);
    }
    for (const l of lines) console.log(l);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: Kinerja berhenti.`);
    server.close(() => {
      deps.pdf
        .close()
        .catch(() => undefined)
        .then(() => db.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
