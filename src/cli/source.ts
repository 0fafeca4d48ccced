/**
 * Where a command's dataset comes from: a file (JSON or YAML, a dataset or a region) or
 * the configured database (`--agency ID`). Either way it is validated before use.
 */
import { join, resolve } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { validateDocument, type ValidationResult } from '../core/dataset/validate.js';
import type { Dataset, Region, Settings } from '../core/dataset/schema.js';
import { agencyId } from '../core/dataset/model.js';
import { text, type Finding } from '../core/findings.js';
import { DatasetParseError } from '../core/dataset/io.js';
import { readDocumentFile } from '../io/dataset-file.js';
import type { Db } from '../store/db.js';
import { createDatasetQueries } from '../store/datasets.js';
import { figuresForYear } from '../store/register-counts.js';
import type { RegisterFigures } from '../core/measure/register.js';
import { dayInJakarta } from '../core/registers/figures-plain.js';
import { CliError, inLang, type CliIo } from './io.js';

export interface SourceOptions {
  agency?: string;
  /**
   * the year to be measured: a dataset read from the database gets the register figures of that
   * measurement (store/register-counts.ts), as of KINERJA_TODAY or else today in Jakarta. A
   * dataset read from a file has no register rows: its register-based years stay unmeasured.
   */
  figuresYear?: number;
}

/** One agency's dataset, ready to measure, with the findings of its validation. */
export interface LoadedDataset {
  dataset: Dataset;
  regionSettings?: Settings;
  findings: Finding[];
  /** where it came from, for messages: a file path or `database:<agency>` */
  origin: string;
  /** the register figures of `figuresYear` (a dataset from the database that counts from registers) */
  registerFigures?: RegisterFigures;
}

/** The day register figures are counted at: KINERJA_TODAY when set (tests, demonstrations), else today in Jakarta. */
export function figuresDay(io: CliIo): string {
  return configFrom(io).today ?? dayInJakarta(new Date());
}

export class InvalidDocument extends Error {
  constructor(
    readonly findings: Finding[],
    readonly origin: string,
  ) {
    super(`${origin}: the dataset is not valid`);
  }
}

export function configFrom(io: CliIo): Config {
  try {
    return loadConfig(io.env, io.cwd);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/**
 * Open the configured database for the length of `fn`, and close it whatever happens. The
 * embedded database is refused (DatabaseInUseError) while another process holds it; a new
 * one is announced on standard error with where it was created.
 */
export async function withDatabase<T>(io: CliIo, fn: (db: Db) => Promise<T>, opts: { sharedBuffers?: string } = {}): Promise<T> {
  const config = configFrom(io);
  if (config.databaseUrl === undefined) {
    // refuse a database in use before loading the drivers (about 2 s of a refusal otherwise)
    const { probeLock } = await import('../store/lock.js');
    const inUse = await probeLock(join(config.dataDir, 'pglite'));
    if (inUse) throw inUse;
  }
  // the database drivers (pg, PGlite) are loaded only by the commands that open the database
  const { openDatabase } = await import('../store/db.js');
  const db = await openDatabase({
    ...(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : {}),
    dataDir: config.dataDir,
    holder: { what: io.command ?? 'kinerja' },
    ...(opts.sharedBuffers !== undefined ? { sharedBuffers: opts.sharedBuffers } : {}),
  });
  if (db.created) {
    io.err(inLang(io, text(`New embedded database created in ${db.dir}`, `Basis data tertanam baru dibuat di ${db.dir}`)) + '\n');
  }
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Read and validate a document file; throws InvalidDocument when it has errors. */
export async function readValidated(io: CliIo, file: string): Promise<Exclude<ValidationResult, { kind: 'invalid' }>> {
  const path = resolve(io.cwd, file);
  let input: unknown;
  try {
    input = await readDocumentFile(path, { maxBytes: configFrom(io).maxDatasetBytes });
  } catch (e) {
    if (e instanceof DatasetParseError) throw new InvalidDocument(e.findings, file);
    throw e;
  }
  const result = validateDocument(input);
  if (result.kind === 'invalid') throw new InvalidDocument(result.findings, file);
  return result;
}

/**
 * The dataset a command works on. A region file holds several agencies: `--agency` picks
 * one; without it a region of exactly one agency is accepted.
 */
export async function loadDataset(io: CliIo, file: string | undefined, opts: SourceOptions): Promise<LoadedDataset> {
  if (file) {
    const result = await readValidated(io, file);
    if (result.kind === 'dataset') {
      if (opts.agency && agencyId(result.dataset.agency) !== opts.agency) {
        throw new CliError(
          text(
            `${file}: the dataset is of agency "${agencyId(result.dataset.agency)}", not "${opts.agency}"`,
            `${file}: dataset ini milik perangkat daerah "${agencyId(result.dataset.agency)}", bukan "${opts.agency}"`,
          ),
        );
      }
      return { dataset: result.dataset, findings: result.findings, origin: file };
    }
    return pickFromRegion(result.region, result.findings, file, opts.agency);
  }
  if (!opts.agency) throw new CliError(text('give a dataset file, or --agency ID to read one from the database', 'berikan berkas dataset, atau --agency ID untuk membacanya dari basis data'), 2);
  const id = opts.agency;
  const origin = `database:${id}`;
  return withDatabase(io, async (db) => {
    const queries = createDatasetQueries(db.pool);
    const exported = await queries.exportDataset(id);
    if (!exported) {
      const known = (await queries.listAgencies()).map((a) => a.id);
      throw new CliError(
        text(
          `no agency "${id}" in the database` + (known.length ? ` (it holds: ${known.join(', ')})` : ' (it is empty: run `npx kinerja import FILE` first)'),
          `tidak ada perangkat daerah "${id}" dalam basis data` +
            (known.length ? ` (yang ada: ${known.join(', ')})` : ' (basis data kosong: jalankan dulu `npx kinerja import BERKAS`)'),
        ),
      );
    }
    const regionSettings = await queries.regionSettingsOf(id);
    const result = validateDocument(exported);
    if (result.kind === 'invalid') throw new InvalidDocument(result.findings, origin);
    if (result.kind !== 'dataset') throw new CliError(text(`${origin}: expected one agency's dataset`, `${origin}: diharapkan dataset satu perangkat daerah`));
    const registerFigures = opts.figuresYear === undefined ? undefined : await figuresForYear(db.pool, id, result.dataset, opts.figuresYear, figuresDay(io));
    return { dataset: result.dataset, ...(regionSettings ? { regionSettings } : {}), ...(registerFigures ? { registerFigures } : {}), findings: result.findings, origin };
  });
}

function pickFromRegion(region: Region, findings: Finding[], file: string, agency: string | undefined): LoadedDataset {
  const ids = region.agencies.map((a) => agencyId(a.agency));
  const wanted = agency ?? (ids.length === 1 ? ids[0] : undefined);
  if (!wanted) {
    throw new CliError(
      text(
        `${file} is a region of ${ids.length} agencies: choose one with --agency ID (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''})`,
        `${file} adalah wilayah dengan ${ids.length} perangkat daerah: pilih satu dengan --agency ID (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''})`,
      ),
      2,
    );
  }
  const i = ids.indexOf(wanted);
  const dataset = region.agencies[i];
  if (!dataset) throw new CliError(text(`${file}: no agency "${wanted}" in region ${region.region} (it holds: ${ids.join(', ')})`, `${file}: tidak ada perangkat daerah "${wanted}" di wilayah ${region.region} (yang ada: ${ids.join(', ')})`));
  const prefix = `agencies[${i}].`;
  return {
    dataset,
    regionSettings: region.settings,
    findings: findings.filter((f) => !f.where.startsWith('agencies[') || f.where.startsWith(prefix)),
    origin: `${file}#${wanted}`,
  };
}
