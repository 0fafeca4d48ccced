/**
 * A walk over a DocumentModel, and the checks every built document must pass: no empty table,
 * no placeholder text (NaN, undefined, null, Infinity, [object Object]), no non-finite number,
 * and tables whose rows all span the same number of columns (HTML semantics: a cell covered
 * by a row span above it is left out of the row). Used by the builders' tests and useful to
 * the renderers' tests.
 */
import type { Block, Cell, DocumentModel, Inline, Table } from '../document/model.js';

export interface Visit {
  /** where the text is: `sections[3].blocks[12] (table "Tabel 3.2 …") body[1][4]` */
  where: string;
  text: string;
}

const inlineText = (i: Inline): string => (typeof i === 'string' ? i : i.text);

/** Every text of a document (headings, paragraphs, list items, cells, captions, signatures, charts), with where it is. */
export function documentTexts(doc: DocumentModel): Visit[] {
  const out: Visit[] = [];
  const add = (where: string, text: string) => out.push({ where, text });
  add('title', doc.title);
  if (doc.subtitle !== undefined) add('subtitle', doc.subtitle);
  doc.cover?.lines.forEach((l, i) => add(`cover.lines[${i}]`, l));
  doc.cover?.footer?.forEach((l, i) => add(`cover.footer[${i}]`, l));
  doc.sections.forEach((s, si) => {
    if (s.title !== undefined) add(`sections[${si}].title`, s.title);
    s.blocks.forEach((b, bi) => blockTexts(b, `sections[${si}].blocks[${bi}]`, add));
  });
  return out;
}

function cellText(c: Cell): string {
  const v = c.value;
  if (v.kind === 'text') return v.text;
  if (v.kind === 'number') return String(v.value);
  return v.reason ?? '';
}

function blockTexts(b: Block, where: string, add: (where: string, text: string) => void): void {
  switch (b.type) {
    case 'heading':
      add(where, b.text);
      return;
    case 'paragraph':
      add(where, b.content.map(inlineText).join(''));
      return;
    case 'list':
      b.items.forEach((it, i) => add(`${where}.items[${i}]`, it.map(inlineText).join('')));
      return;
    case 'table': {
      const w = `${where} (table "${b.caption ?? b.id ?? ''}")`;
      if (b.caption !== undefined) add(`${w}.caption`, b.caption);
      if (b.source !== undefined) add(`${w}.source`, b.source);
      const rows = (part: string, rs: Cell[][] | undefined) =>
        rs?.forEach((r, i) => r.forEach((c, j) => add(`${w} ${part}[${i}][${j}]`, cellText(c))));
      rows('header', b.header);
      rows('body', b.body);
      rows('footer', b.footer);
      return;
    }
    case 'chart':
      if (b.caption !== undefined) add(`${where}.caption`, b.caption);
      b.categories.forEach((c, i) => add(`${where}.categories[${i}]`, c));
      b.series.forEach((s, i) => {
        add(`${where}.series[${i}].name`, s.name);
        s.values.forEach((v, j) => add(`${where}.series[${i}].values[${j}]`, v === null ? '' : String(v)));
      });
      if (b.reference) add(`${where}.reference`, `${b.reference.label} ${b.reference.value}`);
      return;
    case 'image':
      if (b.caption !== undefined) add(`${where}.caption`, b.caption);
      if (b.missing !== undefined) add(`${where}.missing`, b.missing);
      return;
    case 'signature':
      if (b.place !== undefined) add(`${where}.place`, b.place);
      if (b.date !== undefined) add(`${where}.date`, b.date);
      b.parties.forEach((p, i) => {
        add(`${where}.parties[${i}].role`, p.role);
        add(`${where}.parties[${i}].position`, p.position);
        add(`${where}.parties[${i}].name`, p.name);
        if (p.nip !== undefined) add(`${where}.parties[${i}].nip`, p.nip);
        if (p.rank !== undefined) add(`${where}.parties[${i}].rank`, p.rank);
      });
      return;
    case 'toc':
      add(where, b.title);
      return;
    case 'pageBreak':
      return;
  }
}

/** The tables of a document, with where each is. */
export function documentTables(doc: DocumentModel): { where: string; table: Table }[] {
  const out: { where: string; table: Table }[] = [];
  doc.sections.forEach((s, si) =>
    s.blocks.forEach((b, bi) => {
      if (b.type === 'table') out.push({ where: `sections[${si}].blocks[${bi}]`, table: b });
    }),
  );
  return out;
}

/** The width of each row of a table part (a row span carries its column into the rows below). */
export function rowWidths(rows: readonly Cell[][]): number[] {
  let carried: number[] = []; // remaining row span per column index
  const widths: number[] = [];
  for (const row of rows) {
    const next: number[] = [];
    let col = 0;
    const occupied = (c: number) => (carried[c] ?? 0) > 0;
    for (const c of row) {
      while (occupied(col)) {
        next[col] = (carried[col] ?? 0) - 1;
        col++;
      }
      const span = c.colSpan ?? 1;
      for (let k = 0; k < span; k++) next[col + k] = (c.rowSpan ?? 1) - 1;
      col += span;
    }
    while (occupied(col)) {
      next[col] = (carried[col] ?? 0) - 1;
      col++;
    }
    widths.push(col);
    carried = next;
  }
  return widths;
}

/**
 * A table part as a full grid: every position holds the cell that covers it (a spanning cell
 * appears at each position it spans), so column `j` of every row is the same column.
 */
export function tableGrid(rows: readonly Cell[][]): Cell[][] {
  const grid: Cell[][] = [];
  rows.forEach((row, r) => {
    const line = (grid[r] ??= []);
    let col = 0;
    for (const c of row) {
      while (line[col] !== undefined) col++;
      for (let dr = 0; dr < (c.rowSpan ?? 1); dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < (c.colSpan ?? 1); dc++) target[col + dc] = c;
      }
      col += c.colSpan ?? 1;
    }
  });
  return grid.slice(0, rows.length);
}

/** The text a cell shows when it holds text (`undefined` for numbers and empty cells). */
export const cellString = (c: Cell | undefined): string | undefined => (c?.value.kind === 'text' ? c.value.text : undefined);

const PLACEHOLDER = /\b(NaN|undefined|null|Infinity)\b|\[object Object\]/;

/** Every problem of a document; `[]` when it is sound. */
export function documentProblems(doc: DocumentModel): string[] {
  const problems: string[] = [];
  for (const v of documentTexts(doc)) {
    if (PLACEHOLDER.test(v.text)) problems.push(`${v.where}: placeholder text "${v.text.slice(0, 120)}"`);
  }
  doc.sections.forEach((s, si) =>
    s.blocks.forEach((b, bi) => {
      const where = `sections[${si}].blocks[${bi}]`;
      if (b.type === 'heading' && b.text.trim() === '') problems.push(`${where}: empty heading`);
      if (b.type === 'paragraph' && b.content.map(inlineText).join('').trim() === '') problems.push(`${where}: empty paragraph`);
      if (b.type === 'list' && b.items.length === 0) problems.push(`${where}: empty list`);
      if (b.type === 'chart') {
        if (b.categories.length === 0) problems.push(`${where}: chart without categories`);
        for (const s2 of b.series) {
          if (s2.values.length !== b.categories.length) problems.push(`${where}: chart series "${s2.name}" has ${s2.values.length} values for ${b.categories.length} categories`);
          if (s2.values.some((v) => v !== null && !Number.isFinite(v))) problems.push(`${where}: chart series "${s2.name}" has a non-finite value`);
        }
      }
      if (b.type !== 'table') return;
      const name = `${where} (table "${b.caption ?? b.id ?? ''}")`;
      if (b.body.length === 0) problems.push(`${name}: no body rows`);
      if (b.header.length === 0) problems.push(`${name}: no header`);
      const parts: [string, Cell[][]][] = [
        ['header', b.header],
        ['body', b.body],
        ['footer', b.footer ?? []],
      ];
      const widths = new Set<number>();
      for (const [part, rows] of parts) {
        rowWidths(rows).forEach((w, i) => {
          widths.add(w);
          if (rows[i]?.length === 0) problems.push(`${name} ${part}[${i}]: empty row`);
        });
        rows.forEach((r, i) =>
          r.forEach((c, j) => {
            if (c.value.kind === 'number' && !Number.isFinite(c.value.value)) problems.push(`${name} ${part}[${i}][${j}]: non-finite number`);
          }),
        );
      }
      if (widths.size > 1) problems.push(`${name}: rows span different numbers of columns (${[...widths].join(', ')})`);
      const width = [...widths][0];
      if (b.widths && width !== undefined && b.widths.length !== width) problems.push(`${name}: ${b.widths.length} column widths for ${width} columns`);
    }),
  );
  return problems;
}
