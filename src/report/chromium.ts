/**
 * Which Chromium prints the PDFs and drives the end-to-end tests, with which switches, and the
 * error when there is none. Kept apart from pdf.ts so that a command can recognize the error
 * without loading the renderer (playwright-core is loaded only by `launchChromium`).
 *
 * The order of preference (`chooseChromium`):
 * 1. `CHROMIUM_PATH`, when set;
 * 2. the Chromium of the npm package @sparticuz/chromium (a headless shell build for Linux x64,
 *    shipped compressed inside the package and unpacked once into Kinerja's cache): pinned by
 *    package-lock.json, so every machine prints with the same bytes, and the machine needs
 *    nothing but Node and npm. It also takes no more memory: the demo LKIP (`npm run bench --
 *    report-demo`, median of 3) peaked at 453 MB in all, the command 181 MB RSS and the browser's
 *    3 processes 272 MB PSS, where Debian's headless shell 156 took about 300 MB PSS with the same
 *    switches (pdf.ts, on an earlier day); its warm print took 4.2 s on this 2-core machine
 *    shared with four other test runs (load average 9);
 * 3. Debian's headless shell (`chromium-headless-shell`), then Debian's `chromium`: where the npm
 *    build does not run (another processor or system).
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { cacheDir } from './cache.js';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/**
 * Debian's Chromium headless shell (package chromium-headless-shell): the same engine without the
 * browser's user interface, so a print takes about 230 MB less memory (bench report-demo: the
 * browser's processes 439 MB PSS against 672 MB with the full chromium, one run each on this machine).
 */
export const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell';
/** The npm package whose Chromium Kinerja prints with. */
export const NPM_CHROMIUM_PACKAGE = '@sparticuz/chromium';

/**
 * The browser's switches. After the usual ones of a headless browser on a closed network, those
 * that make a print take less memory, each measured on the demo LKIP (bench/peak-memory.ts, the
 * browser's processes' peak PSS; the PDF's bytes unchanged by every one):
 * - `--in-process-gpu`, `--no-zygote`, `NetworkServiceInProcess`, `--disable-software-rasterizer`:
 *   the GPU, zygote and network processes folded into the browser's (7 processes → 4);
 * - `--js-flags=--optimize-for-size`: V8, whose heap also holds the page's DOM and layout objects,
 *   collects sooner (with the collection between loading and printing, pdf.ts: 410 → 301 MB;
 *   a 470-page document 1122 → 896 MB in the same time, where capping the heap with
 *   `--max-old-space-size` made that print take 2–3 times as long).
 * - `--font-render-hinting=none`: text laid out at the fonts' own advance widths. The npm build
 *   otherwise hints them to whole pixels (no system fontconfig rule covers the embedded fonts):
 *   "Target" in bold 9 pt Arimo took 42 px instead of Arial's 35.8, so table headers that
 *   metrics.ts sized broke inside words (cli/report.test.ts).
 * The npm build takes them as Debian's does (it is a headless shell of its own; WebGL, for which
 * its package also ships SwiftShader, is never used here).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--in-process-gpu',
  '--no-zygote',
  '--enable-features=NetworkServiceInProcess',
  '--disable-software-rasterizer',
  '--js-flags=--optimize-for-size',
  '--font-render-hinting=none',
];

/** A Chromium to use: an executable on disk, or the npm package's build. */
export type ChromiumChoice =
  | { kind: 'path'; path: string; from: 'CHROMIUM_PATH' | 'option' }
  /** Debian's, where the npm build is not there (`npm: 'missing'`) or can not run here (`'platform'`) */
  | { kind: 'path'; path: string; from: 'debian'; npm: 'missing' | 'platform' }
  | { kind: 'npm'; package: string; version: string; binDir: string };

const require = createRequire(import.meta.url);

/** The npm package's build, when it is installed and this machine can run it (Linux x64). */
function npmBuild(platform = process.platform, arch = process.arch): { version: string; binDir: string } | 'missing' | 'platform' {
  if (platform !== 'linux' || arch !== 'x64') return 'platform';
  try {
    // its package.json is not exported: found from its entry point (resolved, not loaded)
    for (let dir = dirname(require.resolve(NPM_CHROMIUM_PACKAGE)); dir !== dirname(dir); dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === NPM_CHROMIUM_PACKAGE && pkg.version) return { version: pkg.version, binDir: join(dir, 'bin') };
    }
  } catch {
    // not installed
  }
  return 'missing';
}

export interface ChromiumProbe {
  exists: (path: string) => boolean;
  npm: () => { version: string; binDir: string } | 'missing' | 'platform';
}
const SYSTEM: ChromiumProbe = { exists: existsSync, npm: () => npmBuild() };

/** The Chromium to use, in the order of preference above. */
export function chooseChromium(env: NodeJS.ProcessEnv = process.env, probe: ChromiumProbe = SYSTEM): ChromiumChoice {
  if (env['CHROMIUM_PATH']) return { kind: 'path', path: env['CHROMIUM_PATH'], from: 'CHROMIUM_PATH' };
  const npm = probe.npm();
  if (typeof npm === 'object') return { kind: 'npm', package: NPM_CHROMIUM_PACKAGE, ...npm };
  return { kind: 'path', path: probe.exists(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : DEFAULT_CHROMIUM_PATH, from: 'debian', npm };
}

/**
 * Which Chromium a choice is, as an issued report records it: the npm package and its version
 * (`@sparticuz/chromium@143.0.4`: the same build wherever it runs), or the executable's path.
 */
export function chromiumName(choice: ChromiumChoice = chooseChromium()): string {
  return choice.kind === 'npm' ? `${choice.package}@${choice.version}` : choice.path;
}

/** Whether a Chromium is there to use (the npm build counts: it is unpacked at its first use). */
export function chromiumAvailable(choice: ChromiumChoice = chooseChromium()): boolean {
  return choice.kind === 'npm' ? existsSync(join(choice.binDir, 'chromium.br')) : existsSync(choice.path);
}

/** Thrown when there is no Chromium to print with; says why and what to do. */
export class ChromiumMissingError extends Error {
  /** the message in Indonesian */
  readonly localized: { id: string };
  constructor(en: string, id: string) {
    super(en);
    this.name = 'ChromiumMissingError';
    this.localized = { id };
  }

  /** An executable that is not there. */
  static at(choice: Extract<ChromiumChoice, { kind: 'path' }>): ChromiumMissingError {
    const { path } = choice;
    if (choice.from === 'debian') {
      const [en, id] =
        choice.npm === 'platform'
          ? [`runs on Linux x64 only (this machine: ${process.platform} ${process.arch})`, `hanya berjalan di Linux x64 (mesin ini: ${process.platform} ${process.arch})`]
          : ['is not installed (run `npm ci`)', 'tidak terpasang (jalankan `npm ci`)'];
      return new ChromiumMissingError(
        `Chromium was not found at ${path}; PDF output needs it. The Chromium Kinerja installs with npm (${NPM_CHROMIUM_PACKAGE}) ${en}: ` +
          'else install Chromium (Debian/Ubuntu: `apt-get install chromium-headless-shell`) or set CHROMIUM_PATH to a Chromium executable.',
        `Chromium tidak ditemukan di ${path}; keluaran PDF memerlukannya. Chromium yang dipasang Kinerja lewat npm (${NPM_CHROMIUM_PACKAGE}) ${id}: ` +
          'atau pasang Chromium (Debian/Ubuntu: `apt-get install chromium-headless-shell`) atau arahkan CHROMIUM_PATH ke program Chromium.',
      );
    }
    const named = choice.from === 'CHROMIUM_PATH' ? ' (CHROMIUM_PATH)' : '';
    return new ChromiumMissingError(
      `Chromium was not found at ${path}${named}; PDF output needs it. Set CHROMIUM_PATH to a Chromium executable, or leave it unset to print with the Chromium Kinerja installs with npm (${NPM_CHROMIUM_PACKAGE}).`,
      `Chromium tidak ditemukan di ${path}${named}; keluaran PDF memerlukannya. Arahkan CHROMIUM_PATH ke program Chromium, atau kosongkan agar mencetak dengan Chromium yang dipasang Kinerja lewat npm (${NPM_CHROMIUM_PACKAGE}).`,
    );
  }

  /** The npm build could not be unpacked (its files missing, or the cache not writable). */
  static unpack(name: string, dir: string, code: string): ChromiumMissingError {
    return new ChromiumMissingError(
      `The Chromium of ${name} could not be unpacked into ${dir} (${code}); PDF output needs it. Reinstall with \`npm ci\`, free disk space or set XDG_CACHE_HOME to a writable folder, or set CHROMIUM_PATH to a Chromium executable.`,
      `Chromium dari ${name} tidak dapat dibuka ke ${dir} (${code}); keluaran PDF memerlukannya. Pasang ulang dengan \`npm ci\`, kosongkan ruang disk atau arahkan XDG_CACHE_HOME ke folder yang dapat ditulisi, atau arahkan CHROMIUM_PATH ke program Chromium.`,
    );
  }
}

/** Unpacks what a brotli file holds to `target`: the file itself, or (a `.tar.br`) a folder of its entries. */
async function unpackBrotli(source: string, target: string): Promise<void> {
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    if (source.endsWith('.tar.br')) {
      const tar = await import('tar');
      mkdirSync(tmp, { recursive: true });
      await pipeline(createReadStream(source), createBrotliDecompress(), tar.x({ cwd: tmp }));
    } else {
      await pipeline(createReadStream(source), createBrotliDecompress(), createWriteStream(tmp, { mode: 0o755 }));
    }
    // one rename: a process that looks meanwhile sees the whole file or none
    try {
      renameSync(tmp, target);
    } catch (e) {
      if (!existsSync(target)) throw e; // another process was quicker: keep its copy
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const unpacking = new Map<string, Promise<{ executablePath: string; libDir: string }>>();

/**
 * The npm build unpacked into the cache (`chromium-<version>/`): the executable and the NSS
 * libraries it is linked with (the package's al2023 set, so it needs none from the system). Done
 * once per version; two processes unpacking at once each write their own copy and rename it.
 */
function unpackNpmBuild(choice: Extract<ChromiumChoice, { kind: 'npm' }>): Promise<{ executablePath: string; libDir: string }> {
  const dir = cacheDir(`chromium-${choice.version}`);
  const executablePath = join(dir, 'chromium');
  const libDir = join(dir, 'lib');
  const done = (): boolean => existsSync(executablePath) && statSync(executablePath).size > 0 && existsSync(join(libDir, 'libnss3.so'));
  if (done()) return Promise.resolve({ executablePath, libDir });
  let p = unpacking.get(dir);
  if (!p) {
    p = (async () => {
      try {
        mkdirSync(dir, { recursive: true });
        if (!existsSync(executablePath)) await unpackBrotli(join(choice.binDir, 'chromium.br'), executablePath);
        if (!existsSync(libDir)) {
          const tmp = `${libDir}-${process.pid}.d`;
          await unpackBrotli(join(choice.binDir, 'al2023.tar.br'), tmp);
          try {
            renameSync(join(tmp, 'lib'), libDir);
          } catch (e) {
            if (!existsSync(libDir)) throw e;
          } finally {
            rmSync(tmp, { recursive: true, force: true });
          }
        }
        return { executablePath, libDir };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'error';
        throw ChromiumMissingError.unpack(chromiumName(choice), dir, code);
      } finally {
        unpacking.delete(dir);
      }
    })();
    unpacking.set(dir, p);
  }
  return p;
}

/** The executable of a choice and the environment it runs in (unpacking the npm build at its first use). */
export async function chromiumExecutable(choice: ChromiumChoice = chooseChromium()): Promise<{ executablePath: string; env: NodeJS.ProcessEnv }> {
  if (choice.kind === 'path') {
    if (!existsSync(choice.path)) throw ChromiumMissingError.at(choice);
    return { executablePath: choice.path, env: process.env };
  }
  const { executablePath, libDir } = await unpackNpmBuild(choice);
  const ld = process.env['LD_LIBRARY_PATH'];
  return { executablePath, env: { ...process.env, LD_LIBRARY_PATH: ld ? `${libDir}:${ld}` : libDir } };
}

export interface LaunchOptions {
  /** which Chromium (default: `chooseChromium()`) */
  choice?: ChromiumChoice;
  /** its switches (default: CHROMIUM_ARGS) */
  args?: readonly string[];
  /** milliseconds the start may take */
  timeout?: number;
}

/** Starts a Chromium through playwright-core (loaded here, at the first start). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath, env } = await chromiumExecutable(options.choice ?? chooseChromium());
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    env,
    args: [...(options.args ?? CHROMIUM_ARGS)],
    headless: true,
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
  });
}
