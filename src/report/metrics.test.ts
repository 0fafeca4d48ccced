import { describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { fontFaceCss } from './fonts.js';
import { charWidth, textWidthEm } from './metrics.js';

describe('text widths', () => {
  it('adds up the advance widths of a text', () => {
    expect(textWidthEm('No', true)).toBeCloseTo((722 + 611) / 1000, 12);
    expect(textWidthEm('Rp 1.000', false)).toBeCloseTo((722 + 556 + 278 + 556 + 278 + 3 * 556) / 1000, 12);
    expect(textWidthEm('', false)).toBe(0);
    // a character outside the table counts as a wide letter, so a guess errs towards room
    expect(charWidth(0x3042, false)).toBeGreaterThanOrEqual(charWidth('n'.codePointAt(0)!, false));
  });

  // the table is Arial's: Arimo, the font the PDF is printed with (embedded from npm), must set every character at that width
  it.skipIf(!chromiumAvailable())('are the widths Chromium sets Arimo at, regular and bold', async () => {
    const codePoints = [
      ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
      ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i),
      0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026,
    ];
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const text = String.fromCodePoint(...codePoints);
      const faces = [400, 700].map((weight) => ({ family: 'Arimo' as const, weight: weight as 400 | 700, style: 'normal' as const }));
      await page.setContent(`<style>${fontFaceCss(faces, text)}</style>`);
      for (const bold of [false, true]) {
        const measured = await page.evaluate(
          async ({ codePoints, bold, text }) => {
            const font = `${bold ? 'bold ' : ''}1000px Arimo`;
            const loaded = await document.fonts.load(font, text);
            if (loaded.length === 0) throw new Error(`${font} did not load`);
            const ctx = document.createElement('canvas').getContext('2d');
            if (!ctx) throw new Error('no canvas');
            ctx.font = font;
            return codePoints.map((cp) => ctx.measureText(String.fromCodePoint(cp)).width);
          },
          { codePoints, bold, text },
        );
        const differ = codePoints
          .map((cp, i) => ({ char: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, table: charWidth(cp, bold), chromium: Math.round(measured[i] ?? NaN) }))
          .filter((d) => d.table !== d.chromium);
        expect(differ, bold ? 'bold' : 'regular').toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });
});
