/**
 * How a document's blocks flow over pages, as flags on the model that every renderer reads: a
 * paragraph that introduces a table, chart or list is kept with it (`keepWithNext`), and tables
 * may ask for a landscape page when they do not fit the section's (`Table.orientation`). Pure.
 */
import type { Block, Section, Table } from './model.js';

/** The blocks a paragraph directly before is taken to introduce. */
const INTRODUCED: ReadonlySet<Block['type']> = new Set(['table', 'chart', 'list']);

export interface FlowOptions {
  /** the orientation of every table that does not name one (default: left as it is) */
  tables?: NonNullable<Table['orientation']>;
}

/**
 * The blocks with their flow flags: every paragraph directly followed by a table, chart or list
 * keeps with it (unless it says `keepWithNext: false`); tables without an orientation get
 * `options.tables`. Blocks needing no change are returned as they are.
 */
export function withFlowHints(blocks: readonly Block[], options: FlowOptions = {}): Block[] {
  return blocks.map((b, i) => {
    const next = blocks[i + 1];
    if (b.type === 'paragraph' && b.keepWithNext === undefined && next && INTRODUCED.has(next.type)) return { ...b, keepWithNext: true };
    if (b.type === 'table' && b.orientation === undefined && options.tables) return { ...b, orientation: options.tables };
    return b;
  });
}

/** Every section with its blocks' flow flags (`withFlowHints`). */
export function sectionsWithFlowHints(sections: readonly Section[], options: FlowOptions = {}): Section[] {
  return sections.map((s) => ({ ...s, blocks: withFlowHints(s.blocks, options) }));
}
