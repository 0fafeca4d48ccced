/**
 * How wide a text is set in Arial (Liberation Sans, Helvetica): the advance widths of Adobe's
 * Helvetica and Helvetica-Bold AFM metrics, which Arial and Liberation Sans share, in 1/1000 em
 * (where Arial differs from Helvetica — the soft hyphen, macron, ±, µ, middle dot, ÷ — Arial's,
 * the font both renderers name). Arimo, the font the PDF is printed in (fonts.ts), has these
 * widths too, but for the bold µ: 600 against Arial's 576, and the table takes the wider.
 * A table of numbers rather than the installed fonts, so a layout that depends on it is the same
 * on every machine (issued reports stay byte-reproducible).
 */

/** Advance widths of the characters U+0020–U+007E, regular and bold. */
const ASCII = {
  regular: [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
  ],
  bold: [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
  ],
} as const;

/** Advance widths of the characters U+00A0–U+00FF (Latin-1: no-break space, accented letters), regular and bold. */
const LATIN1 = {
  regular: [
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 0, 737, 552, 400, 549, 333, 333, 333, 576, 537, 333, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 549, 611, 556, 556, 556, 556, 500, 556, 500,
  ],
  bold: [
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 0, 737, 552, 400, 549, 333, 333, 333, 600, 556, 333, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 549, 611, 611, 611, 611, 611, 556, 611, 556,
  ],
} as const;

/** Punctuation beyond Latin-1 that reports use: dashes, curly quotes, bullet, ellipsis. */
const PUNCTUATION: Record<number, { regular: number; bold: number }> = {
  0x2013: { regular: 556, bold: 556 }, // en dash
  0x2014: { regular: 1000, bold: 1000 }, // em dash
  0x2018: { regular: 222, bold: 278 },
  0x2019: { regular: 222, bold: 278 },
  0x201c: { regular: 333, bold: 500 },
  0x201d: { regular: 333, bold: 500 },
  0x2022: { regular: 350, bold: 350 }, // bullet
  0x2026: { regular: 1000, bold: 1000 }, // ellipsis
};

/** The width taken for any other character: wider than most Latin letters, so a guess errs towards room. */
const OTHER = { regular: 667, bold: 722 } as const;

/** The advance width of one character in 1/1000 em. */
export function charWidth(codePoint: number, bold: boolean): number {
  const weight = bold ? 'bold' : 'regular';
  if (codePoint >= 0x20 && codePoint <= 0x7e) return ASCII[weight][codePoint - 0x20] ?? OTHER[weight];
  if (codePoint >= 0xa0 && codePoint <= 0xff) return LATIN1[weight][codePoint - 0xa0] ?? OTHER[weight];
  return PUNCTUATION[codePoint]?.[weight] ?? OTHER[weight];
}

/** The width of a text (one line, no kerning) in em: 1 is the font's size. */
export function textWidthEm(text: string, bold: boolean): number {
  let sum = 0;
  for (const ch of text) sum += charWidth(ch.codePointAt(0) ?? 0x20, bold);
  return sum / 1000;
}
