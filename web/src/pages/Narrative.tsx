/**
 * The narrative: the agency's own prose that the LKIP prints around its generated text — the
 * foreword and its signing place and date, the executive summary and challenges, the
 * introduction (background, purpose, strategic issues), per indicator, goal or program the
 * analyses (drivers, obstacles, challenges and solutions), awards, and the closing chapter
 * (conclusions, obstacles, success factors, improvement steps). Written by the agency's planner
 * (policies/narrative.ts); everyone else who may read the agency reads it here.
 *
 * The narrative is kept per report year (docs/decisions.md, "Narrative per year"): the page
 * edits one year, chosen among the years of the agency's agreements (and the years that already
 * have a narrative of their own), the latest by default; the address carries it
 * (`/a/:agency/narrative/:year`). A year without its own narrative opens with the undated one's
 * text, and saving writes it as that year's own: the other years' reports do not change.
 *
 * A year's narrative is one record, replaced as a whole: fields this page does not show (`extra`,
 * `note`) are sent back as they were read.
 */
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { navigate } from '../router.js';
import { api, type AgencyProfile, type AgreementView, type Analysis, type Narrative, type NarrativeView, type NodeView, type PlanView } from '../api.js';
import { useUser } from '../auth.js';
import { compact, DateField, fieldErrors, linesOf, SaveError, textOf, type FieldErrors } from '../components/forms.js';
import { Card, ErrorView, Loading } from '../components/ui.js';
import { useAsync } from '../hooks.js';
import { useI18n, type Lang, type MessageKey, type Translate } from '../i18n.js';
import { agreementTitle } from '../fmt.js';
import { namesFrom } from './Agreements.js';

type Award = NonNullable<Narrative['awards']>[number];

const TEXTS = ['foreword', 'executiveSummary', 'background', 'purpose', 'conclusions'] as const;
const LISTS = ['strategicIssues', 'challenges', 'obstacles', 'successFactors', 'improvementSteps'] as const;
type TextField = (typeof TEXTS)[number];
type ListField = (typeof LISTS)[number];

interface AwardRow {
  key: number;
  base: Award | null;
  title: string;
  date: string;
  /** the year it was received when the date is not known (a count of awards counts it in that year) */
  year: string;
  place: string;
  text: string;
}

interface AnalysisRow {
  key: number;
  base: Analysis | null;
  subject: string;
  drivers: string;
  obstacles: string;
  challenges: string;
  text: string;
}

interface Form {
  place: string;
  signedOn: string;
  texts: Record<TextField, string>;
  lists: Record<ListField, string>;
  awards: AwardRow[];
  analyses: AnalysisRow[];
}

let nextKey = 1;
const lines = (list: readonly string[] | undefined) => (list ?? []).join('\n');

function formOf(n: Narrative | null): Form {
  return {
    place: n?.place ?? '',
    signedOn: n?.signedOn ?? '',
    texts: Object.fromEntries(TEXTS.map((k) => [k, n?.[k] ?? ''])) as Record<TextField, string>,
    lists: Object.fromEntries(LISTS.map((k) => [k, lines(n?.[k])])) as Record<ListField, string>,
    awards: (n?.awards ?? []).map((a) => ({ key: nextKey++, base: a, title: a.title, date: a.date ?? '', year: a.year === undefined ? '' : String(a.year), place: a.place ?? '', text: a.text ?? '' })),
    analyses: (n?.analyses ?? []).map((a) => ({
      key: nextKey++,
      base: a,
      subject: a.subject,
      drivers: lines(a.drivers),
      obstacles: lines(a.obstacles),
      challenges: lines(a.challenges),
      text: a.text ?? '',
    })),
  };
}

/** The narrative to send: the form's fields over what was read (its `extra` and `note` kept). */
function narrativeOf(f: Form, base: Narrative | null): Narrative {
  const texts = Object.fromEntries(TEXTS.map((k) => [k, textOf(f.texts[k])]));
  const lists = Object.fromEntries(LISTS.map((k) => [k, linesOf(f.lists[k])]));
  const awards = f.awards.map((a) => compact<Award>({ ...a.base, title: a.title.trim(), date: textOf(a.date), year: a.year.trim() === '' ? undefined : Number(a.year.trim()), place: textOf(a.place), text: textOf(a.text) }));
  const analyses = f.analyses.map((a) =>
    compact<Analysis>({
      ...a.base,
      subject: a.subject.trim(),
      drivers: linesOf(a.drivers),
      obstacles: linesOf(a.obstacles),
      challenges: linesOf(a.challenges),
      text: textOf(a.text),
    }),
  );
  return compact<Narrative>({
    ...base,
    place: textOf(f.place),
    signedOn: textOf(f.signedOn),
    ...texts,
    ...lists,
    awards: awards.length > 0 ? awards : undefined,
    analyses: analyses.length > 0 ? analyses : undefined,
  });
}

/** The years to choose: the agreements' years and those with a narrative of their own, in order. */
function narrativeYears(agreementYears: readonly number[], own: readonly number[]): number[] {
  return [...new Set([...agreementYears, ...own])].sort((a, b) => a - b);
}

export default function NarrativePage({ profile, year: routeYear }: { profile: AgencyProfile; year?: number | undefined }) {
  const { t } = useI18n();
  const user = useUser();
  // a year saved here has its own narrative from then on (the fallback note goes)
  const [savedYear, setSavedYear] = useState<number | null>(null);
  const agreements = useAsync((signal) => api.agreements(profile.id, undefined, signal), [profile.id]);
  const agreementYears = useMemo(() => [...new Set((agreements.data ?? []).map((a) => a.record.year))].sort((a, b) => a - b), [agreements.data]);
  // the year shown: the address's, else the latest agreement's, else this year
  const year = routeYear ?? agreementYears[agreementYears.length - 1] ?? new Date().getFullYear();
  const data = useAsync(
    async (signal) => {
      const [narrative, plans, nodes] = await Promise.all([
        api.narrative(profile.id, year, signal),
        api.plans(profile.id, signal),
        // node names only: any year's list has every node
        api.programs(profile.id, profile.years[profile.years.length - 1] ?? new Date().getFullYear(), signal),
      ]);
      return { narrative, plans, nodes, year };
    },
    [profile.id, year],
  );
  if (agreements.status === 'error' && !agreements.data) return <ErrorView error={agreements.error} onRetry={agreements.reload} />;
  if (data.status === 'error' && !data.data) return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data || !agreements.data || data.data.year !== year) return <Loading />;
  const writer = user.role === 'planner' && user.agencyId === profile.id;
  const view = data.data.narrative;
  const years = narrativeYears(agreementYears, [...view.years, year]);
  return (
    <div className="page narrative">
      <h1>{t('narr.title')}</h1>
      <p className="small muted">{writer ? t('narr.help') : t('narr.readOnly')}</p>
      <div className="narrative-year">
        <div>
          <label htmlFor="n-year">{t('narr.year')}</label>
          <select id="n-year" value={year} aria-describedby="n-year-help" onChange={(e) => navigate(`/a/${encodeURIComponent(profile.id)}/narrative/${e.target.value}`)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <p id="n-year-help" className="small muted">
            {t('narr.yearHelp')}
          </p>
        </div>
      </div>
      {view.record === null ? (
        <p className="notice" data-testid="narrative-none">
          {t('narr.none', { year })}
        </p>
      ) : (
        view.record.year === undefined &&
        savedYear !== year && (
          <p className="notice" data-testid="narrative-fallback">
            {t('narr.fallback', { year })}
          </p>
        )
      )}
      <NarrativeForm
        key={year}
        year={year}
        view={view}
        plans={data.data.plans}
        nodes={data.data.nodes}
        agreements={agreements.data}
        writer={writer}
        agencyId={profile.id}
        onReload={data.reload}
        onSaved={() => setSavedYear(year)}
        loading={data.status === 'loading'}
        t={t}
      />
    </div>
  );
}

function NarrativeForm(props: {
  /** the report year written */
  year: number;
  view: NarrativeView;
  plans: PlanView[];
  nodes: NodeView[];
  agreements: AgreementView[];
  writer: boolean;
  agencyId: string;
  onReload: () => void;
  onSaved: () => void;
  /** a reload is in flight: saving waits for the version it brings */
  loading: boolean;
  t: Translate;
}) {
  const { year, view, plans, nodes, agreements, writer, agencyId, onReload, onSaved, loading, t } = props;
  const { lang } = useI18n();
  // the form is filled once; a reload after a conflict brings the new version, not new text
  const [form, setForm] = useState<Form>(() => formOf(view.record));
  const [base, setBase] = useState<Narrative | null>(view.record);
  const [version, setVersion] = useState<string | null>(view.version);
  useEffect(() => {
    setVersion(view.version);
    setBase(view.record);
  }, [view.version, view.record]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const fe = fieldErrors(error, ['body.narrative', 'narrative']);
  const subjects = useMemo(() => subjectOptions(plans, nodes, agreements, t, lang), [plans, nodes, agreements, t, lang]);
  const ro = !writer;

  const set = (change: (f: Form) => Form) => {
    setSaved(false);
    setForm(change);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      const res = await api.putNarrative(agencyId, year, version, narrativeOf(form, base));
      setVersion(res.version);
      setBase(res.record);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const text = (k: TextField, rows = 5) => (
    <div key={k}>
      <label htmlFor={`n-${k}`}>{t(`narr.${k}` as MessageKey)}</label>
      <textarea
        id={`n-${k}`}
        rows={rows}
        readOnly={ro}
        value={form.texts[k]}
        onChange={(e) => set((f) => ({ ...f, texts: { ...f.texts, [k]: e.target.value } }))}
        {...fe.aria(k, `n-${k}`)}
      />
      {fe.show(k, `n-${k}`)}
    </div>
  );
  const list = (k: ListField) => (
    <div key={k}>
      <label htmlFor={`n-${k}`}>{t(`narr.${k}` as MessageKey)}</label>
      <textarea
        id={`n-${k}`}
        rows={5}
        readOnly={ro}
        value={form.lists[k]}
        aria-describedby={fe.at(k).length > 0 ? `n-${k}-error` : 'n-lines-help n-values-help'}
        aria-invalid={fe.at(k).length > 0 || undefined}
        onChange={(e) => set((f) => ({ ...f, lists: { ...f.lists, [k]: e.target.value } }))}
      />
      {fe.show(k, `n-${k}`)}
    </div>
  );

  return (
    <form noValidate onSubmit={submit} aria-label={t('narr.title')} data-testid="narrative-form">
      <p id="n-lines-help" className="small muted">
        {t('narr.linesHelp')}
      </p>
      <p id="n-values-help" className="small muted" data-testid="narrative-values-help">
        {t('narr.valuesHelp')}
      </p>
      <Section title={t('narr.front')}>
        <div className="form-row">
          <div>
            <label htmlFor="n-place">{t('narr.place')}</label>
            <input id="n-place" readOnly={ro} value={form.place} onChange={(e) => set((f) => ({ ...f, place: e.target.value }))} {...fe.aria('place', 'n-place')} />
            {fe.show('place', 'n-place')}
          </div>
          <div>
            <label htmlFor="n-signedOn">{t('narr.signedOn')}</label>
            <DateField id="n-signedOn" readOnly={ro} value={form.signedOn} onChange={(v) => set((f) => ({ ...f, signedOn: v }))} {...fe.aria('signedOn', 'n-signedOn')} />
            {fe.show('signedOn', 'n-signedOn')}
          </div>
        </div>
        {text('foreword', 6)}
      </Section>
      <Section title={t('narr.summary')}>
        <div className="form-grid wide">
          {text('executiveSummary', 6)}
          {list('challenges')}
        </div>
      </Section>
      <Section title={t('narr.intro')}>
        <div className="form-grid wide">
          {text('background', 6)}
          {text('purpose', 6)}
        </div>
        {list('strategicIssues')}
      </Section>
      <Section title={t('narr.analyses')}>
        <p className="small muted">{t('narr.analysesHelp')}</p>
        {form.analyses.length === 0 && <p>{t('narr.noAnalyses')}</p>}
        {form.analyses.map((a, i) => (
          <AnalysisFields
            key={a.key}
            row={a}
            index={i}
            subjects={subjects}
            ro={ro}
            fe={fe}
            t={t}
            onChange={(row) => set((f) => ({ ...f, analyses: f.analyses.map((x) => (x.key === a.key ? row : x)) }))}
            onRemove={() => set((f) => ({ ...f, analyses: f.analyses.filter((x) => x.key !== a.key) }))}
          />
        ))}
        {writer && (
          <button
            type="button"
            onClick={() => set((f) => ({ ...f, analyses: [...f.analyses, { key: nextKey++, base: null, subject: '', drivers: '', obstacles: '', challenges: '', text: '' }] }))}
          >
            + {t('narr.addAnalysis')}
          </button>
        )}
      </Section>
      <Section title={t('narr.awards')}>
        {form.awards.length === 0 && <p>{t('narr.noAwards')}</p>}
        {form.awards.map((a, i) => (
          <fieldset key={a.key} className="repeat">
            <legend>
              {t('narr.award')} {i + 1}
            </legend>
            <div className="form-row">
              <div className="span2">
                <label htmlFor={`aw-${a.key}-title`}>{t('narr.awardTitle')}</label>
                <input
                  id={`aw-${a.key}-title`}
                  readOnly={ro}
                  required
                  value={a.title}
                  onChange={(e) => set((f) => ({ ...f, awards: f.awards.map((x) => (x.key === a.key ? { ...x, title: e.target.value } : x)) }))}
                  {...fe.aria(`awards[${i}].title`, `aw-${a.key}-title`)}
                />
                {fe.show(`awards[${i}].title`, `aw-${a.key}-title`)}
              </div>
              <div>
                <label htmlFor={`aw-${a.key}-date`}>{t('narr.awardDate')}</label>
                <DateField
                  id={`aw-${a.key}-date`}
                  readOnly={ro}
                  value={a.date}
                  onChange={(v) => set((f) => ({ ...f, awards: f.awards.map((x) => (x.key === a.key ? { ...x, date: v } : x)) }))}
                  {...fe.aria(`awards[${i}].date`, `aw-${a.key}-date`)}
                />
                {fe.show(`awards[${i}].date`, `aw-${a.key}-date`)}
              </div>
              <div>
                <label htmlFor={`aw-${a.key}-year`}>{t('narr.awardYear')}</label>
                <input
                  id={`aw-${a.key}-year`}
                  type="number"
                  min={1900}
                  max={2200}
                  step={1}
                  readOnly={ro}
                  value={a.year}
                  onChange={(e) => set((f) => ({ ...f, awards: f.awards.map((x) => (x.key === a.key ? { ...x, year: e.target.value } : x)) }))}
                  {...fe.aria(`awards[${i}].year`, `aw-${a.key}-year`)}
                />
                {fe.show(`awards[${i}].year`, `aw-${a.key}-year`)}
              </div>
              <div>
                <label htmlFor={`aw-${a.key}-place`}>{t('narr.place')}</label>
                <input
                  id={`aw-${a.key}-place`}
                  readOnly={ro}
                  value={a.place}
                  onChange={(e) => set((f) => ({ ...f, awards: f.awards.map((x) => (x.key === a.key ? { ...x, place: e.target.value } : x)) }))}
                />
              </div>
            </div>
            <label htmlFor={`aw-${a.key}-text`}>{t('narr.awardText')}</label>
            <textarea
              id={`aw-${a.key}-text`}
              rows={2}
              readOnly={ro}
              value={a.text}
              onChange={(e) => set((f) => ({ ...f, awards: f.awards.map((x) => (x.key === a.key ? { ...x, text: e.target.value } : x)) }))}
            />
            {writer && (
              <button type="button" className="link" onClick={() => set((f) => ({ ...f, awards: f.awards.filter((x) => x.key !== a.key) }))}>
                {t('narr.remove')} {t('narr.award').toLowerCase()} {i + 1}
              </button>
            )}
          </fieldset>
        ))}
        {writer && (
          <button type="button" onClick={() => set((f) => ({ ...f, awards: [...f.awards, { key: nextKey++, base: null, title: '', date: '', year: '', place: '', text: '' }] }))}>
            + {t('narr.addAward')}
          </button>
        )}
      </Section>
      <Section title={t('narr.closing')}>
        {text('conclusions', 6)}
        <div className="form-grid wide">
          {list('obstacles')}
          {list('successFactors')}
        </div>
        {list('improvementSteps')}
      </Section>
      {writer && (
        <div className="savebar">
          <SaveError
            error={error}
            onReload={() => {
              setError(null);
              onReload();
            }}
          />
          {saved && (
            <p role="status" className="ok" data-testid="narrative-saved">
              {t('narr.saved')}
            </p>
          )}
          <div className="toolbar">
            <button type="submit" className="primary" disabled={busy || loading}>
              {t('common.save')}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return <Card title={title}>{children}</Card>;
}

type SubjectOption = { value: string; label: string };
interface SubjectGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** What an analysis may be about: the plans' indicators and goals, and the program nodes (their refs as the LKIP resolves them). */
function subjectOptions(plans: PlanView[], nodes: NodeView[], agreements: AgreementView[], t: Translate, lang: Lang): SubjectGroup[] {
  const groups: SubjectGroup[] = [];
  // an agreement's rows, by the agreement's own reference (`pk-2025/UMM`), named as the agreement names them
  const names = namesFrom(plans, agreements);
  for (const a of agreements) {
    const seen = new Set<string>();
    const options: SubjectOption[] = [];
    for (const r of a.record.rows) {
      if (!seen.has(`i:${r.indicator}`)) {
        seen.add(`i:${r.indicator}`);
        options.push({ value: `${a.record.id}/${r.indicator}`, label: `${t('col.indicator')}: ${names.indicator(a.record, r.indicator)}` });
      }
      if (!seen.has(`g:${r.goal}`)) {
        seen.add(`g:${r.goal}`);
        options.push({ value: `${a.record.id}/${r.goal}`, label: `${t('col.goal')}: ${names.goal(a.record, r.goal)}` });
      }
    }
    if (options.length > 0) groups.push({ label: agreementTitle(a.record, lang), options });
  }
  for (const p of plans) {
    const options = [
      ...p.indicators.map((i) => ({ value: `${p.id}/${i.record.id}`, label: `${t('col.indicator')}: ${i.record.name}` })),
      ...p.goals.map((g) => ({ value: `${p.id}/${g.record.id}`, label: `${t(`plans.goal.${g.record.kind}` as MessageKey)}: ${g.record.statement}` })),
    ];
    if (options.length > 0) groups.push({ label: `${p.level === 'rpjmd' ? t('plans.rpjmd') : t('plans.renstra')} ${p.startYear}–${p.endYear}`, options });
  }
  if (nodes.length > 0) {
    groups.push({
      label: t('nav.programs'),
      options: nodes.map((n) => ({ value: n.record.id, label: `${t(`prog.level.${n.record.level}` as MessageKey)} ${n.record.code ?? n.record.id}: ${n.record.name}` })),
    });
  }
  return groups;
}

function AnalysisFields(props: {
  row: AnalysisRow;
  index: number;
  subjects: SubjectGroup[];
  ro: boolean;
  fe: FieldErrors;
  t: Translate;
  onChange: (row: AnalysisRow) => void;
  onRemove: () => void;
}) {
  const { row: a, index: i, subjects, ro, fe, t, onChange, onRemove } = props;
  const id = `an-${a.key}`;
  const known = subjects.some((g) => g.options.some((o) => o.value === a.subject));
  const subjectLabel = subjects.flatMap((g) => g.options).find((o) => o.value === a.subject)?.label ?? a.subject;
  const area = (k: 'drivers' | 'obstacles' | 'challenges') => (
    <div>
      <label htmlFor={`${id}-${k}`}>{t(`narr.an.${k}` as MessageKey)}</label>
      <textarea
        id={`${id}-${k}`}
        rows={4}
        readOnly={ro}
        value={a[k]}
        aria-describedby={fe.at(`analyses[${i}].${k}`).length > 0 ? `${id}-${k}-error` : 'n-lines-help n-values-help'}
        onChange={(e) => onChange({ ...a, [k]: e.target.value })}
      />
      {fe.show(`analyses[${i}].${k}`, `${id}-${k}`)}
    </div>
  );
  return (
    <fieldset className="repeat" data-subject={a.subject}>
      <legend>
        {t('narr.analysis')} {i + 1}
        {a.subject ? `: ${subjectLabel}` : ''}
      </legend>
      <label htmlFor={`${id}-subject`}>{t('narr.subject')}</label>
      <select id={`${id}-subject`} value={a.subject} disabled={ro} required onChange={(e) => onChange({ ...a, subject: e.target.value })} {...fe.aria(`analyses[${i}].subject`, `${id}-subject`)}>
        <option value="">—</option>
        {!known && a.subject && <option value={a.subject}>{a.subject}</option>}
        {subjects.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {fe.show(`analyses[${i}].subject`, `${id}-subject`)}
      <div className="form-grid">
        {area('drivers')}
        {area('obstacles')}
        {area('challenges')}
      </div>
      <label htmlFor={`${id}-text`}>{t('narr.an.text')}</label>
      <textarea id={`${id}-text`} rows={2} readOnly={ro} value={a.text} onChange={(e) => onChange({ ...a, text: e.target.value })} />
      {!ro && (
        <button type="button" className="link" onClick={onRemove}>
          {t('narr.remove')} {t('narr.analysis').toLowerCase()} {i + 1}
        </button>
      )}
    </fieldset>
  );
}
