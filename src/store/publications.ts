/**
 * Issued reports in the store (migration 0004_published): the dataset snapshot, the settings,
 * the versions of the tools, and the files with their SHA-256. Written once, in one
 * transaction, and never changed: there is no update or delete here, and the tables' triggers
 * refuse both (and TRUNCATE) whoever asks.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Dataset } from '../core/dataset/schema.js';
import type { PublicationFormat, PublicationKind, PublicationSettings } from '../core/report/publication.js';
import { transaction } from './datasets.js';

export interface NewPublication {
  id: string;
  agencyId: string;
  kind: PublicationKind;
  year: number;
  /** the agreement's id (kind `agreement`) */
  subject?: string;
  /** ISO 8601 date-time with a zone; stored to the second */
  issuedAt: string;
  issuedBy: string;
  /** the snapshot the report was built from (canonical form) */
  dataset: Dataset;
  settings: PublicationSettings;
  kinerjaVersion: string;
  /** versions of the libraries and the browser that wrote the files */
  tools: Record<string, string>;
  files: { format: PublicationFormat; content: Buffer }[];
}

export interface PublishedFileInfo {
  format: PublicationFormat;
  size: number;
  sha256: string;
}

export interface PublicationSummary {
  id: string;
  agencyId: string;
  kind: PublicationKind;
  year: number;
  subject: string | null;
  /** `2026-01-31T08:00:00Z` */
  issuedAt: string;
  issuedBy: string;
  kinerjaVersion: string;
  /** in the order docx, pdf, html, xlsx */
  files: PublishedFileInfo[];
}

export interface Publication extends PublicationSummary {
  dataset: Dataset;
  settings: PublicationSettings;
  tools: Record<string, string>;
  files: (PublishedFileInfo & { content: Buffer })[];
}

export interface PublicationQueries {
  /** Store an issued report and its files in one transaction; the id must be new. */
  publish(p: NewPublication): Promise<PublicationSummary>;
  /** The agency's issued reports, oldest first, without their contents. */
  list(agencyId: string): Promise<PublicationSummary[]>;
  /** One issued report with its snapshot and files. */
  get(id: string): Promise<Publication | undefined>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const ISSUED_AT = `to_char(r.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const FORMAT_ORDER = `array_position(ARRAY['docx','pdf','html','xlsx'], f.format)`;

interface SummaryRow {
  id: string;
  agency_id: string;
  kind: PublicationKind;
  year: number;
  subject: string | null;
  issued_at: string;
  issued_by: string;
  kinerja_version: string;
  files: PublishedFileInfo[] | null;
}

const SUMMARY_COLUMNS = `r.id, r.agency_id, r.kind, r.year, r.subject, ${ISSUED_AT} AS issued_at, r.issued_by, r.kinerja_version,
  (SELECT json_agg(json_build_object('format', f.format, 'size', f.size, 'sha256', f.sha256) ORDER BY ${FORMAT_ORDER})
     FROM published_report_files f WHERE f.report_id = r.id) AS files`;

function summary(r: SummaryRow): PublicationSummary {
  return {
    id: r.id,
    agencyId: r.agency_id,
    kind: r.kind,
    year: r.year,
    subject: r.subject,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    kinerjaVersion: r.kinerja_version,
    files: r.files ?? [],
  };
}

export function createPublicationQueries(pool: pg.Pool): PublicationQueries {
  async function summaryOf(client: Pick<pg.ClientBase, 'query'>, id: string): Promise<PublicationSummary | undefined> {
    const { rows } = await client.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM published_reports r WHERE r.id = $1`, [id]);
    return rows[0] ? summary(rows[0]) : undefined;
  }

  return {
    async publish(p) {
      if (p.files.length === 0) throw new Error(`publication ${p.id}: expected at least one file`);
      const formats = p.files.map((f) => f.format);
      if (new Set(formats).size !== formats.length) throw new Error(`publication ${p.id}: a format appears twice (${formats.join(', ')})`);
      return transaction(pool, async (client) => {
        await client.query(
          `INSERT INTO published_reports (id, agency_id, kind, year, subject, issued_at, issued_by, dataset, settings, kinerja_version, tools)
           VALUES ($1, $2, $3, $4, $5, date_trunc('second', $6::timestamptz), $7, $8::jsonb, $9::jsonb, $10, $11::jsonb)`,
          [p.id, p.agencyId, p.kind, p.year, p.subject ?? null, p.issuedAt, p.issuedBy, JSON.stringify(p.dataset), JSON.stringify(p.settings), p.kinerjaVersion, JSON.stringify(p.tools)],
        );
        for (const f of p.files) {
          await client.query(`INSERT INTO published_report_files (report_id, format, content, size, sha256) VALUES ($1, $2, $3, $4, $5)`, [
            p.id,
            f.format,
            f.content,
            f.content.length,
            sha256Hex(f.content),
          ]);
        }
        return (await summaryOf(client, p.id))!;
      });
    },

    async list(agencyId) {
      const { rows } = await pool.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM published_reports r WHERE r.agency_id = $1 ORDER BY r.issued_at, r.id COLLATE "C"`,
        [agencyId],
      );
      return rows.map(summary);
    },

    async get(id) {
      return transaction(
        pool,
        async (client) => {
          const { rows } = await client.query<SummaryRow & { dataset: Dataset; settings: PublicationSettings; tools: Record<string, string> }>(
            `SELECT ${SUMMARY_COLUMNS}, r.dataset, r.settings, r.tools FROM published_reports r WHERE r.id = $1`,
            [id],
          );
          const r = rows[0];
          if (!r) return undefined;
          const files = await client.query<{ format: PublicationFormat; size: number; sha256: string; content: Buffer }>(
            `SELECT f.format, f.size, f.sha256, f.content FROM published_report_files f WHERE f.report_id = $1 ORDER BY ${FORMAT_ORDER}`,
            [id],
          );
          return { ...summary(r), dataset: r.dataset, settings: r.settings, tools: r.tools, files: files.rows };
        },
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      );
    },
  };
}
