/**
 * Which Chromium prints the PDFs and with which switches, and the error when there is none. Kept
 * apart from pdf.ts so that a command can recognize the error without loading the renderer.
 */
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/**
 * Debian's Chromium headless shell (package chromium-headless-shell): the same engine without the
 * browser's user interface, so a print takes about 230 MB less memory (bench report-demo: the
 * browser's processes 439 MB PSS against 672 MB with the full chromium, one run each on this machine).
 */
export const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell';

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
];

/** The Chromium executable to use: `CHROMIUM_PATH` when set, else Debian's headless shell when installed, else Debian's chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  if (env['CHROMIUM_PATH']) return env['CHROMIUM_PATH'];
  return exists(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : DEFAULT_CHROMIUM_PATH;
}

/** Thrown when there is no Chromium to print with. */
export class ChromiumMissingError extends Error {
  /** the message in Indonesian */
  readonly localized: { id: string };
  constructor(readonly path: string) {
    super(
      `Chromium was not found at ${path}; PDF output needs it. Install it with ` +
        '`apt-get install chromium-headless-shell fonts-liberation2` (Debian/Ubuntu; the package chromium serves too), or set CHROMIUM_PATH to a Chromium executable.',
    );
    this.name = 'ChromiumMissingError';
    this.localized = {
      id:
        `Chromium tidak ditemukan di ${path}; keluaran PDF memerlukannya. Pasang dengan ` +
        '`apt-get install chromium-headless-shell fonts-liberation2` (Debian/Ubuntu; paket chromium juga bisa), atau arahkan CHROMIUM_PATH ke program Chromium.',
    };
  }
}
