import { useEffect, useRef, useState } from 'react';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { requestToken } from '../api/login.js';

/** Sign-in form; on success hands the token to `onToken`. */
export function LoginPage({ client, onToken, notice }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const first = useRef(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onToken(await requestToken(client, username, password));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Flowgate</h1>
        <p className="muted">Sign in to the console</p>
        {notice && <p className="notice" role="status">{notice}</p>}
        <ProblemMessage error={error} />
        <label>
          Username
          <input ref={first} name="username" autoComplete="username" value={username}
                 onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" value={password}
                 onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
