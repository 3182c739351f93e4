import { GET as callback } from '../../app/auth/callback/route';
import { GET as signIn } from '../../app/auth/sign-in/route';
import { passProviderPages } from './oidc-provider';

export const APP = 'http://localhost';

/** `name=value` of a Set-Cookie header list, by cookie name. */
export const readSetCookie = (response: Response, name: string) => {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith(`${name}=`));
  return cookie ? { value: cookie.split(';')[0]!.slice(name.length + 1), attributes: cookie } : null;
};

/** Starts a sign-in at the app and passes the provider's pages as `login`: the callback URL and the attempt cookie. */
export const reachCallback = async (login: string, returnTo = '/') => {
  const started = await signIn(new Request(`${APP}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`));
  if (started.status !== 302) throw new Error(`sign-in answered ${started.status}: ${await started.text()}`);
  const attempt = readSetCookie(started, 'waymark-sign-in')!.value;
  const callbackUrl = await passProviderPages(started.headers.get('location')!, login, APP);
  return { callbackUrl, attempt, authorizationUrl: started.headers.get('location')! };
};

export const callCallback = (callbackUrl: string, cookies: Record<string, string>) =>
  callback(new Request(callbackUrl, { headers: { cookie: Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join('; ') } }));

/** Signs `login` in through the provider: the session cookie's value. */
export const signInAs = async (login: string) => {
  const { callbackUrl, attempt } = await reachCallback(login);
  const response = await callCallback(callbackUrl, { 'waymark-sign-in': attempt });
  if (response.status !== 302) throw new Error(`callback answered ${response.status}: ${await response.text()}`);
  return readSetCookie(response, 'waymark-session')!.value;
};
