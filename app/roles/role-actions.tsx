'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

/** Grants a role through the API (same-origin, so the session cookie and CSRF check apply). */
export function GrantRoleForm({ teams }: { teams: string[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [role, setRole] = useState('owner');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      subject: String(form.get('subject')),
      role,
      ...(role === 'owner' ? { team: String(form.get('team')) } : {}),
    };
    const response = await fetch('/api/v1/roles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const answer = (await response.json()) as { error?: string; details?: string[] };
      return setError([answer.error, ...(answer.details ?? [])].join(' '));
    }
    setError(null);
    router.refresh();
  };
  return (
    <form onSubmit={submit} data-testid="grant-role">
      <label>
        User (the provider&apos;s <code>sub</code>) <input name="subject" required maxLength={200} />
      </label>{' '}
      <label>
        Role{' '}
        <select name="role" value={role} onChange={(event) => setRole(event.target.value)}>
          <option value="owner">owner</option>
          <option value="platform">platform</option>
          <option value="admin">admin</option>
        </select>
      </label>{' '}
      {role === 'owner' ? (
        <label>
          Team{' '}
          <select name="team" required>
            {teams.map((team) => (
              <option key={team}>{team}</option>
            ))}
          </select>
        </label>
      ) : null}{' '}
      <button type="submit">Grant</button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}

export function RevokeRoleButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const revoke = async () => {
    await fetch(`/api/v1/roles/${encodeURIComponent(id)}`, { method: 'DELETE' });
    router.refresh();
  };
  return (
    <button type="button" onClick={revoke} aria-label={`Revoke ${label}`}>
      Revoke
    </button>
  );
}
