/**
 * Edits of a dataset as pure functions (the web application's changes, src/server). Each
 * takes a dataset and returns a new one (the input is never mutated) together with the
 * record it changed, before and after, so the caller can check versions, write an audit
 * entry and validate the whole result. IO-free.
 *
 * A function throws {@link EditError} when the change cannot be made at all (the record is
 * missing, an id is taken, a transition is not allowed from the record's state). Whether the
 * result is a valid dataset is decided by validate.ts on the whole document afterwards.
 */
import type { Dataset } from '../dataset/schema.js';
import type { Localized, Text } from '../findings.js';
import { outside, rangeText, type Range, type Violation } from '../dataset/ranges.js';

export type EditErrorKind = 'not-found' | 'conflict' | 'invalid';

/** An edit that cannot be made; its message in English (`message`) and Indonesian (`localized.id`). */
export class EditError extends Error {
  readonly localized: Localized;
  constructor(
    readonly kind: EditErrorKind,
    readonly code: string,
    /** where in the request or the dataset the problem is (`indicator`, `plans[0].goals`) */
    readonly where: string,
    message: string,
    messageId: string,
  ) {
    super(message);
    this.name = 'EditError';
    this.localized = { id: messageId };
  }
}

/** The entities an edit can change; `key` names the record within its agency. */
export type Entity =
  | 'realization'
  | 'goal'
  | 'indicator'
  | 'agreement'
  | 'program'
  | 'score'
  | 'recommendation'
  | 'narrative'
  | 'agency'
  | 'file';

/** Each entity in Indonesian, for messages about a record (`realisasi pk-2025/UMM 2025 Y`). */
export const ENTITY_ID: Readonly<Record<Entity, string>> = {
  realization: 'realisasi',
  goal: 'tujuan/sasaran',
  indicator: 'indikator',
  agreement: 'perjanjian kinerja',
  program: 'program/kegiatan/sub kegiatan',
  score: 'nilai SAKIP',
  recommendation: 'rekomendasi',
  narrative: 'narasi',
  agency: 'profil perangkat daerah',
  file: 'berkas',
};

export interface EditResult<T = unknown> {
  dataset: Dataset;
  entity: Entity;
  key: string;
  /** the record before the change; `null` when it is created */
  before: T | null;
  /** the record after the change; `null` when it is removed */
  after: T | null;
}

/** A deep copy to change freely (datasets are plain JSON values). */
export const copy = <T>(value: T): T => structuredClone(value);

/** An object without its `undefined` fields (so an edit never writes `"x": undefined`). */
export function defined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** No record `id`; `what` names its kind in English (and the code, `unknown-plan`) and `whatId` in Indonesian. */
export function notFound(what: string, whatId: string, where: string, id: string, known: readonly string[]): EditError {
  const shown = `${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}`;
  const list = known.length === 0 ? 'there are none' : `known: ${shown}`;
  const listId = known.length === 0 ? 'belum ada satu pun' : `yang ada: ${shown}`;
  return new EditError('not-found', `unknown-${what}`, where, `no ${what} "${id}" (${list})`, `tidak ada ${whatId} "${id}" (${listId})`);
}

/**
 * A number of the request outside its valid range (core/dataset/ranges.ts): refused before
 * anything is written, at the request's field (`value`, `score.value`, `entries[0].amount`),
 * with the range in English and Indonesian. `what` names the entry (`the realization of …`).
 */
export function rangeError(where: string, what: Text, v: Pick<Violation, 'problem' | 'range'>): EditError {
  const range = rangeText(v.range);
  return new EditError(
    'invalid',
    'out-of-range',
    where,
    `${what.en}: ${v.problem.en}; expected ${range.en}`,
    `${what.id}: ${v.problem.id}; seharusnya ${range.id}`,
  );
}

/** Throws `rangeError` when `x` is outside `range`. */
export function checkInRange(where: string, what: Text, x: number | undefined, range: Range): void {
  if (x === undefined) return;
  const problem = outside(x, range);
  if (problem) throw rangeError(where, what, { problem, range });
}
