import { useState, type FormEvent } from 'react';
import { useServerConfig } from '../../components/map/basemap';
import { safeNext, type LoginReason } from '../../components/session';
import { useStrings } from '../../i18n/LanguageProvider';

type Problem = { kind: 'badCredentials' | 'crossSite' | 'failed' } | { kind: 'locked'; until: Date };

/** What the server's answer to a sign-in means for the person at the form. */
async function problemOf(response: Response): Promise<Problem> {
  if (response.status === 401) return { kind: 'badCredentials' };
  if (response.status === 403) return { kind: 'crossSite' };
  if (response.status === 429) {
    const body = await response.json().catch(() => ({}));
    return { kind: 'locked', until: new Date(body.until ?? Date.now() + 15 * 60_000) };
  }
  return { kind: 'failed' };
}

/** /login: username and password; on success, back to the page that asked for signing in. */
export function LoginScreen() {
  const { strings, language, toggleLanguage } = useStrings();
  const config = useServerConfig();
  const params = new URLSearchParams(window.location.search);
  const reason = params.get('reason') as LoginReason | null;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch('/api/session', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
      });
      if (response.ok) return window.location.assign(safeNext(params.get('next')));
      setProblem(await problemOf(response));
    } catch {
      setProblem({ kind: 'failed' });
    }
    setBusy(false);
  }

  const notice =
    reason && (['expired', 'required', 'signedOut'] as const).includes(reason) ? strings.auth[reason] : null;
  const message =
    problem?.kind === 'locked'
      ? strings.auth.locked.replace(
          '{time}',
          problem.until.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
        )
      : problem && strings.auth[problem.kind];
  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} data-testid="login-form">
        <div className="login-head">
          <h1>{strings.auth.title}</h1>
          <button type="button" className="link-button" onClick={toggleLanguage} data-testid="language-switch">
            {strings.languageSwitch}
          </button>
        </div>
        {notice && !problem && (
          <p className="login-notice" role="status" data-testid="login-notice">
            {notice}
          </p>
        )}
        <label>
          {strings.auth.username}
          <input name="username" autoComplete="username" required autoFocus data-testid="login-username" />
        </label>
        <label>
          {strings.auth.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            data-testid="login-password"
          />
        </label>
        {message && (
          <p className="login-problem" role="alert" data-testid="login-problem">
            {message}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          {busy ? strings.auth.signingIn : strings.auth.signIn}
        </button>
        {config?.publicDashboard && (
          <a href="/" className="login-public">
            {strings.auth.continuePublic}
          </a>
        )}
      </form>
    </main>
  );
}
