import { createHash, randomBytes } from 'node:crypto';

/** Whether cookies get `Secure` (and the `__Host-` prefix): when users reach Waymark over https. */
export const isSecureOrigin = (origin: string) => origin.startsWith('https:');

export const sessionCookieName = (secure: boolean) => (secure ? '__Host-waymark-session' : 'waymark-session');
export const SIGN_IN_COOKIE = 'waymark-sign-in';

/** A new random cookie value; the database keeps only its SHA-256 (hashCookieValue). */
export const generateCookieValue = () => randomBytes(32).toString('base64url');
export const hashCookieValue = (value: string) => createHash('sha256').update(value).digest('hex');

type CookieOptions = { secure: boolean; maxAgeSeconds: number; path?: string };

/** A Set-Cookie value: HTTP-only, SameSite=Lax, Secure over https; max-age 0 removes the cookie. */
export const serializeCookie = (name: string, value: string, { secure, maxAgeSeconds, path = '/' }: CookieOptions) =>
  [`${name}=${value}`, `Path=${path}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');

/** One cookie's value from a Cookie header, or null. */
export const readCookie = (header: string | null | undefined, name: string) => {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
};
