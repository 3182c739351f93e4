const SECRET_KEY = /token|secret|password|authorization|private.?key|cookie/i;
const SECRET_VALUES: ReadonlyArray<[RegExp, string]> = [
  [/\b(Bearer|token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]'],
  [/\bwmk_[A-Za-z0-9_]{10,}/g, '[redacted]'],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/g, '[redacted]'],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}/g, '[redacted]'],
  // GitLab personal, group, project and OAuth tokens (glpat-, gloas-, …).
  [/\bgl[a-z]{2,6}-[A-Za-z0-9_.-]{20,}/g, '[redacted]'],
  // Standard Webhooks / Svix signing secrets (incident.io webhooks).
  [/\bwhsec_[A-Za-z0-9+/=]{16,}/g, '[redacted]'],
  [/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1***@'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '[redacted]'],
];

/** Removes anything that looks like a credential from a string (tokens, URL passwords, keys). */
export const redactText = (text: string) => SECRET_VALUES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

/** Copies a value for logging with secret-looking keys and values replaced. */
export const redact = (value: unknown, depth = 0): unknown => {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, SECRET_KEY.test(key) ? '[redacted]' : redact(item, depth + 1)]),
    );
  }
  return value;
};
