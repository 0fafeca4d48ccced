/**
 * What can be issued and in which formats: plain lists, apart from publication.ts (which
 * builds the documents) so the command line can offer them as choices without loading the
 * report builders.
 */
export const PUBLICATION_KINDS = ['lkip', 'agreement', 'review'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

export const PUBLICATION_FORMATS = ['docx', 'pdf', 'html', 'xlsx'] as const;
export type PublicationFormat = (typeof PUBLICATION_FORMATS)[number];

/** The formats each kind is issued in (the review is a text with tables of single claims: no spreadsheet, as `kinerja review-doc`). */
export const FORMATS_OF: Readonly<Record<PublicationKind, readonly PublicationFormat[]>> = {
  lkip: PUBLICATION_FORMATS,
  agreement: PUBLICATION_FORMATS,
  review: ['docx', 'pdf', 'html'],
};
