/**
 * A dataset bundle (dataset-format.md, "Bundles"): one .zip holding the document as
 * `dataset.json` and every file it refers to as `files/<sha256>.<png|jpg|pdf>`. Export writes
 * one, import reads one; a file whose content does not hash to its name, or whose content is
 * not what its extension says, is refused with its name.
 */
import JSZip from 'jszip';
import { EXTENSION_OF, fileHashes } from '../core/dataset/files.js';
import type { Dataset, Region } from '../core/dataset/schema.js';
import { fileOf, type StoredFile } from '../store/files.js';

export const BUNDLE_DOCUMENT = 'dataset.json';
/** The most a bundle may unpack to (all its files together). */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
/** A fixed date for every entry: the same document and files give the same bundle bytes. */
const ENTRY_DATE = new Date(Date.UTC(2000, 0, 1));

/** Whether bytes are a zip archive (a bundle) rather than JSON or YAML text. */
export function isBundle(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export class BundleError extends Error {
  constructor(
    message: string,
    readonly id: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

/** The hashes the documents of a bundle refer to. */
export function hashesOf(doc: Dataset | Region): string[] {
  const list = 'agencies' in doc ? doc.agencies.flatMap(fileHashes) : fileHashes(doc);
  return [...new Set(list)];
}

/** A bundle of a document (its JSON text as exported) and the files it refers to. */
export async function writeBundle(documentText: string, files: Iterable<StoredFile>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(BUNDLE_DOCUMENT, documentText, { date: ENTRY_DATE });
  const sorted = [...files].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
  for (const f of sorted) zip.file(`files/${f.sha256}.${EXTENSION_OF[f.mediaType]}`, f.bytes, { date: ENTRY_DATE, compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

/** The document text and the files of a bundle, each file checked against its name. */
export async function readBundle(bytes: Uint8Array): Promise<{ text: string; files: Map<string, StoredFile> }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new BundleError(`not a readable .zip bundle: ${(e as Error).message}`, `bukan berkas bundel .zip yang dapat dibaca: ${(e as Error).message}`);
  }
  const doc = zip.file(BUNDLE_DOCUMENT);
  if (!doc) throw new BundleError(`the bundle has no ${BUNDLE_DOCUMENT}`, `bundel tidak memuat ${BUNDLE_DOCUMENT}`);
  const files = new Map<string, StoredFile>();
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || entry.name === BUNDLE_DOCUMENT) continue;
    const m = /^files\/([0-9a-f]{64})\.(png|jpg|pdf)$/.exec(entry.name);
    if (!m) {
      throw new BundleError(
        `${entry.name}: expected only ${BUNDLE_DOCUMENT} and files named files/<sha256>.png|jpg|pdf`,
        `${entry.name}: bundel seharusnya hanya berisi ${BUNDLE_DOCUMENT} dan berkas bernama files/<sha256>.png|jpg|pdf`,
      );
    }
    const content = await entry.async('nodebuffer');
    total += content.byteLength;
    if (total > MAX_BUNDLE_BYTES) throw new BundleError(`the bundle unpacks to more than ${MAX_BUNDLE_BYTES} bytes`, `isi bundel lebih dari ${MAX_BUNDLE_BYTES} bita`);
    let f: StoredFile;
    try {
      f = fileOf(content, entry.name);
    } catch {
      throw new BundleError(`${entry.name}: not a PNG, JPEG or PDF file by its content`, `${entry.name}: menurut isinya bukan berkas PNG, JPEG, atau PDF`);
    }
    if (f.sha256 !== m[1] || EXTENSION_OF[f.mediaType] !== m[2]) {
      throw new BundleError(
        `${entry.name}: its content is ${f.mediaType} with sha256 ${f.sha256}, not what its name says`,
        `${entry.name}: isinya ${f.mediaType} dengan sha256 ${f.sha256}, tidak sesuai dengan namanya`,
      );
    }
    files.set(f.sha256, f);
  }
  return { text: await doc.async('string'), files };
}
