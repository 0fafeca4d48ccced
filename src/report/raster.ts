/**
 * SVG to PNG with resvg (a Rust renderer shipped as a prebuilt Node addon in its npm package):
 * the DOCX renderer embeds charts as PNG without needing a browser.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const FONT_DIRS = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation'];
const FACES = ['Regular', 'Bold', 'Italic', 'BoldItalic'];

let fontFiles: string[] | undefined;

/** The Liberation Sans and Serif files of fonts-liberation2 (or fonts-liberation), when installed. */
function liberationFonts(): string[] {
  if (fontFiles) return fontFiles;
  const found: string[] = [];
  for (const family of ['LiberationSans', 'LiberationSerif']) {
    for (const face of FACES) {
      const file = FONT_DIRS.map((d) => `${d}/${family}-${face}.ttf`).find((f) => existsSync(f));
      if (file) found.push(file);
    }
  }
  fontFiles = found;
  return found;
}

/**
 * An SVG as PNG at `scale` times its size (2 by default, for print). Text is drawn with the
 * Liberation fonts when they are installed (fast: only those files are read), else with whatever
 * fonts the system has.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const files = liberationFonts();
  const haveFonts = files.length > 0;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#FFFFFF',
    font: {
      loadSystemFonts: !haveFonts,
      fontFiles: files,
      defaultFontFamily: 'Liberation Sans',
      sansSerifFamily: 'Liberation Sans',
      serifFamily: 'Liberation Serif',
    },
  });
  return resvg.render().asPng();
}
