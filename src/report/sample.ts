/**
 * A sample document for the renderers' tests and for looking at the output: a small LKIP with a
 * cover, a foreword with a signature, a table of contents, chapters with a list, a table with a
 * two-row merged header and coloured predicate cells, a chart, a landscape part, a page break and
 * an agreement's signature block. Figures are taken from the 2025 Diskopum Jember report.
 */
import type { Cell, DocumentModel, NumberFormat } from '../core/document/model.js';

const PCT: NumberFormat = { kind: 'percent', decimals: 2, trim: true };

export const PREDICATE_FILL = {
  'Sangat Tinggi': '#9FC5E8',
  Tinggi: '#93C47D',
  Sedang: '#FFF2CC',
  Rendah: '#7F7F7F',
  'Sangat Rendah': '#E06666',
} as const;

const text = (t: string, extra: Partial<Cell> = {}): Cell => ({ value: { kind: 'text', text: t }, ...extra });
const num = (value: number, format: NumberFormat, extra: Partial<Cell> = {}): Cell => ({ value: { kind: 'number', value, format }, ...extra });
const pct = (value: number): Cell => num(value, PCT);
const predicate = (p: keyof typeof PREDICATE_FILL): Cell => text(p, { fill: PREDICATE_FILL[p], align: 'center' });
const empty = (reason?: string): Cell => ({ value: reason ? { kind: 'empty', reason } : { kind: 'empty' } });

/** The sample document; every call returns a fresh copy that a test may change. */
export function sampleDocument(): DocumentModel {
  return {
    title: 'Laporan Kinerja Dinas Koperasi dan Usaha Mikro Kabupaten Jember Tahun 2025',
    subtitle: 'Laporan Kinerja Instansi Pemerintah (LKIP)',
    agency: 'Dinas Koperasi dan Usaha Mikro Kabupaten Jember',
    year: 2025,
    language: 'id',
    cover: {
      lines: ['LAPORAN KINERJA', 'INSTANSI PEMERINTAH', 'DINAS KOPERASI DAN USAHA MIKRO', 'KABUPATEN JEMBER', 'TAHUN 2025'],
      footer: ['Jl. Karimata No. 115 Jember', 'Telp: 0331 (336101)', 'Surel: diskopum@jemberkab.go.id'],
    },
    sections: [
      {
        id: 'kata-pengantar',
        title: 'Kata Pengantar',
        newPage: true,
        numbering: 'roman',
        blocks: [
          { type: 'heading', level: 1, text: 'KATA PENGANTAR', id: 'kata-pengantar' },
          {
            type: 'paragraph',
            align: 'justify',
            content: [
              'Puji syukur kehadirat Tuhan Yang Maha Esa, sehingga penyusunan ',
              { text: 'Laporan Kinerja Dinas Koperasi dan Usaha Mikro Kabupaten Jember Tahun 2025', italic: true },
              ' dapat kami selesaikan. Laporan ini disusun sesuai dengan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.',
            ],
          },
          {
            type: 'paragraph',
            align: 'justify',
            content: ['Laporan ini merupakan bentuk akuntabilitas publik atas pelaksanaan tugas dan fungsi serta penggunaan anggaran.'],
          },
          {
            type: 'signature',
            place: 'Jember',
            date: '19 Februari 2026',
            parties: [
              {
                role: '',
                position: 'Kepala Dinas Koperasi dan Usaha Mikro\nKabupaten Jember',
                name: 'Dra. SARTINI, MM',
                rank: 'Pembina Tk. I (IV/b)',
                nip: '196707061998032005',
              },
            ],
          },
        ],
      },
      {
        id: 'daftar-isi',
        newPage: true,
        numbering: 'roman',
        blocks: [{ type: 'toc', title: 'DAFTAR ISI' }],
      },
      {
        id: 'bab-1',
        title: 'BAB I Pendahuluan',
        newPage: true,
        numbering: 'arabic',
        blocks: [
          { type: 'heading', level: 1, text: 'BAB I PENDAHULUAN' },
          { type: 'heading', level: 2, text: 'A. Latar Belakang' },
          {
            type: 'paragraph',
            align: 'justify',
            content: [
              'Penyusunan Laporan Kinerja Instansi Pemerintah (LKIP) merupakan bagian dari penerapan ',
              { text: 'Sistem Akuntabilitas Kinerja Instansi Pemerintah', bold: true },
              '. Dasar hukum penyusunan laporan kinerja antara lain:',
            ],
          },
          {
            type: 'list',
            ordered: true,
            style: 'decimal',
            items: [
              ['Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;'],
              ['Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah.'],
            ],
          },
          { type: 'heading', level: 2, text: 'B. Tujuan' },
          {
            type: 'list',
            ordered: false,
            items: [
              ['Memberikan informasi kinerja yang terukur kepada pemberi mandat;'],
              ['Sebagai upaya perbaikan berkesinambungan untuk meningkatkan kinerja instansi.'],
            ],
          },
          { type: 'pageBreak' },
          { type: 'heading', level: 2, text: 'C. Sumber Daya Keuangan' },
          {
            type: 'paragraph',
            align: 'justify',
            content: ['Pagu anggaran tahun 2025 sebesar Rp 26.796.144.571,60 dengan realisasi Rp 22.433.977.123,76.'],
          },
          {
            type: 'table',
            id: 'tabel-1-1',
            caption: 'Tabel 1.1 Anggaran dan Realisasi Tahun 2025',
            widths: [3, 9, 7, 7, 4],
            header: [[text('No'), text('Program'), text('Anggaran (Rp)'), text('Realisasi (Rp)'), text('%')]],
            body: [
              [num(1, { kind: 'integer' }), text('Program Penunjang Urusan Pemerintahan Daerah'), num(14543788541, { kind: 'rupiah' }), num(12113120991.5, { kind: 'rupiah' }), pct(83.29)],
              [num(2, { kind: 'integer' }), text('Program Pemberdayaan Usaha Mikro'), num(1234567.89, { kind: 'number', decimals: 2 }), empty('belum ada laporan realisasi'), empty()],
            ],
            footer: [[text('Jumlah', { colSpan: 2, align: 'center' }), num(26796144571.6, { kind: 'rupiah' }), num(22433977123.76, { kind: 'rupiah' }), pct(83.72)]],
            source: 'Sumber: DPA dan LRA Dinas Koperasi dan Usaha Mikro 2025',
          },
        ],
      },
      {
        id: 'bab-3',
        title: 'BAB III Akuntabilitas Kinerja',
        newPage: true,
        numbering: 'arabic',
        orientation: 'landscape',
        blocks: [
          { type: 'heading', level: 1, text: 'BAB III AKUNTABILITAS KINERJA' },
          { type: 'heading', level: 2, text: 'A. Capaian Kinerja Tahun 2025' },
          {
            type: 'table',
            id: 'tabel-3-2',
            caption: 'Tabel 3.2 Capaian Kinerja Tahun 2025 (atas Kinerja pada PK Tahun 2025 dengan Dasar Renstra 2021-2026)',
            widths: [3, 14, 14, 6, 6, 6, 6, 8],
            header: [
              [
                text('No', { rowSpan: 2 }),
                text('Sasaran Strategis', { rowSpan: 2 }),
                text('Indikator', { rowSpan: 2 }),
                text('Kondisi Awal 2024', { rowSpan: 2 }),
                text('Capaian Tahun 2025', { colSpan: 4 }),
              ],
              [text('Target'), text('Realisasi'), text('%'), text('Kriteria')],
            ],
            body: [
              [
                num(1, { kind: 'integer' }, { align: 'center' }),
                text('Meningkatnya efektifitas pencapaian target kinerja perangkat daerah'),
                text('Persentase indikator program yang dicapai'),
                pct(89),
                pct(82),
                num(66.67, PCT),
                pct(81.3),
                predicate('Tinggi'),
              ],
              [
                num(2, { kind: 'integer' }, { align: 'center', rowSpan: 3 }),
                text('Meningkatkan pertumbuhan usaha mikro dan koperasi', { rowSpan: 3 }),
                text('Persentase usaha mikro mandiri'),
                pct(50),
                pct(65),
                pct(6.5),
                pct(10),
                predicate('Sangat Rendah'),
              ],
              [text('Persentase koperasi sehat'), pct(15), pct(30), pct(32), pct(106.67), predicate('Sangat Tinggi')],
              [text('Persentase koperasi berkualitas'), pct(40), pct(50), pct(72), pct(144), predicate('Sangat Tinggi')],
            ],
            source: 'Sumber: Data Bidang Kelembagaan dan Pengawasan, diolah',
          },
          {
            type: 'chart',
            id: 'grafik-3-1',
            caption: 'Grafik 3.1 Persentase Capaian Indikator Kinerja Tahun 2025',
            kind: 'bar',
            categories: ['Indikator program', 'Usaha mikro mandiri', 'Koperasi sehat', 'Koperasi berkualitas'],
            series: [{ name: 'Capaian 2025', values: [81.3, 10, 106.67, 144] }],
            unit: '%',
            reference: { value: 100, label: 'Target' },
            width: 720,
            height: 260,
          },
          { type: 'paragraph', style: 'note', content: ['Catatan: capaian dihitung sebagai realisasi dibagi target dikali 100.'] },
        ],
      },
      {
        id: 'lampiran-pk',
        title: 'Lampiran 1 Perjanjian Kinerja',
        newPage: true,
        numbering: 'arabic',
        blocks: [
          { type: 'heading', level: 1, text: 'LAMPIRAN 1 PERJANJIAN KINERJA TAHUN 2025', toc: true },
          {
            type: 'paragraph',
            align: 'justify',
            content: ['Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini.'],
          },
          {
            type: 'signature',
            place: 'Jember',
            date: '10 Februari 2025',
            parties: [
              { role: 'PIHAK KEDUA', position: 'Plt. Bupati Jember', name: 'MUHAMMAD BALYA FIRJAUN BARLAMAM' },
              {
                role: 'PIHAK PERTAMA',
                position: 'Kepala Dinas Koperasi dan Usaha Mikro',
                name: 'Dra. SARTINI, MM',
                rank: 'Pembina Tk. I (IV/b)',
                nip: '196707061998032005',
              },
            ],
          },
        ],
      },
    ],
  };
}
