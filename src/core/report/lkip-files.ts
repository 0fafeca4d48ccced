/**
 * The files of a report (dataset-format.md, "Files"): the agency's crest on the cover, the
 * documentation photos where their activity or indicator is discussed, the scans of the signed
 * agreements and decrees attached after the document. The bytes are passed in (`ReportFiles`,
 * as the store or a bundle holds them); a file the dataset refers to that is not there is said
 * in its place and makes the document a draft.
 */
import { imageSize } from 'image-size';
import type { Attachment, Block, Figure, ImageData } from '../document/model.js';
import type { Dataset, FileRef, ImageRef, Photo } from '../dataset/schema.js';
import { para } from './common.js';

/** File bytes by SHA-256. */
export type ReportFiles = ReadonlyMap<string, { mediaType: string; bytes: Uint8Array }>;

/** What the content builders share about files while one document is built. */
export interface FilesState {
  files: ReportFiles;
  /** what is missing, for the draft note ("lambang", "foto …") */
  missing: string[];
  /** the photos already placed (by index in `ds.photos`) */
  placed: Set<number>;
  /** the scans attached after the document, in order */
  attachments: Attachment[];
}

export const newFilesState = (files: ReportFiles | undefined): FilesState => ({ files: files ?? new Map(), missing: [], placed: new Set(), attachments: [] });

/** The image of a reference, when the bytes are there and are the image the reference says. */
export function imageData(ref: ImageRef | Photo, files: ReportFiles): ImageData | undefined {
  const f = files.get(ref.sha256);
  if (!f || f.mediaType !== ref.mediaType) return undefined;
  try {
    const { width, height } = imageSize(f.bytes);
    if (!width || !height) return undefined;
    return { sha256: ref.sha256, mediaType: ref.mediaType, bytes: f.bytes, width, height };
  } catch {
    return undefined;
  }
}

export const MISSING_PHOTO = 'Foto dokumentasi kegiatan ini belum dilampirkan';

/** The crest of the cover, or its missing-file note. */
export function crestFigure(ds: Dataset, st: FilesState): Figure | undefined {
  const crest = ds.agency.crest;
  if (!crest) return undefined;
  const image = imageData(crest, st.files);
  if (image) return { type: 'image', image, width: 0.22 };
  st.missing.push(`lambang perangkat daerah (${crest.name})`);
  return { type: 'image', missing: `Lambang perangkat daerah (${crest.name}) belum dilampirkan`, width: 0.22 };
}

function photoFigure(p: Photo, st: FilesState): Figure {
  const image = imageData(p, st.files);
  if (image) return { type: 'image', image, caption: p.caption, width: 0.7 };
  st.missing.push(`foto dokumentasi "${p.caption}"`);
  return { type: 'image', missing: `${MISSING_PHOTO} (${p.caption}).`, caption: p.caption };
}

const ofYear = (p: Photo, year: number) => p.year === undefined || p.year === year;

/** The year's photos of an activity list or an indicator (by its full reference), each placed once. */
export function photosOf(ds: Dataset, year: number, st: FilesState, subject: { activity: string } | { indicator: string }): Block[] {
  const out: Block[] = [];
  (ds.photos ?? []).forEach((p, i) => {
    if (st.placed.has(i) || !ofYear(p, year)) return;
    const hit = 'activity' in subject ? p.activity === subject.activity : p.indicator === subject.indicator;
    if (!hit) return;
    st.placed.add(i);
    out.push(photoFigure(p, st));
  });
  return out;
}

/** The year's photos not placed with their subject (it is not discussed this year): an appendix of their own. */
export function remainingPhotos(ds: Dataset, year: number, st: FilesState): Block[] {
  const out: Block[] = [];
  (ds.photos ?? []).forEach((p, i) => {
    if (st.placed.has(i) || !ofYear(p, year)) return;
    st.placed.add(i);
    out.push(photoFigure(p, st));
  });
  return out;
}

/** A scan attached after the document, and the line saying so where it is listed. */
export function scanAttachment(title: string, ref: FileRef, st: FilesState): { attachment: Attachment; blocks: Block[] } {
  const f = st.files.get(ref.sha256);
  const present = f !== undefined && f.mediaType === ref.mediaType;
  const attachment: Attachment = { title, name: ref.name, sha256: ref.sha256, mediaType: ref.mediaType, size: ref.size, ...(present ? { bytes: f.bytes } : {}) };
  if (!present) st.missing.push(`pindaian "${ref.name}"`);
  const blocks = [
    present
      ? para(`Pindaian dokumen yang ditandatangani (${ref.name}) dilampirkan pada akhir laporan sebagai "${title}".`, { style: 'note' })
      : para(`Pindaian dokumen yang ditandatangani (${ref.name}) belum dilampirkan.`, { style: 'note' }),
  ];
  return { attachment, blocks };
}

/** The draft note's sentence on the missing files, if any. */
export function missingNote(st: FilesState): string | undefined {
  if (!st.missing.length) return undefined;
  return `Berkas yang belum dilampirkan: ${st.missing.join('; ')}.`;
}
