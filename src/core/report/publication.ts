/**
 * What an issued report is made from (IO-free): its kind, year and subject, the settings it was
 * computed with, the dataset snapshot and the issue time. `buildPublication` is the one way from
 * these to the DocumentModel, used when a report is issued and every time it is reproduced, so
 * the two can only differ if the data, the settings or the code did.
 *
 * The snapshot is kept in canonical form (`canonicalize`: a JSON value with the keys of every
 * object in code-unit order). A database's JSON type may hand objects back with their keys in
 * another order; building from the canonical form makes that order irrelevant.
 */
import type { Dataset, Settings } from '../dataset/schema.js';
import type { DocumentModel } from '../document/model.js';
import { review } from '../review/index.js';
import { buildAgreement } from './agreement.js';
import { buildLkip } from './lkip.js';
import { crestFigure, newFilesState, type ReportFiles } from './lkip-files.js';
import { buildReviewDocument, type Reviewer } from './review-doc.js';
import { qualityOfYear } from '../quality/index.js';
import { figuresFromPlain, type PlainRegisterFigures } from '../registers/figures-plain.js';

import type { PublicationFormat, PublicationKind } from './publication-kinds.js';
export { FORMATS_OF, PUBLICATION_FORMATS, PUBLICATION_KINDS, type PublicationFormat, type PublicationKind } from './publication-kinds.js';

/** The settings a report is computed with besides the dataset's own (kept with the issued report). */
export interface PublicationSettings {
  /** the settings of the agency's region, when it has any */
  regionSettings?: Settings;
  /** a review's reviewer (name, NIP, position, unit, place and date): who signs its statement */
  reviewer?: Reviewer;
  /**
   * the register figures the report's register-based indicators and tables were counted with when
   * it was issued (store/register-counts.ts): rendered from these, never counted again
   */
  registerFigures?: PlainRegisterFigures;
}

export interface PublicationRecipe {
  kind: PublicationKind;
  /** the year reported (an agreement's own year) */
  year: number;
  /** the agreement's id (kind `agreement` only) */
  subject?: string;
  settings: PublicationSettings;
  /** ISO 8601 date-time with a zone */
  issuedAt: string;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const src = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(src).sort()) out[k] = sortKeys(src[k]);
    return out;
  }
  return value;
}

/**
 * A JSON value in canonical form: what JSON keeps of it (no `undefined`, `-0` as `0`), every
 * object's keys in code-unit order. Objects whose keys are integers (a year-keyed map) come out
 * in numeric order all the same: JavaScript orders such keys itself.
 */
export function canonicalize<T>(value: T): T {
  return sortKeys(JSON.parse(JSON.stringify(value)) as unknown) as T;
}

/** The canonical JSON text of a value (see `canonicalize`). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

/** Thrown when a recipe does not fit its dataset (an unknown agreement, a subject where none belongs). */
export class PublicationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublicationError';
  }
}

/**
 * The document an issued report consists of: the builder of its kind run on the canonical
 * snapshot with the recipe's settings, stamped with the issue time.
 */
export function buildPublication(dataset: Dataset, recipe: PublicationRecipe, files?: ReportFiles): DocumentModel {
  const ds = canonicalize(dataset);
  const regionSettings = recipe.settings.regionSettings;
  const opts = regionSettings ? { regionSettings } : {};
  const figures = recipe.settings.registerFigures ? { registerFigures: figuresFromPlain(recipe.settings.registerFigures) } : {};
  let doc: DocumentModel;
  switch (recipe.kind) {
    case 'lkip':
      if (recipe.subject !== undefined) throw new PublicationError(`an LKIP has no subject; got "${recipe.subject}"`);
      doc = buildLkip(ds, recipe.year, { ...opts, ...figures, ...(files ? { files } : {}) });
      break;
    case 'review':
      if (recipe.subject !== undefined) throw new PublicationError(`a review has no subject; got "${recipe.subject}"`);
      doc = buildReviewDocument(ds, recipe.year, review(ds, recipe.year, opts), qualityOfYear(ds, recipe.year, { ...opts, ...figures }), recipe.settings.reviewer ? { reviewer: recipe.settings.reviewer } : {});
      break;
    case 'agreement': {
      if (!recipe.subject) throw new PublicationError('an agreement is issued by its id: expected a subject such as pk-2025');
      const ag = ds.agreements.find((a) => a.id === recipe.subject);
      if (ag && ag.year !== recipe.year) {
        throw new PublicationError(`agreement "${ag.id}" is of ${ag.year}, not ${recipe.year}`);
      }
      doc = buildAgreement(ds, recipe.subject, opts);
      // the crest at the head of the signed form, as the preview shows it (report/produce.ts)
      const crest = files ? crestFigure(ds, newFilesState(files)) : undefined;
      if (crest?.image) doc = { ...doc, crest };
      break;
    }
  }
  return { ...doc, issuedAt: recipe.issuedAt };
}
