/**
 * SVG to PNG with resvg (a Rust renderer shipped as a prebuilt Node addon in its npm package):
 * the DOCX renderer embeds charts as PNG without needing a browser. Text is drawn with Arimo (and
 * Noto Sans Math for what Arimo lacks) from npm (fonts.ts, as TrueType in Kinerja's cache: resvg reads no WOFF), never the system's fonts,
 * so the picture is the same on every machine.
 */
import { Resvg } from '@resvg/resvg-js';
import { sfntFiles, SYMBOLS } from './fonts.js';

/** The faces a chart uses: Arimo, regular and bold, and the symbols face, every script subset. */
let fontFiles: string[] | undefined;

/** An SVG as PNG at `scale` times its size (2 by default, for print). */
export function svgToPng(svg: string, scale = 2): Buffer {
  fontFiles ??= sfntFiles([
    { family: 'Arimo', weight: 400, style: 'normal' },
    { family: 'Arimo', weight: 700, style: 'normal' },
    SYMBOLS,
  ]);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#FFFFFF',
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: 'Arimo',
      sansSerifFamily: 'Arimo',
    },
  });
  return resvg.render().asPng();
}
