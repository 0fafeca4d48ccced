/**
 * Uploading one of the agency's files (issue 11): the crest on the profile, the signed scan of
 * an agreement. The server decides the type by the file's content and limits its size; its
 * refusal is shown as it says it (in the interface's language). A crest is shown as it is
 * stored; a scan is linked.
 */
import { useState } from 'react';
import { api, type FileRole } from '../api.js';
import { ApiError } from '../http.js';
import { useI18n } from '../i18n.js';
import { SaveError } from './forms.js';

export interface CurrentFile {
  sha256: string;
  mediaType: string;
  name: string;
}

export function FileUpload(props: {
  agencyId: string;
  role: FileRole;
  target?: string;
  label: string;
  help: string;
  current?: CurrentFile | undefined;
  /** the version of the current reference (replacing it) */
  version?: string | undefined;
  mayUpload: boolean;
  onUploaded: () => void;
  /** the label is already the title of the card around it */
  titled?: boolean;
}) {
  const { t } = useI18n();
  const { agencyId, role, current } = props;
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [done, setDone] = useState(false);
  // replacing a file: the version of the reference the server answered with (409), sent with the next upload
  // a new input after each upload: the chosen file's name does not linger
  const [inputKey, setInputKey] = useState(0);
  const [replacing, setReplacing] = useState<string | undefined>(undefined);
  const id = `file-${role}-${props.target ?? 'agency'}`;

  async function send() {
    if (!file) return;
    setError(null);
    setDone(false);
    setBusy(true);
    try {
      const version = replacing ?? props.version;
      await api.uploadFile(agencyId, { role, ...(props.target ? { target: props.target } : {}), ...(version ? { version } : {}) }, file, setProgress);
      setReplacing(undefined);
      setDone(true);
      setFile(null);
      setInputKey((k) => k + 1);
      props.onUploaded();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const cur = e.current as { version?: string } | undefined;
        setReplacing(cur?.version);
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const url = current ? api.fileUrl(agencyId, current.sha256) : undefined;
  return (
    <section className="file-upload" aria-labelledby={`${id}-label`} data-testid={id}>
      <h3 id={`${id}-label`} className={props.titled ? 'sr-only' : undefined}>
        {props.label}
      </h3>
      {current && url ? (
        current.mediaType.startsWith('image/') ? (
          <img src={url} alt={props.label} className="file-preview" style={{ maxWidth: '8rem', maxHeight: '8rem' }} />
        ) : (
          <p>
            <a href={url} target="_blank" rel="noreferrer">
              {t('file.open')}: {current.name}
            </a>
          </p>
        )
      ) : (
        <p className="muted small">{t('file.none')}</p>
      )}
      {props.mayUpload && (
        <div className="field">
          <label htmlFor={id}>{t('file.choose')}</label>
          <input
            key={inputKey}
            id={id}
            type="file"
            accept={role === 'crest' || role === 'photo' ? 'image/png,image/jpeg' : 'application/pdf,image/png,image/jpeg'}
            aria-describedby={`${id}-help`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <p id={`${id}-help`} className="small muted">
            {props.help}
          </p>
          <button type="button" disabled={!file || busy} onClick={() => void send()}>
            {t('file.upload')}
          </button>
          {busy && <progress max={1} value={progress} aria-label={t('file.uploading', { pct: `${Math.round(progress * 100)}%` })} />}
          <SaveError error={error} onReload={() => setError(null)} />
          {replacing && <p className="small">{t('file.replace')}</p>}
          {done && (
            <p role="status" className="ok">
              {t('file.uploaded')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
