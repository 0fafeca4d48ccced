/** Small shared pieces: loading and error states, predicate cells, badges, sparklines. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, serverText } from '../http.js';
import { isKey, useI18n, type Lang, type MessageKey } from '../i18n.js';
import { num, pct } from '../fmt.js';
import type { MeasuredRow } from '../api.js';
import { unmeasuredText } from '../../../src/core/report/common.js';
import { requestPlace } from '../../../src/core/labels.js';
import { href } from '../router.js';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

/** The message of an error in the interface language: the server's own text in it, after what the status says. */
export function errorText(error: unknown, t: (k: MessageKey) => string, lang: Lang): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status === 401) return t('error.unauthorized');
    if (error.status === 403) return `${t('error.forbidden')} (${serverText(error, lang)})`;
    if (error.status === 404) return `${t('error.notFound')} (${serverText(error, lang)})`;
    return serverText(error, lang);
  }
  return error instanceof Error ? error.message : String(error);
}

/** Names the record at a finding's path (`plans[3].indicators[5].goal` → the indicator), or `null`. */
export type NameOf = (where: string) => string | null;

/** An error with every finding the server gave, each with where it is. */
export function ErrorView({ error, onRetry, nameOf }: { error: unknown; onRetry?: () => void; nameOf?: NameOf }) {
  const { t, lang } = useI18n();
  // findings that only repeat the message add nothing; the others say what and where
  const findings = error instanceof ApiError ? error.findings.filter((f) => f.message !== error.message) : [];
  return (
    <div className="error" role="alert">
      <strong>{t('error.title')}:</strong> {errorText(error, t, lang)}
      {findings.length > 0 && <FindingList findings={findings} {...(nameOf ? { nameOf } : {})} />}
      {onRetry && !(error instanceof ApiError && (error.status === 403 || error.status === 401)) && (
        <p>
          <button type="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </p>
      )}
    </div>
  );
}

/** A finding as the pages receive it: the dashboard's carry their place in words and their page. */
export interface ShownFinding {
  severity: string;
  code: string;
  where: string;
  message: string;
  localized?: { id: string } | undefined;
  place?: { en: string; id: string } | undefined;
  link?: { section: string; indicator: string | null } | null | undefined;
}

/** The page of the interface a finding's link opens (`#/a/<agency>/realizations/<year>?indicator=…`). */
export function findingHref(agencyId: string, year: number, link: { section: string; indicator: string | null }): string {
  const yearly = link.section === 'realizations' || link.section === 'agreements' || link.section === 'programs';
  const base = yearly ? href('a', agencyId, link.section, year) : href('a', agencyId, link.section);
  return link.indicator ? `${base}?indicator=${encodeURIComponent(link.indicator)}` : base;
}

/**
 * Where a finding is, in words: its place as the server named it, else the record `nameOf` finds,
 * else the field of the request (core/labels.ts `requestPlace`: `body.username` → "nama pengguna").
 * The path itself stays in `data-where`, for tests, never on the screen.
 */
export function placeText(f: ShownFinding, lang: Lang, nameOf?: NameOf): string {
  if (f.place) return lang === 'id' ? f.place.id : f.place.en;
  const named = nameOf?.(f.where);
  if (named) return named;
  const p = requestPlace(f.where);
  return lang === 'id' ? p.id : p.en;
}

export function FindingList({ findings, nameOf, linkTo }: { findings: ShownFinding[]; nameOf?: NameOf; linkTo?: { agencyId: string; year: number } }) {
  const { t, lang } = useI18n();
  return (
    <table className="findings">
      <caption className="sr-only">{t('dash.findings')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('data.severity')}</th>
          <th scope="col">{t('data.where')}</th>
          <th scope="col">{t('data.message')}</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f, i) => (
          <tr key={i} className={`sev-${f.severity}`}>
            <td>{isKey(`severity.${f.severity}`) ? t(`severity.${f.severity}` as MessageKey) : f.severity}</td>
            <td data-where={f.where}>
              {f.link && linkTo ? <a href={findingHref(linkTo.agencyId, linkTo.year, f.link)}>{placeText(f, lang, nameOf)}</a> : placeText(f, lang, nameOf)}
            </td>
            <td>{serverText(f, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Relative luminance of a `#rrggbb` colour (WCAG). */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const ch = (s: string) => {
    const c = parseInt(s, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(m[1]!) + 0.7152 * ch(m[2]!) + 0.0722 * ch(m[3]!);
}

/** Black or white text, whichever contrasts more with the background. */
export function textOn(background: string): string {
  const l = luminance(background);
  if (l === null) return 'inherit';
  const withBlack = (l + 0.05) / 0.05;
  const withWhite = 1.05 / (l + 0.05);
  return withBlack >= withWhite ? '#000' : '#fff';
}

/** A predicate in the colour of its band (the measurement's `predicateColor`). */
export function PredicateBadge({ label, color, unmeasured }: { label: string | null; color?: string | null | undefined; unmeasured?: string | undefined }) {
  const { t, lang } = useI18n();
  if (!label) {
    // the engine's reasons are English keys; the Indonesian wording is the reports' own
    const why = unmeasured ? (lang === 'id' ? unmeasuredText(unmeasured) : unmeasured) : undefined;
    return (
      <span className="predicate none" title={why}>
        {why ? `${t('dash.unmeasured')}: ${why}` : '—'}
      </span>
    );
  }
  const style = color ? { background: color, color: textOn(color) } : undefined;
  return (
    <span className="predicate" style={style} data-color={color ?? undefined}>
      {label}
    </span>
  );
}

/**
 * A row's figure awaiting approval (measurement.md, "Official figures"), shown apart from the
 * official one: realization → achievement and predicate, with its workflow state and period.
 */
export function PendingFigure({ pending }: { pending: MeasuredRow['pending'] }) {
  const { t } = useI18n();
  if (!pending) return null;
  return (
    <span className="pending-figure" data-testid="pending-figure">
      <span className="tag tag-pending">{t('dash.pending')}</span> {num(pending.realization)} → {pct(pending.achievement)}{' '}
      <PredicateBadge label={pending.predicate} color={pending.predicateColor} />{' '}
      <span className="muted small">
        ({t(`state.${pending.state}` as MessageKey)}, {t(`period.${pending.period}` as MessageKey)})
      </span>
    </span>
  );
}

export function StateBadge({ state }: { state: string | null | undefined }) {
  const { t } = useI18n();
  if (!state) return <span className="state none">—</span>;
  const key = `state.${state}` as MessageKey;
  return <span className={`state state-${state}`}>{t(key)}</span>;
}

/** A trend as a small inline SVG line (no chart library on the first page). */
export function Sparkline({ points, label }: { points: { year: number; value: number | string }[]; label: string }) {
  const numeric = points.filter((p): p is { year: number; value: number } => typeof p.value === 'number' && Number.isFinite(p.value));
  if (numeric.length === 0) return <span className="muted">—</span>;
  const w = 96;
  const h = 28;
  const pad = 3;
  const values = numeric.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (numeric.length === 1 ? w / 2 : pad + (i * (w - 2 * pad)) / (numeric.length - 1));
  const y = (v: number) => h - pad - ((v - min) / span) * (h - 2 * pad);
  const d = numeric.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const text = numeric.map((p) => `${p.year}: ${num(p.value)}`).join('; ');
  const last = numeric[numeric.length - 1]!;
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: ${text}`}>
      <title>{text}</title>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={x(numeric.length - 1)} cy={y(last.value)} r="2.5" fill="currentColor" />
    </svg>
  );
}

/** A bar for a percentage (budget absorption), with the number beside it. */
export function PercentBar({ value, label }: { value: number | null | undefined; label: string }) {
  if (value === null || value === undefined || !Number.isFinite(value)) return <span className="muted">—</span>;
  const width = Math.max(0, Math.min(100, value));
  return (
    <span className="pbar" title={label}>
      <span className="pbar-track" aria-hidden="true">
        <span className="pbar-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="pbar-text">{pct(value)}</span>
    </span>
  );
}

export function Card({ title, children, className }: { title?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${className ?? ''}`}>
      {title && <h2>{title}</h2>}
      {children}
    </section>
  );
}

export function Stat({ label, value, tone }: { label: string; value: ReactNode; tone?: string }) {
  return (
    <div className={`stat ${tone ? `tone-${tone}` : ''}`}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

/**
 * A wide table's own scroll box: the page never scrolls sideways, the table does. While the table
 * is wider than the box, a hint says so ("Geser untuk melihat kolom lain"), the edges that hide
 * columns are shaded, and the box takes the keyboard's focus (arrow keys scroll it) under `label`.
 */
export function TableWrap({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  const [edges, setEdges] = useState({ before: false, after: false });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const wide = el.scrollWidth > el.clientWidth + 1;
      setScrolls(wide);
      setEdges({ before: wide && el.scrollLeft > 1, after: wide && el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  return (
    <div className={`table-scroll${scrolls ? ' scrolls' : ''}${edges.before ? ' more-before' : ''}${edges.after ? ' more-after' : ''}`}>
      {scrolls && (
        <p className="scroll-hint" aria-hidden="true">
          {t('common.scrollHint')}
        </p>
      )}
      <div ref={box} className={`table-wrap${className ? ` ${className}` : ''}`} {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
        {children}
      </div>
    </div>
  );
}
