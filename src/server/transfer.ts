/**
 * What goes over the wire: compression (brotli, then gzip, as the request's Accept-Encoding
 * allows) and the Content-Security-Policy of the pages and answers.
 *
 * - The built front end's files (web/dist) are compressed once, in memory, when the app is made
 *   (warmStatic, in the background) or at their first request, whichever comes first (brotli at
 *   its best quality and gzip 9, off the event loop), and kept with the file's
 *   size and modification time: every later request gets the same bytes; a rebuilt file is
 *   compressed again. Why not at build time: `vite build` and `web/build.ts` both make web/dist,
 *   and a server started on an older build would serve it uncompressed; a few hundred
 *   milliseconds once per file per process cost nothing (docs/decisions.md).
 * - JSON answers above JSON_MIN_BYTES are compressed per answer at a fast level; an answer kept
 *   in memory (json.ts) keeps its compressed bytes with it, so it is compressed once too.
 * - Every compressible answer says `Vary: Accept-Encoding`, compressed or not.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

export type Coding = 'br' | 'gzip';

/** Answers smaller than this go out as they are: the framing costs more than it saves. */
export const JSON_MIN_BYTES = 1024;

/**
 * The policy of the web application and of every API answer: scripts only from the server
 * itself, no plugins, no <base>, never framed, forms only to the server. Styles allow
 * 'unsafe-inline' for one reason: the LKIP preview is shown from a blob: URL the app makes,
 * and such a document inherits this policy; the report is self-contained (inline <style>,
 * fonts and pictures as data: URIs).
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** The policy of a report served as HTML: exactly what it uses (inline styles, data: fonts and pictures), no script. */
export const REPORT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "font-src data:",
  "img-src data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The coding to answer with: brotli when accepted, else gzip, else none (q=0 refuses one). */
export function chooseCoding(acceptEncoding: string | undefined): Coding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepted = (c: string) => (q.get(c) ?? (q.has('*') ? q.get('*')! : 0)) > 0;
  if (accepted('br')) return 'br';
  if (accepted('gzip')) return 'gzip';
  return null;
}

/** Fast compression, for an answer made for this request. */
export function compressNow(bytes: Uint8Array, coding: Coding): Uint8Array {
  return coding === 'br'
    ? brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
      })
    : gzipSync(bytes, { level: 6 });
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The best compression, for bytes sent many times (off the event loop). */
async function compressBest(bytes: Uint8Array): Promise<Record<Coding, Uint8Array>> {
  const [br, gz] = await Promise.all([
    brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } }),
    gzipAsync(bytes, { level: 9 }),
  ]);
  return { br: new Uint8Array(br), gzip: new Uint8Array(gz) };
}

/** A file of web/dist as it is sent: its bytes and, when worth it, its compressed forms. */
export interface StaticFile {
  raw: Uint8Array;
  coded: Partial<Record<Coding, Uint8Array>>;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.txt', '.ico']);

/** web/dist's files read and compressed once (per size and modification time), shared by every request. */
export class StaticFiles {
  private readonly files = new Map<string, { key: string; file: Promise<StaticFile> }>();

  async get(path: string): Promise<StaticFile> {
    const s = await stat(path);
    const key = `${s.size}:${s.mtimeMs}`;
    const kept = this.files.get(path);
    if (kept && kept.key === key) return kept.file;
    const file = (async (): Promise<StaticFile> => {
      const raw = new Uint8Array(await readFile(path));
      const ext = path.slice(path.lastIndexOf('.'));
      if (!COMPRESSIBLE.has(ext) || raw.byteLength < JSON_MIN_BYTES) return { raw, coded: {} };
      const coded = await compressBest(raw);
      // a coding that does not make the file smaller is not offered
      for (const c of ['br', 'gzip'] as const) if (coded[c].byteLength >= raw.byteLength) delete (coded as Partial<Record<Coding, Uint8Array>>)[c];
      return { raw, coded };
    })();
    this.files.set(path, { key, file });
    file.catch(() => this.files.delete(path));
    return file;
  }
}

/**
 * Compress every file of `dist` (index.html and assets/) ahead of the first request, one after
 * the other in the background, so that the first visitor does not wait for brotli 11 (about
 * 4 s of CPU for the whole build). A failure only leaves the work to the first request.
 */
export async function warmStatic(files: StaticFiles, dist: string): Promise<void> {
  try {
    const assets = await readdir(join(dist, 'assets')).catch(() => [] as string[]);
    for (const path of [join(dist, 'index.html'), ...assets.sort().map((n) => join(dist, 'assets', n))]) await files.get(path).catch(() => undefined);
  } catch {
    /* left to the first request */
  }
}

/** The bytes to send for `raw` under `acceptEncoding`, and the headers that say how. */
export function pickStatic(file: StaticFile, acceptEncoding: string | undefined): { body: Uint8Array; headers: Record<string, string> } {
  const coding = chooseCoding(acceptEncoding);
  const body = coding ? file.coded[coding] : undefined;
  if (coding && body) return { body, headers: { 'content-encoding': coding, vary: 'Accept-Encoding' } };
  return { body: file.raw, headers: Object.keys(file.coded).length > 0 ? { vary: 'Accept-Encoding' } : {} };
}
