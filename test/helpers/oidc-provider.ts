import { createSign, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The users the test provider knows: login name → groups. */
export type TestAccounts = Record<string, string[]>;

export type IdTokenTamper = (payload: Record<string, unknown>) => {
  payload: Record<string, unknown>;
  forgeSignature?: boolean;
};

export type TestProvider = {
  issuer: string;
  /** The next token response's ID token is re-signed after `tamper` changed its claims (once). */
  tamperNextIdToken: (tamper: IdTokenTamper) => void;
  close: () => Promise<void>;
};

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const sign = (header: object, payload: object, key: JsonWebKey) => {
  const input = `${b64url(header)}.${b64url(payload)}`;
  const signature = createSign('sha256').update(input).sign({ key, format: 'jwk' }).toString('base64url');
  return `${input}.${signature}`;
};

const rsaJwk = (kid: string) => ({
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid,
  alg: 'RS256',
  use: 'sig',
});

/**
 * A real OpenID provider (the oidc-provider package) on a local port: discovery, JWKS, authorization code flow
 * with PKCE, its development login and consent pages. `tamperNextIdToken` rewrites one token response at the HTTP
 * edge, the way a forged or misdirected token would arrive.
 */
export const startTestProvider = async ({
  accounts,
  clientId,
  clientSecret,
  redirectUri,
}: {
  accounts: TestAccounts;
  clientId: string;
  clientSecret: string;
  redirectUri: string | (() => string);
}): Promise<TestProvider> => {
  const key = rsaJwk('test-key');
  const stranger = rsaJwk('test-key');
  let tamper: IdTokenTamper | null = null;
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Made at the first request, so a caller may learn the app's redirect URI after the issuer is known.
  const createProvider = () =>
    new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [typeof redirectUri === 'string' ? redirectUri : redirectUri()],
          // Back to the app's home after a sign-out at the provider (RP-Initiated Logout).
          post_logout_redirect_uris: [
            `${new URL(typeof redirectUri === 'string' ? redirectUri : redirectUri()).origin}/`,
          ],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [key] },
      scopes: ['openid', 'email', 'profile', 'groups'],
      claims: { openid: ['sub'], email: ['email'], profile: ['name'], groups: ['groups'] },
      // The claims go into the ID token itself, as Okta, Entra and Keycloak can be set to do for groups.
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['test-cookie-key'] },
      findAccount: (_ctx: unknown, sub: string) =>
        accounts[sub]
          ? { accountId: sub, claims: () => ({ sub, email: `${sub}@example.com`, name: sub, groups: accounts[sub] }) }
          : undefined,
    });
  let callback: ReturnType<Provider['callback']> | undefined;
  server.on('request', (request, response: ServerResponse) => {
    callback ??= createProvider().callback();
    if (tamper && request.url?.startsWith('/token')) {
      const change = tamper;
      tamper = null;
      const end = response.end.bind(response) as (body?: unknown) => ServerResponse;
      response.end = ((body?: unknown) => {
        const json = JSON.parse(String(body)) as { id_token: string };
        const [header, payload] = json.id_token
          .split('.')
          .slice(0, 2)
          .map((part) => JSON.parse(Buffer.from(part!, 'base64url').toString()));
        const changed = change(payload);
        json.id_token = sign(header, changed.payload, changed.forgeSignature ? stranger : key);
        const text = JSON.stringify(json);
        response.setHeader('content-length', Buffer.byteLength(text));
        return end(text);
      }) as typeof response.end;
    }
    void callback(request, response);
  });
  return {
    issuer,
    tamperNextIdToken: (given) => (tamper = given),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

type Jar = Map<string, string>;

const remember = (jar: Jar, response: Response) => {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const [name, ...value] = pair!.split('=');
    jar.set(name!.trim(), value.join('='));
  }
};

const cookieHeader = (jar: Jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

const readForm = (html: string) => {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const fields = Object.fromEntries(
    [...html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((match) => [
      match[1]!,
      match[2]!,
    ]),
  );
  return { action, fields };
};

/**
 * Goes through the provider's pages as a browser would (its login form, then its consent form) from an
 * authorization URL until the provider redirects back to `appOrigin`; answers that redirect's URL.
 */
export const passProviderPages = async (authorizationUrl: string, login: string, appOrigin: string) => {
  const jar: Jar = new Map();
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 12; step += 1) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader(jar) },
    });
    remember(jar, response);
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (next.startsWith(appOrigin)) return next;
      url = next;
      init = {};
      continue;
    }
    const html = await response.text();
    const { action, fields } = readForm(html);
    if (!action) throw new Error(`The provider answered ${response.status} without a form: ${html.slice(0, 300)}`);
    const body = new URLSearchParams({ ...fields, ...(fields.prompt === 'login' ? { login, password: 'any' } : {}) });
    url = new URL(action, url).href;
    init = { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('The provider did not redirect back within 12 steps');
};
