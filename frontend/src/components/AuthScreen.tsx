import { useState, type FormEvent } from 'react';
import { errorMessage, type Api } from '../lib/api';
import type { Session } from '../lib/session';

export function AuthScreen({ api, onLogin, notice }: { api: Api; onLogin: (s: Session) => void; notice: string | null }) {
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const r = mode === 'login' ? await api.login(email.trim(), password) : await api.register(email.trim(), password);
      onLogin({ token: r.token, expiresAt: r.expiresAt ?? null, email: email.trim() });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth">
      <div className="auth-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">✓</span> Tasklog
        </div>
        <div className="tabs" role="tablist" aria-label="Account">
          <button type="button" role="tab" aria-selected={mode === 'login'} className={mode === 'login' ? 'tab active' : 'tab'} onClick={() => { setMode('login'); setError(null); }}>
            Log in
          </button>
          <button type="button" role="tab" aria-selected={mode === 'register'} className={mode === 'register' ? 'tab active' : 'tab'} onClick={() => { setMode('register'); setError(null); }} data-testid="tab-register">
            Register
          </button>
        </div>
        <form onSubmit={submit} aria-label={mode === 'login' ? 'Log in' : 'Register'} data-testid="auth-form">
          {notice && <p className="notice" role="status">{notice}</p>}
          <label className="field">
            <span>Email</span>
            <input type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              type="password"
              name="password"
              autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error && <p className="error" role="alert" data-testid="auth-error">{error}</p>}
          <button type="submit" className="btn primary block" disabled={busy} data-testid="auth-submit">
            {busy ? 'Please wait…' : mode === 'login' ? 'Log in' : 'Create account'}
          </button>
        </form>
      </div>
    </main>
  );
}
