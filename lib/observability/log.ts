import { redact, redactText } from './redact';

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const threshold = (): number => {
  const level = (process.env.LOG_LEVEL ?? 'info').toLowerCase() as Level;
  return RANK[level] ?? RANK.info;
};

const write = (level: Level, message: string, fields: Record<string, unknown> = {}) => {
  if (RANK[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg: redactText(message), ...(redact(fields) as object) });
  process.stderr.write(`${line}\n`);
};

/** Structured JSON logs on stderr, one object per line; secrets are redacted before anything is written. */
export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};
