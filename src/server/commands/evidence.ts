/**
 * Evidence files of realizations: PDF, JPEG or PNG, at most 5 MiB, the type decided by the
 * file's first bytes (a declared type or a name that disagrees is refused). Stored under
 * `<dataDir>/evidence/<agency>/<id>`, described in `evidence_files`, and referenced from the
 * realization's `evidence` list as `kinerja-evidence:<id>`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { HttpError, text as t } from '../errors.js';

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_PREFIX = 'kinerja-evidence:';

export type EvidenceType = 'application/pdf' | 'image/jpeg' | 'image/png';

const EXTENSIONS: Record<EvidenceType, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/** The type of a file by its first bytes, or null when it is none of the accepted ones. */
export function sniffType(bytes: Uint8Array): EvidenceType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  contentType: EvidenceType;
  size: number;
  sha256: string;
}

/** Check an upload; throws 413 or 415 with what was expected. */
export function checkUpload(fileName: string, declared: string, bytes: Uint8Array): EvidenceType {
  if (bytes.byteLength === 0) throw new HttpError(422, 'empty-file', t('the file is empty', 'berkas kosong'), { where: 'body.file' });
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) {
    throw new HttpError(
      413,
      'too-large',
      t(
        `the file has ${bytes.byteLength} bytes; evidence files are at most 5 MiB (${MAX_EVIDENCE_BYTES} bytes)`,
        `berkas berukuran ${bytes.byteLength} bita; berkas bukti paling besar 5 MiB (${MAX_EVIDENCE_BYTES} bita)`,
      ),
      { where: 'body.file' },
    );
  }
  const type = sniffType(bytes);
  const unsupported = (en: string, id: string) =>
    new HttpError(415, 'unsupported-file-type', t(`${en}; evidence files are PDF, JPEG or PNG`, `${id}; berkas bukti berupa PDF, JPEG, atau PNG`), { where: 'body.file' });
  if (!type) throw unsupported(`"${fileName}" is not a PDF, JPEG or PNG file by its content`, `menurut isinya, "${fileName}" bukan berkas PDF, JPEG, atau PNG`);
  const lower = fileName.toLowerCase();
  if (!EXTENSIONS[type].some((ext) => lower.endsWith(ext))) {
    throw unsupported(
      `"${fileName}" holds ${type} content but its name does not end in ${EXTENSIONS[type].join(' or ')}`,
      `"${fileName}" berisi ${type} tetapi namanya tidak berakhiran ${EXTENSIONS[type].join(' atau ')}`,
    );
  }
  const plainDeclared = declared.split(';')[0]!.trim().toLowerCase();
  if (plainDeclared !== '' && plainDeclared !== 'application/octet-stream' && plainDeclared !== type) {
    throw unsupported(`"${fileName}" was sent as ${plainDeclared} but holds ${type} content`, `"${fileName}" dikirim sebagai ${plainDeclared} tetapi berisi ${type}`);
  }
  return type;
}

const dirOf = (dataDir: string, agencyId: string) => join(dataDir, 'evidence', encodeURIComponent(agencyId));

/** Write the file and its row; returns its description. */
export async function storeEvidence(
  pool: pg.Pool,
  dataDir: string,
  agencyId: string,
  upload: { fileName: string; contentType: EvidenceType; bytes: Uint8Array; uploadedBy: string },
): Promise<EvidenceFile> {
  const id = `ev_${randomBytes(12).toString('hex')}`;
  const dir = dirOf(dataDir, agencyId);
  await mkdir(dir, { recursive: true });
  const path = join(dir, id);
  await writeFile(`${path}.part`, upload.bytes);
  await rename(`${path}.part`, path);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const fileName = upload.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
  await pool.query(
    `INSERT INTO evidence_files (id, agency_id, file_name, content_type, size, sha256, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, agencyId, fileName, upload.contentType, upload.bytes.byteLength, sha256, upload.uploadedBy],
  );
  return { id, fileName, contentType: upload.contentType, size: upload.bytes.byteLength, sha256 };
}

/** Undo {@link storeEvidence} (the change it was for failed). */
export async function discardEvidence(pool: pg.Pool, dataDir: string, agencyId: string, id: string): Promise<void> {
  await pool.query('DELETE FROM evidence_files WHERE id = $1', [id]);
  await rm(join(dirOf(dataDir, agencyId), id), { force: true });
}

export async function evidenceFiles(pool: pg.Pool, agencyId: string, ids: string[]): Promise<Map<string, EvidenceFile>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<{ id: string; file_name: string; content_type: EvidenceType; size: number; sha256: string }>(
    'SELECT id, file_name, content_type, size, sha256 FROM evidence_files WHERE agency_id = $1 AND id = ANY($2::text[])',
    [agencyId, ids],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size, sha256: r.sha256 }]));
}

export async function readEvidence(pool: pg.Pool, dataDir: string, agencyId: string, id: string): Promise<{ file: EvidenceFile; bytes: Buffer } | undefined> {
  const file = (await evidenceFiles(pool, agencyId, [id])).get(id);
  if (!file) return undefined;
  try {
    return { file, bytes: await readFile(join(dirOf(dataDir, agencyId), id)) };
  } catch {
    return undefined;
  }
}
