import { useState, type FormEvent } from 'react';
import { useAuth } from '../auth.js';
import { ApiError, serverText } from '../http.js';
import { useI18n } from '../i18n.js';

export function SignIn() {
  const { signIn, expired, notice } = useAuth();
  const { t, lang, setLang } = useI18n();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('auth.failed'));
      else if (err instanceof ApiError && err.status === 0) setError(t('error.network'));
      else setError(err instanceof ApiError ? serverText(err, lang) : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="signin">
      <form noValidate onSubmit={submit} className="card signin-card" aria-labelledby="signin-title">
        <h1 id="signin-title">
          {t('app.name')} — {t('auth.title')}
        </h1>
        <p className="muted">{t('app.tagline')}</p>
        {expired && (
          <p className="notice" role="status">
            {t('error.unauthorized')}
          </p>
        )}
        {notice && !expired && (
          <p className="notice" role="status" data-testid="signin-notice">
            {t(notice)}
          </p>
        )}
        <label htmlFor="login">{t('auth.email')}</label>
        <input id="login" name="username" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} required autoFocus />
        <label htmlFor="password">{t('auth.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('auth.signingIn') : t('auth.submit')}
          </button>
          <button type="button" className="link" onClick={() => setLang(lang === 'id' ? 'en' : 'id')} lang={lang === 'id' ? 'en' : 'id'}>
            {t('lang.switch')}
          </button>
        </div>
      </form>
    </main>
  );
}
