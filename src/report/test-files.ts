/**
 * Tests: files made for the tests (issue 11) — the seed's crest, photos and scans are not
 * available as files, and the demo is never filled with invented pictures. A crest and a photo
 * drawn by resvg (real PNGs), a signed-scan stand-in made by pdf-lib (a real PDF), and the
 * minimal dataset referring to them.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { FIXTURE_AGREEMENT, FIXTURE_PLAN, minimalDataset } from '../core/dataset/fixtures.js';
import type { Dataset, FileRef } from '../core/dataset/schema.js';
import { svgToPng } from './raster.js';

export const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A crest drawn for the test: a green shield with a yellow star. */
export function testCrestPng(): Buffer {
  return svgToPng(
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="140" viewBox="0 0 120 140">' +
      '<path d="M10 10 H110 V80 Q110 120 60 135 Q10 120 10 80 Z" fill="#0a7a3b" stroke="#000" stroke-width="4"/>' +
      '<polygon points="60,30 70,60 100,60 75,78 85,108 60,90 35,108 45,78 20,60 50,60" fill="#f5c400"/></svg>',
    1,
  );
}

export function testPhotoPng(): Buffer {
  return svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="#3366cc"/><circle cx="80" cy="45" r="30" fill="#fff"/></svg>', 1);
}

/** A signed scan stand-in: a PDF of `pages` pages, each saying which page it is. */
export async function testScanPdf(pages: number, label = 'PINDAIAN PERJANJIAN'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595.28, 841.89]).drawText(`${label} HALAMAN ${i}`, { x: 72, y: 760, size: 18, font });
  return Buffer.from(await doc.save());
}

export const refOf = (bytes: Buffer, mediaType: FileRef['mediaType'], name: string): FileRef => ({ sha256: sha(bytes), mediaType, name, size: bytes.byteLength });

export interface Made {
  ds: Dataset;
  files: Map<string, { mediaType: string; bytes: Uint8Array }>;
  crest: Buffer;
  photo: Buffer;
  scan: Buffer;
}

export async function datasetWithFiles(): Promise<Made> {
  const crest = testCrestPng();
  const photo = testPhotoPng();
  const scan = await testScanPdf(2);
  const ds = minimalDataset();
  ds.agency.crest = { ...refOf(crest, 'image/png', 'lambang.png'), mediaType: 'image/png' };
  ds.activities = [{ id: 'pelatihan', title: 'Pelatihan Usaha Mikro', node: 'p1-k1-s1', rows: [{ name: 'Pelatihan kewirausahaan', unit: 'orang', target: 100, realization: 120 }] }];
  ds.photos = [
    { ...refOf(photo, 'image/png', 'pelatihan.png'), mediaType: 'image/png', caption: 'Pelatihan kewirausahaan di Balai Desa', activity: 'pelatihan' },
    { ...refOf(photo, 'image/png', 'umm.png'), mediaType: 'image/png', caption: 'Pendampingan usaha mikro mandiri', indicator: `${FIXTURE_PLAN}/UMM` },
  ];
  const ag = ds.agreements.find((a) => a.id === FIXTURE_AGREEMENT)!;
  ag.scan = refOf(scan, 'application/pdf', 'pk-2025-ttd.pdf');
  const files = new Map<string, { mediaType: string; bytes: Uint8Array }>([
    [sha(crest), { mediaType: 'image/png', bytes: crest }],
    [sha(photo), { mediaType: 'image/png', bytes: photo }],
    [sha(scan), { mediaType: 'application/pdf', bytes: scan }],
  ]);
  return { ds, files, crest, photo, scan };
}

