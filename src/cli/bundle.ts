/**
 * `kinerja import x.zip` and `kinerja export --agency A -o x.zip`: a dataset bundle (the
 * document with the files it refers to; io/bundle.ts). A reference to a file neither the bundle
 * nor the store holds is a warning naming the file and where (core/dataset/files.ts).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { missingFileFindings } from '../core/dataset/files.js';
import { parseDocumentText, DatasetParseError } from '../core/dataset/io.js';
import type { Dataset } from '../core/dataset/schema.js';
import { agencyId } from '../core/dataset/model.js';
import { validateDocument, type ValidationResult } from '../core/dataset/validate.js';
import { text, type Finding } from '../core/findings.js';
import { BundleError, hashesOf, isBundle, readBundle, writeBundle } from '../io/bundle.js';
import { fileFacts, readFiles, type StoredFile } from '../store/files.js';
import type pg from 'pg';
import { CliError, type CliIo } from './io.js';
import { InvalidDocument } from './source.js';

type Valid = Exclude<ValidationResult, { kind: 'invalid' }>;

/** A bundle file read and validated, or undefined when the file is not a bundle. */
export async function readValidatedBundle(io: CliIo, file: string): Promise<{ doc: Valid; files: Map<string, StoredFile> } | undefined> {
  const path = resolve(io.cwd, file);
  if (!file.toLowerCase().endsWith('.zip')) return undefined;
  const bytes = await readFile(path);
  if (!isBundle(bytes)) throw new CliError(text(`${file} is not a .zip bundle`, `${file} bukan bundel .zip`));
  let bundle;
  try {
    bundle = await readBundle(bytes);
  } catch (e) {
    if (e instanceof BundleError) throw new CliError(text(`${file}: ${e.message}`, `${file}: ${e.id}`));
    throw e;
  }
  let input: unknown;
  try {
    input = parseDocumentText(bundle.text, `${file}!dataset.json`);
  } catch (e) {
    if (e instanceof DatasetParseError) throw new InvalidDocument(e.findings, file);
    throw e;
  }
  const doc = validateDocument(input);
  if (doc.kind === 'invalid') throw new InvalidDocument(doc.findings, file);
  return { doc, files: bundle.files };
}

/** Warnings for the references neither `files` nor the store holds (in the caller's connection). */
export async function missingFiles(pool: pg.Pool, doc: Valid, files: ReadonlyMap<string, StoredFile>): Promise<Finding[]> {
  const list: [Dataset, string][] = doc.kind === 'dataset' ? [[doc.dataset, '']] : doc.region.agencies.map((ds, i) => [ds, `agencies[${i}]`]);
  const out: Finding[] = [];
  for (const [ds, prefix] of list) {
    const have = new Map<string, { size: number; mediaType: string }>(await fileFacts(pool, agencyId(ds.agency)));
    for (const [h, f] of files) have.set(h, f);
    out.push(...missingFileFindings(ds, have, prefix));
  }
  return out;
}

/** Write an agency's dataset and its files as a bundle. */
export async function writeBundleFile(pool: pg.Pool, io: CliIo, file: string, dataset: Dataset, documentText: string): Promise<void> {
  const files = await readFiles(pool, agencyId(dataset.agency), hashesOf(dataset));
  const path = resolve(io.cwd, file);
  await writeFile(`${path}.part`, await writeBundle(documentText, files.values()));
  await rename(`${path}.part`, path);
}
