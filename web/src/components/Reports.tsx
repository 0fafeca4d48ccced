/**
 * The "Laporan" panel of the agency dashboard: the year's LKIP (HTML preview in a new tab;
 * DOCX, PDF, XLSX), each agreement of the year (DOCX, PDF) and the review (HTML, DOCX, PDF),
 * fetched as files so that a button can show that the file is being prepared (PDF takes
 * seconds) and say what went wrong.
 */
import { useRef, useState } from 'react';
import { api, type ReportFileFormat, type ReportRef } from '../api.js';
import { useI18n } from '../i18n.js';
import { errorText } from './ui.js';

interface Job {
  report: ReportRef;
  format: ReportFileFormat;
  /** what the error names when it fails */
  label: string;
}

const keyOf = (r: ReportRef, f: ReportFileFormat) => `${r.kind}:${r.kind === 'agreement' ? r.id : r.year}:${f}`;

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ReportsPanel({ agencyId, year, agreements }: { agencyId: string; year: number; agreements: { id: string; kind: string; title: string }[] }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<{ key: string; text: string }[]>([]);
  const running = useRef(new Set<string>());

  const run = async ({ report, format, label }: Job) => {
    const key = keyOf(report, format);
    if (running.current.has(key)) return;
    running.current.add(key);
    setBusy(new Set(running.current));
    setErrors((es) => es.filter((e) => e.key !== key));
    // the preview's tab is opened now, while the click still counts as the user's: a tab opened
    // after the file arrives would be a pop-up the browser blocks
    const preview = format === 'html' ? window.open('', '_blank') : null;
    try {
      if (format === 'html' && !preview) throw new Error(t('rep.popup'));
      preview?.document.write(`<p style="font-family: system-ui, sans-serif">${t('rep.preparing')}</p>`);
      const file = await api.report(agencyId, report, format);
      if (preview) {
        const url = URL.createObjectURL(new Blob([file.blob], { type: 'text/html' }));
        preview.location.replace(url);
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } else {
        saveBlob(file.blob, file.fileName ?? `${label}.${format}`);
      }
    } catch (e) {
      preview?.close();
      setErrors((es) => [...es.filter((x) => x.key !== key), { key, text: t('rep.failed', { file: `${label} (${format.toUpperCase()})`, message: errorText(e, t, lang) }) }]);
    } finally {
      running.current.delete(key);
      setBusy(new Set(running.current));
    }
  };

  const button = (job: Job, text: string) => {
    const key = keyOf(job.report, job.format);
    const working = busy.has(key);
    return (
      <button
        key={key}
        type="button"
        className="report-button"
        data-testid={`report-${key}`}
        disabled={working}
        aria-busy={working}
        onClick={() => void run(job)}
      >
        {working ? (
          <>
            <span className="spinner" aria-hidden="true" /> {t('rep.preparing')}
          </>
        ) : (
          text
        )}
      </button>
    );
  };

  const lkip: ReportRef = { kind: 'lkip', year };
  const review: ReportRef = { kind: 'review', year };
  const lkipLabel = t('rep.lkip', { year });
  const reviewLabel = t('rep.review', { year });
  return (
    <section className="card reports" aria-labelledby="reports-title" data-testid="reports">
      <h2 id="reports-title">{t('rep.title')}</h2>
      <p className="muted small">{t('rep.intro', { year })}</p>
      <dl className="report-list">
        <dt>{lkipLabel}</dt>
        <dd>
          {button({ report: lkip, format: 'html', label: lkipLabel }, t('rep.preview'))}
          {button({ report: lkip, format: 'docx', label: lkipLabel }, 'DOCX')}
          {button({ report: lkip, format: 'pdf', label: lkipLabel }, 'PDF')}
          {button({ report: lkip, format: 'xlsx', label: lkipLabel }, 'XLSX')}
        </dd>
        {agreements.length === 0 && (
          <>
            <dt>{t('nav.agreements')}</dt>
            <dd className="muted">{t('rep.noAgreement')}</dd>
          </>
        )}
        {agreements.map((a) => {
          const label = a.title;
          const ref: ReportRef = { kind: 'agreement', id: a.id };
          return [
            <dt key={`dt-${a.id}`}>{label}</dt>,
            <dd key={`dd-${a.id}`}>
              {button({ report: ref, format: 'docx', label }, 'DOCX')}
              {button({ report: ref, format: 'pdf', label }, 'PDF')}
            </dd>,
          ];
        })}
        <dt>{reviewLabel}</dt>
        <dd>
          {button({ report: review, format: 'html', label: reviewLabel }, t('rep.preview'))}
          {button({ report: review, format: 'docx', label: reviewLabel }, 'DOCX')}
          {button({ report: review, format: 'pdf', label: reviewLabel }, 'PDF')}
        </dd>
      </dl>
      {errors.length > 0 && (
        <div className="error" role="alert" data-testid="report-errors">
          {errors.map((e) => (
            <p key={e.key}>{e.text}</p>
          ))}
        </div>
      )}
    </section>
  );
}
