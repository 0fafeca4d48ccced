/**
 * The files a dataset refers to (dataset-format.md, "Files"): the agency's crest, documentation
 * photos, and the scans of signed agreements and decrees. The document holds a reference (the
 * content's SHA-256, media type, name, size, caption); the bytes live in the store or a bundle.
 *
 * IO-free: which files exist is passed in (`have`), as the store or a bundle knows it.
 */
import { finding, type Finding } from '../findings.js';
import { indexDataset } from './model.js';
import type { Dataset, FileRef } from './schema.js';

export type FileRole = 'crest' | 'photo' | 'agreement-scan' | 'decree-scan';

export interface FileUse {
  /** where the reference sits in the document (`photos[2]`, `agreements[0].scan`) */
  where: string;
  role: FileRole;
  file: FileRef;
}

/** Every file reference of a dataset, in document order, with its path. */
export function fileUses(ds: Dataset, prefix = ''): FileUse[] {
  const at = (p: string) => (prefix ? `${prefix}.${p}` : p);
  const out: FileUse[] = [];
  if (ds.agency.crest) out.push({ where: at('agency.crest'), role: 'crest', file: ds.agency.crest });
  (ds.photos ?? []).forEach((p, i) => out.push({ where: at(`photos[${i}]`), role: 'photo', file: p }));
  ds.agreements.forEach((a, i) => a.scan && out.push({ where: at(`agreements[${i}].scan`), role: 'agreement-scan', file: a.scan }));
  (ds.decrees ?? []).forEach((d, i) => d.scan && out.push({ where: at(`decrees[${i}].scan`), role: 'decree-scan', file: d.scan }));
  return out;
}

/** The distinct content hashes a dataset refers to. */
export function fileHashes(ds: Dataset): string[] {
  return [...new Set(fileUses(ds).map((u) => u.file.sha256))];
}

const ROLE_EN: Record<FileRole, string> = { crest: 'the crest', photo: 'the photo', 'agreement-scan': 'the agreement scan', 'decree-scan': 'the decree scan' };
const ROLE_ID: Record<FileRole, string> = {
  crest: 'lambang',
  photo: 'foto dokumentasi',
  'agreement-scan': 'pindaian perjanjian kinerja',
  'decree-scan': 'pindaian keputusan',
};

/**
 * A reference to a file the store (or bundle) does not hold: a warning at its path naming the
 * file (the document may still be stored; its reports are drafts that say the file is missing).
 * A file held with another size or media type than the reference says is an error.
 */
export function missingFileFindings(ds: Dataset, have: ReadonlyMap<string, { size: number; mediaType: string }>, prefix = ''): Finding[] {
  const out: Finding[] = [];
  for (const u of fileUses(ds, prefix)) {
    const f = u.file;
    const held = have.get(f.sha256);
    if (!held) {
      out.push(
        finding(
          'warning',
          'missing-file',
          u.where,
          `${ROLE_EN[u.role]} "${f.name}" (sha256 ${f.sha256.slice(0, 12)}…) is not in the store; its place in the reports says it is missing and the reports are drafts until it is uploaded`,
          `berkas ${ROLE_ID[u.role]} "${f.name}" (sha256 ${f.sha256.slice(0, 12)}…) tidak ada di penyimpanan; laporan menyebutkan berkas ini belum dilampirkan dan tetap berstatus draf sampai berkas diunggah`,
        ),
      );
    } else if (held.size !== f.size || held.mediaType !== f.mediaType) {
      out.push(
        finding(
          'error',
          'file-mismatch',
          u.where,
          `${ROLE_EN[u.role]} "${f.name}" is recorded as ${f.mediaType} of ${f.size} bytes, but the stored file with its hash is ${held.mediaType} of ${held.size} bytes`,
          `berkas ${ROLE_ID[u.role]} "${f.name}" tercatat sebagai ${f.mediaType} berukuran ${f.size} bita, tetapi berkas tersimpan dengan hash yang sama berupa ${held.mediaType} berukuran ${held.size} bita`,
        ),
      );
    }
  }
  return out;
}

/** A photo names exactly one subject, and that subject exists (validate.ts). */
export function photoFindings(ds: Dataset, prefix = ''): Finding[] {
  const photos = ds.photos ?? [];
  if (!photos.length) return [];
  const at = (p: string) => (prefix ? `${prefix}.${p}` : p);
  const lists = new Set((ds.activities ?? []).map((l) => l.id));
  const indicators = indexDataset(ds).indicators;
  const out: Finding[] = [];
  photos.forEach((p, i) => {
    const where = at(`photos[${i}]`);
    if ((p.activity === undefined) === (p.indicator === undefined)) {
      out.push(
        finding(
          'error',
          'photo-subject',
          where,
          'a photo documents exactly one subject: expected either "activity" (an activity list\'s id) or "indicator" (a reference owner/id)',
          'foto dokumentasi harus menyebut tepat satu hal: "activity" (id daftar kegiatan) atau "indicator" (rujukan pemilik/id)',
        ),
      );
    } else if (p.activity !== undefined && !lists.has(p.activity)) {
      out.push(
        finding(
          'error',
          'unknown-activity',
          `${where}.activity`,
          `no activity list has the id "${p.activity}"`,
          `tidak ada daftar kegiatan dengan id "${p.activity}"`,
        ),
      );
    } else if (p.indicator !== undefined && !indicators.has(p.indicator)) {
      out.push(
        finding(
          'error',
          'unknown-indicator',
          `${where}.indicator`,
          `no indicator has the reference "${p.indicator}"`,
          `tidak ada indikator dengan rujukan "${p.indicator}"`,
        ),
      );
    }
  });
  return out;
}

/** The file extension of a media type (bundles name files `<sha256>.<ext>`). */
export const EXTENSION_OF: Readonly<Record<FileRef['mediaType'], string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'application/pdf': 'pdf' };

/** The media type of a file by its first bytes (PNG, JPEG, PDF), or null. */
export function sniffMediaType(bytes: Uint8Array): FileRef['mediaType'] | null {
  const starts = (sig: number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}
