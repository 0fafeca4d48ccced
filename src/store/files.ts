/**
 * The bytes of the files a dataset refers to (`agency_files`, migration 0006): the agency's
 * crest, documentation photos, scans of signed agreements and decrees, one row per agency and
 * SHA-256. The dataset keeps the reference (dataset-format.md, "Files"); the database checks
 * that each row's hash and size are its content's.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { sniffMediaType } from '../core/dataset/files.js';
import type { FileMediaType } from '../core/dataset/schema.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface StoredFile {
  sha256: string;
  mediaType: FileMediaType;
  size: number;
  bytes: Buffer;
}

/** What the store holds of a file without its bytes. */
export type FileFacts = Omit<StoredFile, 'bytes'>;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A file's bytes as stored: its hash computed, its media type read from its first bytes (refused when none). */
export function fileOf(bytes: Uint8Array, where = 'file'): StoredFile {
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw new Error(`${where}: not a PNG, JPEG or PDF file by its content`);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { sha256: sha256Of(buf), mediaType, size: buf.byteLength, bytes: buf };
}

/** Store files of an agency (in the caller's transaction); one already there is kept. */
export async function putFiles(client: Queryable, agencyId: string, files: Iterable<StoredFile>): Promise<number> {
  let n = 0;
  for (const f of files) {
    const { rowCount } = await client.query(
      `INSERT INTO agency_files (agency_id, sha256, media_type, size, content) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (agency_id, sha256) DO NOTHING`,
      [agencyId, f.sha256, f.mediaType, f.size, f.bytes],
    );
    n += rowCount ?? 0;
  }
  return n;
}

/** The files of an agency the store holds (no bytes), by hash. */
export async function fileFacts(client: Queryable, agencyId: string): Promise<Map<string, FileFacts>> {
  const { rows } = await client.query<{ sha256: string; media_type: FileMediaType; size: number }>(
    'SELECT sha256, media_type, size FROM agency_files WHERE agency_id = $1',
    [agencyId],
  );
  return new Map(rows.map((r) => [r.sha256, { sha256: r.sha256, mediaType: r.media_type, size: r.size }]));
}

/** The bytes of the asked files of an agency that the store holds, by hash. */
export async function readFiles(client: Queryable, agencyId: string, hashes: readonly string[]): Promise<Map<string, StoredFile>> {
  if (hashes.length === 0) return new Map();
  const { rows } = await client.query<{ sha256: string; media_type: FileMediaType; size: number; content: Buffer }>(
    'SELECT sha256, media_type, size, content FROM agency_files WHERE agency_id = $1 AND sha256 = ANY($2::text[])',
    [agencyId, [...hashes]],
  );
  return new Map(rows.map((r) => [r.sha256, { sha256: r.sha256, mediaType: r.media_type, size: r.size, bytes: r.content }]));
}

export interface FileQueries {
  put(agencyId: string, files: Iterable<StoredFile>): Promise<number>;
  facts(agencyId: string): Promise<Map<string, FileFacts>>;
  read(agencyId: string, hashes: readonly string[]): Promise<Map<string, StoredFile>>;
  get(agencyId: string, sha256: string): Promise<StoredFile | undefined>;
}

export function createFileQueries(pool: pg.Pool): FileQueries {
  return {
    put: (agencyId, files) => putFiles(pool, agencyId, files),
    facts: (agencyId) => fileFacts(pool, agencyId),
    read: (agencyId, hashes) => readFiles(pool, agencyId, hashes),
    async get(agencyId, sha256) {
      return (await readFiles(pool, agencyId, [sha256])).get(sha256);
    },
  };
}
