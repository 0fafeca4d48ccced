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
import { api, type AgencyImportDetail, type AgencyProfile, type ImportChanges, type ImportResult, type SnapshotSummary } from '../api.js';
import { useUser } from '../auth.js';
import { Card, ErrorView, FindingList } from '../components/ui.js';
import { formatDateTime, pct } from '../fmt.js';
import { useAsync } from '../hooks.js';
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
  /** a valid file, checked: what storing it changes, waiting for the user's confirmation */
  const [pending, setPending] = useState<{ text: string | Blob; changes: ImportChanges; checked: ImportResult } | null>(null);
  const [asking, setAsking] = useState(false);
  const mayImport = user.role === 'admin' || user.role === 'planner';
  const backups = useAsync(
    (signal) =>
      !mayImport ? Promise.resolve([] as SnapshotSummary[]) : user.role === 'admin' && user.region ? api.regionSnapshots(user.region, signal) : profile ? api.agencySnapshots(profile.id, signal) : Promise.resolve([] as SnapshotSummary[]),
    [profile?.id, user.role],
  );

  /** The document as JSON text, or a bundle (.zip) as it is. */
  async function readFile(file: File): Promise<string | Blob> {
    // a bundle by its first bytes (PK\x03\x04), whatever its name
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return file;
    const text = await file.text();
    if (/\.ya?ml$/i.test(file.name)) {
      const { parse } = await import('yaml');
      return JSON.stringify(parse(text));
    }
    return text;
  }

  const send = (text: string | Blob, opts: { store: boolean; remove?: readonly string[]; expect?: string }) => {
    const step = opts.store ? 'store' : 'check';
    setPhase({ kind: 'uploading', fraction: 0, step });
    const progress = (fraction: number) => setPhase(fraction >= 1 ? { kind: 'processing', step } : { kind: 'uploading', fraction, step });
    return typeof text === 'string' ? api.importDocument(text, opts, progress) : api.importBundle(text, opts, progress);
  };

  /** Run one request of the import; findings of a refused document are shown as a result. */
  async function run(fn: () => Promise<void>) {
    setError(null);
    setResult(null);
    try {
      await fn();
    } catch (err) {
      if (err instanceof ApiError && err.findings.length > 0 && (err.status === 422 || err.status === 400)) {
        setResult({ valid: false, kind: null, stored: false, agencies: [], changes: null, findings: err.findings, token: null, details: [] });
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
      // nothing is stored before the user has seen what it changes (and, for a region file, chosen what happens to the region's others)
      setPending({ text, changes: checked.changes!, checked });
    });
  }

  /** Store the pending region file, keeping the agencies it does not hold, or removing exactly those listed. */
  async function store(remove: boolean) {
    if (!pending) return;
    const { text, changes, checked } = pending;
    const expect = checked.token ?? undefined;
    setPending(null);
    setAsking(false);
    await run(async () => {
      setResult(await send(text, remove ? { store: true, remove: changes.kept.map((a) => a.id), ...(expect ? { expect } : {}) } : { store: true, ...(expect ? { expect } : {}) }));
      backups.reload();
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
          </a>{' '}
          <a className="button" href={api.bundleUrl(profile.id)} download={`${profile.id}.kinerja.zip`} data-testid="export-bundle-link">
            {t('data.exportBundle')}
          </a>
        </Card>
      )}
      {mayImport && (
        <Card title={t('data.import')}>
          <p>{t('data.importHelp')}</p>
          <form noValidate onSubmit={submit}>
            <label htmlFor="import-file">{t('data.file')}</label>
            <input id="import-file" ref={fileRef} type="file" accept=".json,.yaml,.yml,.zip,application/json,application/zip" required />
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
              <h3>{t('data.preview')}</h3>
              <p className="small muted">{t('data.previewHelp')}</p>
              {pending.checked.kind === 'region' && (
                <p>{t('data.plan', { region: pending.changes.region, added: pending.changes.added.length, replaced: pending.changes.replaced.length })}</p>
              )}
              {pending.checked.details.map((d) => (
                <ImportPreview key={d.agency} detail={d} t={t} />
              ))}
              {pending.changes.kept.length === 0 ? (
                <div className="toolbar">
                  <button type="button" className="primary" disabled={phase.kind !== 'idle'} onClick={() => void store(false)}>
                    {t('data.confirm')}
                  </button>
                  <button type="button" onClick={() => setPending(null)}>
                    {t('common.cancel')}
                  </button>
                </div>
              ) : (
              <>
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
              </>
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
      {mayImport && <Backups list={backups.data ?? []} error={backups.status === 'error' ? backups.error : null} region={user.role === 'admin' ? user.region : null} onRestored={backups.reload} />}
    </div>
  );
}

/** What storing the file changes in one agency: what the app changed that it loses first, then each kind of thing with its counts and names. */
function ImportPreview({ detail, t }: { detail: AgencyImportDetail; t: Translate }) {
  const { lang } = useI18n();
  const names = (l: AgencyImportDetail['entities'][number]['added']) => (
    <>
      {l.items.map((i, k) => (
        <li key={k} className={i.lost ? 'lost' : undefined}>
          {i.name[lang]}
        </li>
      ))}
      {l.count > l.items.length && <li className="muted">{t('data.more', { n: l.count - l.items.length })}</li>}
    </>
  );
  return (
    <div className="import-detail" data-testid={`import-detail-${detail.agency}`}>
      <h4>
        {detail.name}
        {detail.isNew && <span className="small muted"> — {t('data.new')}</span>}
      </h4>
      {detail.unchanged ? (
        <p className="muted">{t('data.unchanged')}</p>
      ) : (
        <>
          {detail.lost.length > 0 && (
            <div className="lost-box" role="alert" data-testid="import-lost">
              <p>
                <strong>⚠ {t('data.lost', { n: detail.lost.length })}</strong>
              </p>
              <ul>
                {detail.lost.map((l, k) => (
                  <li key={k}>
                    {l.name[lang]} <span className="small">({l.entity[lang]}, {t(l.how === 'removed' ? 'data.lostRemoved' : 'data.lostChanged')})</span>
                  </li>
                ))}
              </ul>
              <p className="small">{t('data.lostHelp')}</p>
            </div>
          )}
          <div className="table-wrap" role="region" tabIndex={0} aria-label={t('data.caption', { agency: detail.name })}>
            <table className="import-changes">
              <caption className="sr-only">{t('data.caption', { agency: detail.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('data.kind')}</th>
                  <th scope="col" className="num">{t('data.nAdded')}</th>
                  <th scope="col" className="num">{t('data.nRemoved')}</th>
                  <th scope="col" className="num">{t('data.nChanged')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.entities.map((e) => (
                  <tr key={e.entity} data-entity={e.entity}>
                    <th scope="row">
                      <details>
                        <summary>{e.label[lang]}</summary>
                        {e.added.count > 0 && (
                          <>
                            <p className="small">{t('data.nAdded')}:</p>
                            <ul>{names(e.added)}</ul>
                          </>
                        )}
                        {e.removed.count > 0 && (
                          <>
                            <p className="small">{t('data.nRemoved')}:</p>
                            <ul>{names(e.removed)}</ul>
                          </>
                        )}
                        {e.changed.count > 0 && (
                          <>
                            <p className="small">{t('data.nChanged')}:</p>
                            <ul>{names(e.changed)}</ul>
                          </>
                        )}
                      </details>
                    </th>
                    <td className="num">{e.added.count || '—'}</td>
                    <td className="num">{e.removed.count || '—'}</td>
                    <td className="num">{e.changed.count || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

/** The backups every import keeps; the region's admin restores one (asked once more). */
function Backups({ list, error, region, onRestored }: { list: SnapshotSummary[]; error: unknown; region: string | null; onRestored: () => void }) {
  const { t, lang } = useI18n();
  const [asking, setAsking] = useState<SnapshotSummary | null>(null);
  const [state, setState] = useState<{ busy: boolean; done?: string; error?: unknown }>({ busy: false });
  const restore = async (b: SnapshotSummary) => {
    if (!region) return;
    setState({ busy: true });
    try {
      await api.restoreSnapshot(region, b.id);
      setAsking(null);
      setState({ busy: false, done: t('data.restored', { agency: b.agencyName, when: formatDateTime(b.takenAt, lang) }) });
      onRestored();
    } catch (e) {
      setState({ busy: false, error: e });
    }
  };
  return (
    <Card title={t('data.backups')}>
      <p className="small muted">{t('data.backupsHelp')}</p>
      {error !== null && <ErrorView error={error} />}
      {state.done && (
        <p className="ok" role="status" data-testid="restore-done">
          {state.done}
        </p>
      )}
      {state.error !== undefined && <ErrorView error={state.error} />}
      {list.length === 0 ? (
        <p>{t('data.backupsNone')}</p>
      ) : (
        <div className="table-wrap" role="region" tabIndex={0} aria-label={t('data.backupsCaption')}>
          <table data-testid="backups">
            <caption className="sr-only">{t('data.backupsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.backupWhen')}</th>
                <th scope="col">{t('data.backupAgency')}</th>
                <th scope="col">{t('data.backupWhy')}</th>
                <th scope="col">{t('data.backupBy')}</th>
                <th scope="col">{t('data.backupHolds')}</th>
                {region && <th scope="col"><span className="sr-only">{t('data.restore')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {list.map((b) => (
                <tr key={b.id} data-testid="backup">
                  <td className="nowrap">{formatDateTime(b.takenAt, lang)}</td>
                  <td>{b.agencyName}</td>
                  <td>{t(`data.backupWhy.${b.reason}`)}</td>
                  <td>{b.takenBy}</td>
                  <td className="small">{t('data.backupCounts', { ...b.counts })}</td>
                  {region && (
                    <td>
                      <button type="button" onClick={() => setAsking(b)} disabled={state.busy}>
                        {t('data.restore')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {asking && (
        <div className="confirm-box" role="alertdialog" aria-labelledby="restore-ask" data-testid="restore-confirm">
          <p id="restore-ask">{t('data.restoreAsk', { agency: asking.agencyName, when: formatDateTime(asking.takenAt, lang) })}</p>
          <div className="toolbar">
            <button type="button" className="danger" disabled={state.busy} onClick={() => void restore(asking)} autoFocus>
              {t('data.restoreYes')}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </Card>
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
