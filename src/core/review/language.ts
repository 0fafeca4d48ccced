/**
 * Checks that an Indonesian text carries no English and no internal reference: a list of
 * common English words (none of them also an everyday Indonesian word such as "data",
 * "program", "target", "total", "per", "unit" or "status") and the shapes of internal ids and
 * dataset paths. Used by the review document's tests on the built model and on the rendered
 * DOCX and PDF read back.
 */

/** Common English words, lower case; none is an everyday Indonesian word. */
export const ENGLISH_WORDS: readonly string[] = Object.freeze([
  'after', 'before', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'from', 'for', 'with', 'without',
  'by', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'not', 'this', 'that', 'these', 'those',
  'which', 'where', 'when', 'than', 'then', 'it', 'its', 'as', 'but', 'if', 'into', 'table', 'row', 'rows',
  'column', 'printed', 'computed', 'should', 'would', 'could', 'value', 'values', 'sum', 'range', 'out',
  'realization', 'achievement', 'budget', 'spent', 'page', 'see', 'only', 'missing', 'unknown',
  'unchecked', 'contradicts', 'agrees', 'source', 'indicator', 'activity', 'year', 'years', 'draft',
  'reviewer', 'signature', 'statement', 'error', 'warning', 'apparently', 'copied', 'another', 'says',
  'under', 'headed', 'equals', 'every', 'including', 'cells', 'worded', 'between', 'shown', 'given',
]);

const ENGLISH = new Set(ENGLISH_WORDS);

/** The English words of a text (each once, in order of appearance). */
export function englishWordsIn(text: string): string[] {
  const found = new Set<string>();
  for (const w of text.toLowerCase().split(/[^a-z]+/)) if (ENGLISH.has(w)) found.add(w);
  return [...found];
}

/** Dataset paths (`agreements[0].rows[3]`), references (`{{tabel:…}}`, `{{nilai:…}}`) and JSON-ish keys in a text. */
export function internalReferencesIn(text: string): string[] {
  return [...text.matchAll(/[A-Za-z]+\[\d+\]|\{\{[^}]*\}\}|\b[a-z]+(?:-[a-z]+)+\b(?=[^\s]*\/)|\b[a-z]+-[a-z0-9-]+\/[A-Za-z0-9_.-]+/g)].map((m) => m[0]);
}
