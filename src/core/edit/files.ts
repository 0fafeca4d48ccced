/**
 * Attaching a file to the dataset (the web's upload): the agency's crest, a documentation photo
 * of an activity list or an indicator, the scan of a signed agreement or decree. The bytes are
 * stored by the caller in the same transaction; this edit writes the reference. IO-free.
 */
import type { Dataset, FileRef, Photo } from '../dataset/schema.js';
import { IMAGE_MEDIA_TYPES } from '../dataset/schema.js';
import type { FileRole } from '../dataset/files.js';
import { copy, EditError, type EditResult } from './common.js';

export interface Attach {
  role: FileRole;
  /** the agreement's or decree's id (a scan), the activity list's id or the indicator's reference (a photo) */
  target?: string | undefined;
  /** a photo's caption (required for a photo) */
  caption?: string | undefined;
  year?: number | undefined;
  file: FileRef;
}

const isImage = (t: string) => (IMAGE_MEDIA_TYPES as readonly string[]).includes(t);

function need(cond: unknown, where: string, en: string, id: string): asserts cond {
  if (!cond) throw new EditError('invalid', 'invalid-file-use', where, en, id);
}

/** The dataset with the file attached where `role` and `target` say; the record is the reference. */
export function attachFile(ds: Dataset, a: Attach): EditResult<FileRef> {
  const out = copy(ds);
  const f = a.file;
  switch (a.role) {
    case 'crest': {
      need(isImage(f.mediaType), 'file', 'the crest is an image: PNG or JPEG', 'lambang berupa gambar: PNG atau JPEG');
      const before = out.agency.crest ?? null;
      out.agency.crest = { ...f, mediaType: f.mediaType as 'image/png' | 'image/jpeg' };
      return { dataset: out, entity: 'file', key: 'agency.crest', before, after: out.agency.crest };
    }
    case 'photo': {
      need(isImage(f.mediaType), 'file', 'a documentation photo is an image: PNG or JPEG', 'foto dokumentasi berupa gambar: PNG atau JPEG');
      need(a.caption && a.caption.trim() !== '', 'caption', 'a documentation photo needs its caption', 'foto dokumentasi memerlukan keterangan');
      need(a.target, 'target', 'expected the activity list or the indicator the photo documents', 'seharusnya menyebut daftar kegiatan atau indikator yang didokumentasikan foto ini');
      const subject = a.target.includes('/') ? { indicator: a.target } : { activity: a.target };
      const photo: Photo = { ...f, mediaType: f.mediaType as 'image/png' | 'image/jpeg', caption: a.caption.trim(), ...subject, ...(a.year !== undefined ? { year: a.year } : {}) };
      out.photos = [...(out.photos ?? []), photo];
      return { dataset: out, entity: 'file', key: `photos[${out.photos.length - 1}]`, before: null, after: photo };
    }
    case 'agreement-scan': {
      const i = out.agreements.findIndex((x) => x.id === a.target);
      if (i < 0) throw new EditError('not-found', 'unknown-agreement', 'target', `no agreement "${a.target ?? ''}"`, `tidak ada perjanjian kinerja "${a.target ?? ''}"`);
      const ag = out.agreements[i]!;
      const before = ag.scan ?? null;
      ag.scan = f;
      return { dataset: out, entity: 'file', key: `agreements[${i}].scan`, before, after: f };
    }
    case 'decree-scan': {
      const list = out.decrees ?? [];
      const i = list.findIndex((x) => x.id === a.target);
      if (i < 0) throw new EditError('not-found', 'unknown-decree', 'target', `no decree "${a.target ?? ''}"`, `tidak ada keputusan "${a.target ?? ''}"`);
      const d = list[i]!;
      const before = d.scan ?? null;
      d.scan = f;
      return { dataset: out, entity: 'file', key: `decrees[${i}].scan`, before, after: f };
    }
  }
}
