/**
 * Reading and writing a dataset or region document on disk. The only file access of the
 * dataset code; parsing and serializing are in src/core/dataset/io.ts.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { finding } from '../core/findings.js';
import { DatasetParseError, formatFromName, parseDocumentText, serializeDocument, type DocumentFormat } from '../core/dataset/io.js';

const MIB = 1024 * 1024;

/** The largest file read by default (32 MiB); callers may pass another limit (e.g. from the environment). */
export const DEFAULT_MAX_DATASET_BYTES = 32 * MIB;

/**
 * A size for a message, in MB (MiB) or KB (KiB): 52428800 → "50.0 MB" for a file's size
 * (`oneDecimal`), 33554432 → "32 MB" for a whole limit.
 */
function humanSize(bytes: number, oneDecimal: boolean): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [unit, div] = bytes >= MIB ? ['MB', MIB] : ['KB', 1024];
  const v = bytes / div;
  return `${oneDecimal || !Number.isInteger(v) ? v.toFixed(1) : String(v)} ${unit}`;
}

/** "50.0 MB" the Indonesian way: "50,0 MB". */
const sizeId = (size: string): string => size.replace('.', ',').replace(' bytes', ' bita');

const notFound = (path: string): DatasetParseError =>
  new DatasetParseError(path, [finding('error', 'file-not-found', path, `file not found: ${path}`, `berkas tidak ditemukan: ${path}`)]);
const unreadable = (path: string): DatasetParseError =>
  new DatasetParseError(path, [finding('error', 'file-unreadable', path, `no permission to read ${path}`, `tidak ada izin untuk membaca ${path}`)]);

/**
 * Read a document file and parse it (JSON or YAML by extension or content). The file's size
 * is checked before it is read: a file over `maxBytes` (default 32 MiB) is refused. A missing
 * file, a directory, an empty file or malformed text throw DatasetParseError with the path.
 */
export async function readDocumentFile(path: string, opts: { maxBytes?: number } = {}): Promise<unknown> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DATASET_BYTES;
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) {
      throw new DatasetParseError(path, [finding('error', 'not-a-file', path, `${path} is a directory, not a dataset file`, `${path} adalah direktori, bukan berkas dataset`)]);
    }
    if (!st.isFile()) {
      throw new DatasetParseError(path, [finding('error', 'not-a-file', path, `${path} is not a regular file`, `${path} bukan berkas biasa`)]);
    }
    size = st.size;
  } catch (e) {
    if (e instanceof DatasetParseError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw notFound(path);
    }
    if (code === 'EACCES' || code === 'EPERM') throw unreadable(path);
    throw e;
  }
  if (size > maxBytes) {
    throw new DatasetParseError(path, [
      finding(
        'error',
        'file-too-large',
        path,
        `file is ${humanSize(size, true)}; the largest dataset Kinerja reads is ${humanSize(maxBytes, false)}`,
        `ukuran berkas ${sizeId(humanSize(size, true))}; dataset terbesar yang dibaca Kinerja ${sizeId(humanSize(maxBytes, false))}`,
      ),
    ]);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw notFound(path);
    if (code === 'EACCES' || code === 'EPERM') throw unreadable(path);
    throw e;
  }
  return parseDocumentText(text, path);
}

/**
 * Write a document to a file, as YAML when the name ends in `.yaml`/`.yml` (or `format` says
 * so), else as JSON. The text is written beside the file first and then renamed over it, so a
 * failed write leaves no half-written file behind.
 */
export async function writeDocumentFile(path: string, doc: unknown, format?: DocumentFormat): Promise<void> {
  const text = serializeDocument(doc, format ?? formatFromName(path) ?? 'json');
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
