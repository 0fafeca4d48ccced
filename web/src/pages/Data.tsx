/**
 * Import and export from the browser. Export downloads the agency's dataset as stored. Import
 * reads a JSON (or YAML) file, sends it to be validated, lists every finding by path, and
 * stores it only when it has no error; the upload shows its progress. Each agency of the file
 * is added or replaced; when a region file does not hold some agencies of its region, the page
 * lists them by name and asks: import keeping them, or import and remove them, which asks once
 * more with the same list. Only the listed ids are sent for removal, and the server refuses
 * (nothing stored) when the region holds other agencies by then. The answer lists every agency
 * added, replaced and removed.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api, type AgencyProfile, type ImportChanges, type ImportResult } from '../api.js';
import { useUser } from '../auth.js';
import { Card, ErrorView, FindingList } from '../components/ui.js';
import { pct } from '../fmt.js';
import { ApiError } from '../http.js';
import { useI18n, type Translate } from '../i18n.js';

type Phase = { kind: 'idle' } | { kind: 'uploading'; fraction: number; step: 'check' | 'store' } | { kind: 'processing'; step: 'check' | 'store' };

export default function DataPage({ profile }: { profile: AgencyProfile | undefined }) {
  const { t } = useI18n();
  const user = useUser();
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** a valid region file whose region holds agencies the file does not: waiting for the user's choice */
  const [pending, setPending] = useState<{ text: string; changes: ImportChanges } | null>(null);
  const [asking, setAsking] = useState(false);
  const mayImport = user.role === 'admin' || user.role === 'planner';

  async function readFile(file: File): Promise<string> {
    const text = await file.text();
    if (/\.ya?ml$/i.test(file.name)) {
      const { parse } = await import('yaml');
      return JSON.stringify(parse(text));
    }
    return text;
  }

  const send = (text: string, opts: { store: boolean; remove?: readonly string[] }) => {
    const step = opts.store ? 'store' : 'check';
    setPhase({ kind: 'uploading', fraction: 0, step });
    return api.importDocument(text, opts, (fraction) =>
      setPhase(fraction >= 1 ? { kind: 'processing', step } : { kind: 'uploading', fraction, step }),
    );
  };

  /** Run one request of the import; findings of a refused document are shown as a result. */
  async function run(fn: () => Promise<void>) {
    setError(null);
    setResult(null);
    try {
      await fn();
    } catch (err) {
      if (err instanceof ApiError && err.findings.length > 0 && (err.status === 422 || err.status === 400)) {
        setResult({ valid: false, kind: null, stored: false, agencies: [], changes: null, findings: err.findings });
      } else {
        setError(err);
      }
    } finally {
      setPhase({ kind: 'idle' });
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setPending(null);
    setAsking(false);
    await run(async () => {
      const text = await readFile(file);
      const checked = await send(text, { store: false });
      if (!checked.valid) {
        setResult(checked);
        return;
      }
      if (checked.kind === 'region' && checked.changes && checked.changes.kept.length > 0) {
        // the region holds agencies this file does not: the user chooses to keep or remove them
        setPending({ text, changes: checked.changes });
        return;
      }
      setResult(await send(text, { store: true }));
    });
  }

  /** Store the pending region file, keeping the agencies it does not hold, or removing exactly those listed. */
  async function store(remove: boolean) {
    if (!pending) return;
    const { text, changes } = pending;
    setPending(null);
    setAsking(false);
    await run(async () => {
      setResult(await send(text, remove ? { store: true, remove: changes.kept.map((a) => a.id) } : { store: true }));
    });
  }

  const errors = result?.findings.filter((f) => f.severity === 'error') ?? [];
  const others = result?.findings.filter((f) => f.severity !== 'error') ?? [];

  return (
    <div className="page data">
      <h1>{t('data.title')}</h1>
      {profile && (
        <Card title={t('data.export')}>
          <p>{t('data.exportHelp')}</p>
          <a className="button primary" href={api.exportUrl(profile.id)} download={`${profile.id}.kinerja.json`} data-testid="export-link">
            {t('data.export')} ({profile.agency.abbreviation ?? profile.id})
          </a>
        </Card>
      )}
      {mayImport && (
        <Card title={t('data.import')}>
          <p>{t('data.importHelp')}</p>
          <form noValidate onSubmit={submit}>
            <label htmlFor="import-file">{t('data.file')}</label>
            <input id="import-file" ref={fileRef} type="file" accept=".json,.yaml,.yml,application/json" required />
            <div className="toolbar">
              <button type="submit" className="primary" disabled={phase.kind !== 'idle'}>
                {t('data.upload')}
              </button>
            </div>
          </form>
          {phase.kind === 'uploading' && (
            <div role="status">
              <progress max={1} value={phase.fraction} aria-label={t('data.progress', { pct: pct(phase.fraction * 100) })} />{' '}
              {t('data.progress', { pct: pct(phase.fraction * 100) })}
            </div>
          )}
          {phase.kind === 'processing' && (
            <div role="status">
              <progress aria-label={t('data.processing')} /> {t('data.processing')}
            </div>
          )}
          {error !== null && <ErrorView error={error} />}
          {pending && (
            <div className="import-plan" data-testid="import-plan">
              <p>{t('data.plan', { region: pending.changes.region, added: pending.changes.added.length, replaced: pending.changes.replaced.length })}</p>
              <AgencyLists changes={pending.changes} t={t} planned />
              <p>
                <strong>{t('data.notInFile', { n: pending.changes.kept.length })}</strong>
              </p>
              <AgencyNames list={pending.changes.kept} t={t} testId="import-not-in-file" />
              <p>{t('data.notInFileHelp')}</p>
              <div className="toolbar">
                <button type="button" className="primary" disabled={phase.kind !== 'idle'} onClick={() => void store(false)}>
                  {t('data.keepOthers', { n: pending.changes.kept.length })}
                </button>
                <button type="button" className="danger" disabled={phase.kind !== 'idle'} onClick={() => setAsking(true)}>
                  {t('data.removeOthers', { n: pending.changes.kept.length })}
                </button>
                <button type="button" onClick={() => { setPending(null); setAsking(false); }}>
                  {t('common.cancel')}
                </button>
              </div>
              {asking && (
                <div className="confirm-box" role="alertdialog" aria-labelledby="import-remove-ask" data-testid="import-remove-confirm">
                  <p id="import-remove-ask">{t('data.removeAsk', { n: pending.changes.kept.length, region: pending.changes.region })}</p>
                  <AgencyNames list={pending.changes.kept} t={t} />
                  <div className="toolbar">
                    <button type="button" className="danger" disabled={phase.kind !== 'idle'} onClick={() => void store(true)} autoFocus>
                      {t('data.removeYes', { n: pending.changes.kept.length })}
                    </button>
                    <button type="button" onClick={() => setAsking(false)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              )}
            </div>
          )}
          {result && result.stored && (
            <div className="ok" role="status" data-testid="import-done">
              <p>
                {result.changes
                  ? t('data.done', {
                      region: result.changes.region,
                      added: result.changes.added.length,
                      replaced: result.changes.replaced.length,
                      removed: result.changes.removed.length,
                    })
                  : t('data.doneIds', { what: result.agencies.join(', ') })}
              </p>
              {result.changes && <AgencyLists changes={result.changes} t={t} withRemoved />}
              {result.changes && result.changes.kept.length > 0 && (
                <p>{t('data.keptCount', { n: result.changes.kept.length })}</p>
              )}
            </div>
          )}
          {result && errors.length > 0 && (
            <div className="error" role="alert" data-testid="import-errors">
              <p>
                <strong>{t('data.errors')}</strong>
              </p>
              <FindingList findings={errors} />
            </div>
          )}
          {result && others.length > 0 && (
            <details>
              <summary>
                {t('dash.findings')} ({others.length})
              </summary>
              <FindingList findings={others} />
            </details>
          )}
        </Card>
      )}
    </div>
  );
}

/** The agencies of a list, by name with their id (and the region a moved one came from). */
function AgencyNames({ list, t, testId }: { list: ImportChanges['added']; t: Translate; testId?: string }) {
  return (
    <ul className="agency-names" data-testid={testId}>
      {list.map((a) => (
        <li key={a.id}>
          {a.name} <code>{a.id}</code>
          {a.from !== undefined && <> ({t('data.movedFrom', { region: a.from })})</>}
        </li>
      ))}
    </ul>
  );
}

/** Added, replaced (and, after an import, removed) agencies under their headings, or those to be (`planned`); empty lists are left out. */
function AgencyLists({ changes, t, withRemoved = false, planned = false }: { changes: ImportChanges; t: Translate; withRemoved?: boolean; planned?: boolean }) {
  const parts = [
    ['added', t(planned ? 'data.toAdd' : 'data.added'), changes.added],
    ['replaced', t(planned ? 'data.toReplace' : 'data.replaced'), changes.replaced],
    ...(withRemoved ? [['removed', t('data.removed'), changes.removed] as const] : []),
  ] as const;
  return (
    <>
      {parts
        .filter(([, , list]) => list.length > 0)
        .map(([key, title, list]) => (
          <div key={key} data-testid={`import-${key}`}>
            <p>{title}:</p>
            <AgencyNames list={list} t={t} />
          </div>
        ))}
    </>
  );
}
