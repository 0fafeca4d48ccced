/**
 * An agency's files (dataset-format.md, "Files"): uploading the crest, a documentation photo or
 * a signed scan (the type decided by the file's first bytes, the size limited; the bytes and the
 * dataset's reference written in one transaction), reading one back (readers of the agency
 * only), and the agency's dataset with its files as a bundle (.zip).
 */
import { z } from 'zod';
import { fileHashes } from '../../core/dataset/files.js';
import { serializeDocument } from '../../core/dataset/io.js';
import { attachFile } from '../../core/edit/files.js';
import { zodMessage } from '../../core/findings.js';
import { formatNumber } from '../../core/format.js';
import { BundleError, isBundle, readBundle, writeBundle } from '../../io/bundle.js';
import { DatasetParseError, parseDocumentText } from '../../core/dataset/io.js';
import { ImportResult } from '../responses.js';
import { importValidated } from './import.js';
import { fileOf, readFiles, type StoredFile } from '../../store/files.js';
import { allow, editAgency } from '../commands/respond.js';
import { HttpError, notFound, text as t } from '../errors.js';
import * as agencyPolicy from '../policies/agency.js';
import * as filePolicy from '../policies/file.js';
import { defineRoute } from '../route.js';
import { AgencyParams, named } from '../schemas.js';
import { loaded } from './agencies.js';

/** The largest file uploaded (a scan of a signed agreement of a few pages fits). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ROLES = ['crest', 'photo', 'agreement-scan', 'decree-scan'] as const;

const FileRefSchema = named(
  z.object({
    sha256: z.string(),
    mediaType: z.string(),
    name: z.string(),
    size: z.number(),
    caption: z.string().optional(),
    url: z.string(),
  }),
  'StoredFileRef',
);

const urlOf = (agencyId: string, sha256: string) => `/api/agencies/${encodeURIComponent(agencyId)}/files/${sha256}`;

/** Check an upload's bytes: not empty, within the limit, a PNG, JPEG or PDF by its content. */
export function checkFile(name: string, bytes: Uint8Array): StoredFile {
  if (bytes.byteLength === 0) throw new HttpError(422, 'empty-file', t('the file is empty', 'berkas kosong'), { where: 'body.file' });
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new HttpError(
      413,
      'too-large',
      t(
        `"${name}" has ${bytes.byteLength} bytes; a file is at most 10 MiB (${MAX_FILE_BYTES} bytes)`,
        `berkas "${name}" berukuran ${formatNumber(bytes.byteLength, 0)} bita; berkas paling besar 10 MiB (${formatNumber(MAX_FILE_BYTES, 0)} bita)`,
      ),
      { where: 'body.file' },
    );
  }
  try {
    return fileOf(bytes);
  } catch {
    throw new HttpError(
      415,
      'unsupported-file-type',
      t(`by its content, "${name}" is not a PNG, JPEG or PDF file`, `menurut isinya, "${name}" bukan berkas PNG, JPEG, atau PDF`),
      { where: 'body.file' },
    );
  }
}

export const upload = defineRoute({
  id: 'files.upload',
  method: 'post',
  path: '/api/agencies/:agency/files',
  tag: 'agencies',
  summary: "Upload the agency's crest, a documentation photo or a signed scan (PNG, JPEG or PDF by content, at most 10 MiB) and refer to it from the dataset",
  auth: 'user',
  bodyLimit: MAX_FILE_BYTES + 64 * 1024,
  status: 201,
  params: AgencyParams,
  multipart: {
    role: { type: 'string', description: 'crest, photo, agreement-scan or decree-scan', required: true },
    target: { type: 'string', description: "a scan: the agreement's or decree's id; a photo: the activity list's id or the indicator's reference (owner/id)" },
    caption: { type: 'string', description: "a photo's caption (required for a photo)" },
    year: { type: 'string', description: 'the year a photo documents' },
    version: { type: 'string', description: 'replacing a crest or a scan: the version of the reference as read (409 with the current one otherwise)' },
    file: { type: 'file', description: 'the file: PNG or JPEG (crest, photo), PDF, PNG or JPEG (scan); at most 10 MiB', required: true },
  },
  response: FileRefSchema,
  async handler({ deps, user, agency, c }) {
    allow(
      filePolicy.can(user, 'upload', { agencyId: agency.id, region: agency.region }),
      t("files are uploaded by the agency's planner or the region's admin", 'berkas diunggah oleh perencana perangkat daerah atau admin daerah'),
    );
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody();
    } catch (e) {
      const why = (e as Error).message;
      throw new HttpError(400, 'invalid-request', t(`expected multipart/form-data: ${why}`, `seharusnya berupa multipart/form-data: ${why}`), { where: 'body' });
    }
    const fields = z
      .object({
        role: z.enum(ROLES, { message: zodMessage('expected crest, photo, agreement-scan or decree-scan', 'seharusnya crest, photo, agreement-scan, atau decree-scan') }),
        target: z.string().min(1).optional(),
        caption: z.string().max(500).optional(),
        year: z.coerce.number().int().min(1900).max(2200).optional(),
        version: z.string().min(1).optional(),
        file: z.instanceof(File, { message: zodMessage('expected a file in the field "file"', 'seharusnya berupa berkas pada isian "file"') }),
      })
      .safeParse(form);
    if (!fields.success) {
      const issue = fields.error.issues[0]!;
      throw new HttpError(400, 'invalid-request', t(issue.message, issue.message), { where: `body.${issue.path.join('.')}` });
    }
    const f = fields.data;
    const stored = checkFile(f.file.name, new Uint8Array(await f.file.arrayBuffer()));
    const name = f.file.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'berkas';
    const ref = { sha256: stored.sha256, mediaType: stored.mediaType, name, size: stored.size };
    const r = await editAgency(deps, user, agency, {
      action: 'upload',
      ...(f.version !== undefined ? { version: f.version } : {}),
      note: `${name} (${stored.mediaType}, ${stored.size} bytes, sha256 ${stored.sha256})`,
      apply: ({ dataset }) => attachFile(dataset, { role: f.role, target: f.target, caption: f.caption, year: f.year, file: ref }),
      files: [stored],
    });
    const rec = r.record as { caption?: string } | null;
    return { ...ref, ...(rec?.caption ? { caption: rec.caption } : {}), url: urlOf(agency.id, stored.sha256) };
  },
});

export const get = defineRoute({
  id: 'files.get',
  method: 'get',
  path: '/api/agencies/:agency/files/:sha256',
  tag: 'agencies',
  summary: "One of the agency's files (its crest, a photo, a scan), to readers of the agency",
  auth: 'user',
  params: AgencyParams.extend({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, zodMessage('expected a SHA-256 hash: 64 lower-case hexadecimal digits', 'seharusnya hash SHA-256: 64 digit heksadesimal huruf kecil')),
  }),
  response: null,
  produces: 'image/png, image/jpeg, application/pdf',
  async handler({ deps, user, agency, params, c }) {
    allow(filePolicy.can(user, 'read', { agencyId: agency.id, region: agency.region }), t("you may not read this agency's files", 'Anda tidak berwenang membaca berkas perangkat daerah ini'));
    const found = (await readFiles(deps.pool, agency.id, [params.sha256])).get(params.sha256);
    if (!found) throw notFound(t(`no file with sha256 ${params.sha256}`, `tidak ada berkas dengan sha256 ${params.sha256}`), 'params.sha256');
    return c.body(new Uint8Array(found.bytes), 200, {
      'content-type': found.mediaType,
      'content-length': String(found.size),
      'cache-control': 'private, max-age=86400, immutable',
      'x-content-type-options': 'nosniff',
    });
  },
});

export const exportBundle = defineRoute({
  id: 'files.exportBundle',
  method: 'get',
  path: '/api/agencies/:agency/export/bundle',
  tag: 'agencies',
  summary: "The agency's dataset with the files it refers to, as a .zip bundle (import it again to restore)",
  auth: 'user',
  params: AgencyParams,
  response: null,
  produces: 'application/zip',
  async handler({ deps, user, agency, c }) {
    allow(agencyPolicy.can(user, 'export', { agencyId: agency.id, region: agency.region }), t('you may not export this agency', 'Anda tidak berwenang mengekspor data perangkat daerah ini'));
    const { dataset } = await loaded(deps, agency);
    const files = await readFiles(deps.pool, agency.id, fileHashes(dataset));
    const zip = await writeBundle(serializeDocument(dataset, 'json'), files.values());
    return c.body(new Uint8Array(zip), 200, {
      'content-type': 'application/zip',
      'content-length': String(zip.byteLength),
      'content-disposition': `attachment; filename="${agency.id}.kinerja.zip"`,
    });
  },
});

export const importBundle = defineRoute({
  id: 'files.importBundle',
  method: 'post',
  path: '/api/import/bundle',
  tag: 'import',
  summary: 'Import a bundle (.zip: dataset.json and the files it refers to), as POST /api/import does a document; the files are stored with the agencies that refer to them, in the same transaction',
  description: 'The body is the .zip itself (application/zip). The query is that of POST /api/import.',
  auth: 'user',
  bodyLimit: 'dataset',
  query: z.object({
    store: z.enum(['true', 'false']).optional(),
    prune: z.enum(['true', 'false']).optional(),
    remove: z.string().optional(),
    expect: z.string().optional().describe("the check's `token` (as `POST /api/import`)"),
  }),
  response: ImportResult,
  async handler({ deps, user, query, c }) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const bad = (en: string, id: string) => new HttpError(400, 'invalid-bundle', t(en, id), { where: 'body' });
    if (!isBundle(bytes)) throw bad('expected a .zip bundle (dataset.json and files/<sha256>.<ext>)', 'seharusnya berupa bundel .zip (dataset.json dan files/<sha256>.<ext>)');
    let bundle;
    try {
      bundle = await readBundle(bytes);
    } catch (e) {
      if (e instanceof BundleError) throw bad(e.message, e.id);
      throw e;
    }
    let doc: unknown;
    try {
      doc = parseDocumentText(bundle.text, 'dataset.json');
    } catch (e) {
      if (e instanceof DatasetParseError) throw new HttpError(400, 'invalid-bundle', t('dataset.json is not a readable document', 'dataset.json bukan dokumen yang dapat dibaca'), { where: 'body', findings: e.findings });
      throw e;
    }
    return importValidated(deps, user, query, doc, bundle.files);
  },
});
