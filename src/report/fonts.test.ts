import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { codePoints, fontFaceCss, sfntFilesFor, subsetsFor, woffToSfnt } from './fonts.js';
import { renderHtml } from './html.js';
import { svgToPng } from './raster.js';
import { sampleDocument } from './sample.js';

const require = createRequire(import.meta.url);
const ARIMO = { family: 'Arimo', weight: 400, style: 'normal' } as const;

describe('report fonts from npm', () => {
  it('embeds only the subsets a text uses: latin for plain text, greek for Σ, Noto Sans Math for ≥', () => {
    expect(subsetsFor('Arimo', codePoints('Capaian 106,67%'))).toEqual(['latin']);
    expect(subsetsFor('Arimo', codePoints('Σ anggaran'))).toEqual(['greek', 'latin']);
    const plain = fontFaceCss([ARIMO], 'Capaian 106,67%');
    expect(plain.match(/@font-face/g)).toHaveLength(1);
    expect(plain).toContain("font-family: 'Arimo'; font-style: normal; font-weight: 400; src: url(data:font/woff;base64,");
    expect(plain).toContain('unicode-range: U+0000-00FF');
    expect(plain).not.toContain('Noto Sans Math');
    const math = fontFaceCss([ARIMO], 'nilai ≥ 80');
    expect(math).toContain("font-family: 'Noto Sans Math'");
    expect(math.match(/@font-face/g)).toHaveLength(2);
  });

  it('the HTML report names Tinos and Arimo and embeds them, with the footer face loaded by the body', () => {
    const html = renderHtml(sampleDocument());
    expect(html).toMatch(/@font-face \{ font-family: 'Tinos'; font-style: normal; font-weight: 400;/);
    expect(html).toMatch(/@font-face \{ font-family: 'Arimo'; font-style: italic; font-weight: 400;/);
    expect(html).toContain('font-family: Tinos,');
    expect(html).not.toContain('Liberation');
    expect(html).toMatch(/<div aria-hidden="true" style="[^"]*visibility:hidden;font:italic 8pt Arimo/);
    // the fragment (for a page of its own) carries no fonts
    expect(renderHtml(sampleDocument(), { standalone: false })).not.toContain('@font-face');
  });

  it('turns a WOFF into the TrueType font it wraps, which resvg draws text with', () => {
    const woff = readFileSync(require.resolve('@fontsource/arimo/files/arimo-latin-400-normal.woff'));
    const ttf = woffToSfnt(woff);
    expect(ttf.readUInt32BE(0)).toBe(0x00010000); // a TrueType font
    expect(ttf.length).toBe(woff.readUInt32BE(16)); // WOFF's totalSfntSize
    expect(() => woffToSfnt(Buffer.from('not a font'))).toThrow(/not a WOFF 1.0 font/);
    const [file, ...rest] = sfntFilesFor([ARIMO], 'Capaian');
    expect(file).toMatch(/arimo-latin-400-normal\.ttf$/);
    expect(rest).toEqual([]);
    expect(sfntFilesFor([ARIMO], 'Σ≥').map((f) => f.replace(/^.*\//, ''))).toEqual(['arimo-greek-400-normal.ttf', 'noto-sans-math-latin-400-normal.ttf']);
    expect(readFileSync(file!).equals(ttf)).toBe(true);
    const svg = (text: string): string =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="28" font-family="Arimo" font-size="20">${text}</text></svg>`;
    const draw = (text: string, fontFiles: string[]): Buffer =>
      new Resvg(svg(text), { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Arimo' } }).render().asPng();
    // with no font at all resvg draws no text; with the converted Arimo it does
    expect(draw('Capaian', []).equals(draw('', []))).toBe(true);
    expect(draw('Capaian', [file!]).equals(draw('', [file!]))).toBe(false);
  });

  it('draws the charts\' PNG text with those fonts, not the system\'s', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="28" font-family="Arimo, Arial, sans-serif" font-size="20">Target ≥ 100%</text></svg>`;
    const blank = svgToPng(svg.replace('Target ≥ 100%', ''));
    expect(svgToPng(svg).equals(blank)).toBe(false);
  });
});
