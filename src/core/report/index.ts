/** Report content (IO-free): the LKIP, the signed agreement and the review document as DocumentModels. */
export { buildLkip, type LkipOptions } from './lkip.js';
export { buildAgreement, agreementBlocks, UnknownAgreement } from './agreement.js';
export { buildReviewDocument, quantityName, subjectName } from './review-doc.js';
export { cellString, documentProblems, documentTables, documentTexts, rowWidths, tableGrid } from './walk.js';
export { buildPublication, canonicalize, canonicalJson, FORMATS_OF, PUBLICATION_FORMATS, PUBLICATION_KINDS, PublicationError } from './publication.js';
export type { PublicationFormat, PublicationKind, PublicationRecipe, PublicationSettings } from './publication.js';
export { diffDatasets, diffMeasurements, formatDatasetChange, type DatasetChange, type MeasurementChange } from './diff.js';
