/**
 * SVG to PNG with resvg (a Rust renderer shipped as a prebuilt Node addon in its npm package):
 * the DOCX renderer embeds charts as PNG without needing a browser. Text is drawn with Arimo (and
 * Noto Sans Math for what Arimo lacks) from npm (fonts.ts, as TrueType in Kinerja's cache: resvg reads no WOFF), never the system's fonts,
 * so the picture is the same on every machine.
 */
import { Resvg } from '@resvg/resvg-js';
import { sfntFilesFor, type FontFace } from './fonts.js';

/** The faces a chart's text is set in: Arimo, regular and bold. */
const CHART_FACES: FontFace[] = [
  { family: 'Arimo', weight: 400, style: 'normal' },
  { family: 'Arimo', weight: 700, style: 'normal' },
];

/** The text of an SVG's elements (what its fonts must cover; markup is plain ASCII). */
function svgText(svg: string): string {
  return svg.replace(/<[^>]*>/g, ' ');
}

/** An SVG as PNG at `scale` times its size (2 by default, for print). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#FFFFFF',
    font: {
      loadSystemFonts: false,
      // only the subsets the chart's text needs: resvg parses every file it is given, each time
      fontFiles: sfntFilesFor(CHART_FACES, svgText(svg)),
      defaultFontFamily: 'Arimo',
      sansSerifFamily: 'Arimo',
    },
  });
  return resvg.render().asPng();
}
