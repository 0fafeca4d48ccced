import { pageImages, inkDepthMm, ruledWidthMm } from './src/report/page-images.js';
import { PAGE_MARGINS_MM, textHeightMm, textWidthMm } from './src/report/layout.js';
const imgs = pageImages(process.argv[2]!, 40);
imgs.forEach((img, i) => {
  const land = img.width > img.height;
  const o = land ? 'landscape' : 'portrait';
  const m = PAGE_MARGINS_MM[o];
  const area = { left: m.left - 2, top: m.top - 2, right: m.left + textWidthMm(o) + 2, bottom: m.top + textHeightMm(o) };
  const fill = inkDepthMm(img, area) / textHeightMm(o);
  console.log(String(i + 1).padStart(3), land ? 'L' : 'P', 'fill', fill.toFixed(2), 'ruled', ruledWidthMm(img).toFixed(0));
});
