'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

const SCOPES = ['read', 'events:write', 'checks:write', 'admin'] as const;

/** Creates a token through the API (same-origin, so the session cookie and CSRF check apply) and shows it once. */
export function CreateTokenForm() {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = Number(form.get('expiresInDays'));
    const body = { name: String(form.get('name')), scopes: form.getAll('scopes').map(String), ...(days > 0 ? { expiresInDays: days } : {}) };
    const response = await fetch('/api/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await response.json()) as { token?: string; error?: string; details?: string[] };
    if (!response.ok) return setError([answer.error, ...(answer.details ?? [])].join(' '));
    setError(null);
    setCreated(answer.token ?? null);
    router.refresh();
  };
  return (
    <form onSubmit={submit} data-testid="create-token">
      <label>
        Name <input name="name" required maxLength={100} />
      </label>{' '}
      {SCOPES.map((scope) => (
        <label key={scope}>
          <input type="checkbox" name="scopes" value={scope} defaultChecked={scope !== 'admin'} /> {scope}
        </label>
      ))}{' '}
      <label>
        Expires in days <input name="expiresInDays" type="number" min={1} max={3650} defaultValue={365} />
      </label>{' '}
      <button type="submit">Create token</button>
      {error ? <p role="alert">{error}</p> : null}
      {created ? (
        <p role="status">
          Copy it now, it is not shown again: <code data-testid="new-token">{created}</code>
        </p>
      ) : null}
    </form>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const revoke = async () => {
    await fetch(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
    router.refresh();
  };
  return (
    <button type="button" onClick={revoke} aria-label={`Revoke ${name}`}>
      Revoke
    </button>
  );
}
