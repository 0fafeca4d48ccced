/**
 * Cross-references from prose to the report's own tables. A planner writes `{{tabel:ID}}` in the
 * narrative where a printed report would say "(Tabel 3.7)"; the report replaces it with the number
 * the table gets in that report. The number is never typed in, so it can not point at the wrong
 * table when tables are added, removed or reordered (a report converted from Word keeps the old
 * report's numbers in its prose otherwise). IDs are those of the dataset's activity lists.
 */
import type { Block, Inline, Section } from './model.js';

/** `{{tabel:ID}}`: a reference to a table by the id of what it shows. */
const TABLE_REF = /\{\{\s*tabel\s*:\s*([^{}\s]+)\s*\}\}/g;

/** The ids a text refers to with `{{tabel:ID}}`, in order. */
export function tableRefsIn(text: string): string[] {
  return [...text.matchAll(TABLE_REF)].map((m) => m[1] ?? '');
}

/** A literal table number in prose ("Tabel 3.4", "tabel 2.1"), which a generated report renumbers. */
const LITERAL_TABLE_NUMBER = /\btabel\s+\d+(\.\d+)+\b/i;

/** The first literal table number of a text ("Tabel 3.4"), if any. */
export function literalTableNumber(text: string): string | undefined {
  return LITERAL_TABLE_NUMBER.exec(text)?.[0];
}

/** The text with each `{{tabel:ID}}` replaced by `label(ID)`. */
export function resolveTableRefs(text: string, label: (id: string) => string): string {
  return text.replace(TABLE_REF, (_m, id: string) => label(id));
}

type Rewrite = (text: string) => string;

const inline = (x: Inline, f: Rewrite): Inline => (typeof x === 'string' ? f(x) : { ...x, text: f(x.text) });

function block(b: Block, f: Rewrite): Block {
  switch (b.type) {
    case 'paragraph':
      return { ...b, content: b.content.map((x) => inline(x, f)) };
    case 'list':
      return { ...b, items: b.items.map((item) => item.map((x) => inline(x, f))) };
    case 'heading':
      return { ...b, text: f(b.text) };
    case 'table': {
      const cells = (rows: typeof b.body) => rows.map((row) => row.map((c) => (c.value.kind === 'text' ? { ...c, value: { ...c.value, text: f(c.value.text) } } : c)));
      return { ...b, header: cells(b.header), body: cells(b.body), ...(b.footer ? { footer: cells(b.footer) } : {}) };
    }
    default:
      return b;
  }
}

/** Every section with each text of its paragraphs, lists, headings and text cells rewritten by `f`. */
export function rewriteDocumentText(sections: Section[], f: Rewrite): Section[] {
  return sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => block(b, f)) }));
}

/** Every section with the table references of its text resolved. */
export function resolveDocumentRefs(sections: Section[], label: (id: string) => string): Section[] {
  return rewriteDocumentText(sections, (t) => resolveTableRefs(t, label));
}
