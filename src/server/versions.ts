/**
 * Optimistic versioning. Each editable record (a realization, goal, indicator, agreement,
 * program node, score, recommendation, the narrative, an account) carries a `version`: a
 * digest of its stored content (SHA-256 of its canonical JSON, keys sorted, first 16 hex
 * digits). An edit sends the version it read; when the record has changed since, in any way
 * and by anyone (another user, an import, the command line), the digest differs and the edit
 * is refused with 409 Conflict and the current record, so nothing is overwritten unseen.
 *
 * A digest rather than a counter: it needs no column that every import and every rewrite of
 * an agency (src/server/README.md) would have to keep, and it cannot drift from the data.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function versionOf(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record ?? null)).digest('hex').slice(0, 16);
}
