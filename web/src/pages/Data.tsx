/**
 * Import and export from the browser. Export downloads the agency's dataset as stored. Import
 * reads a JSON (or YAML) file, sends it to be validated, lists every finding by path, and
 * stores it only when it has no error; the upload shows its progress.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api, type AgencyProfile, type ImportResult } from '../api.js';
import { useUser } from '../auth.js';
import { Card, ErrorView, FindingList } from '../components/ui.js';
import { pct } from '../fmt.js';
import { ApiError } from '../http.js';
import { useI18n } from '../i18n.js';

type Phase = { kind: 'idle' } | { kind: 'uploading'; fraction: number; step: 'check' | 'store' } | { kind: 'processing'; step: 'check' | 'store' };

export default function DataPage({ profile }: { profile: AgencyProfile | undefined }) {
  const { t } = useI18n();
  const user = useUser();
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mayImport = user.role === 'admin' || user.role === 'planner';

  async function readFile(file: File): Promise<string> {
    const text = await file.text();
    if (/\.ya?ml$/i.test(file.name)) {
      const { parse } = await import('yaml');
      return JSON.stringify(parse(text));
    }
    return text;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setError(null);
    setResult(null);
    try {
      const text = await readFile(file);
      const send = (store: boolean) => {
        const step = store ? 'store' : 'check';
        setPhase({ kind: 'uploading', fraction: 0, step });
        return api.importDocument(text, store, (fraction) =>
          setPhase(fraction >= 1 ? { kind: 'processing', step } : { kind: 'uploading', fraction, step }),
        );
      };
      const checked = await send(false);
      if (!checked.valid) {
        setResult(checked);
        return;
      }
      setResult(await send(true));
    } catch (err) {
      if (err instanceof ApiError && err.findings.length > 0 && (err.status === 422 || err.status === 400)) {
        setResult({ valid: false, kind: null, stored: false, agencies: [], findings: err.findings });
      } else {
        setError(err);
      }
    } finally {
      setPhase({ kind: 'idle' });
    }
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
          <form onSubmit={submit}>
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
          {result && result.stored && (
            <p className="ok" role="status" data-testid="import-done">
              {t('data.done', { what: result.agencies.join(', ') })}
            </p>
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
