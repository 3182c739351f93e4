import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../lib/http/build-content-security-policy';
import { createPageAnswerCache } from '../../lib/http/create-page-answer-cache';

type Render = (request: IncomingMessage, response: ServerResponse, nonce: string) => Promise<void>;

// What Next does for a page: a streamed HTML answer whose scripts carry the request's nonce.
const renderPage: Render = async (request, response, nonce) => {
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.setHeader('vary', 'rsc');
  response.write(`<html><script nonce="${nonce}">1</script>`);
  await new Promise((resolve) => setTimeout(resolve, 20));
  response.end(`<p>${request.url} ${request.headers.rsc ?? 'html'}</p><script nonce="${nonce}">2</script></html>`);
};

const servers: { close: () => void }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

const start = async ({
  render = renderPage,
  stamp = () => 'r1',
  now = () => 0,
}: { render?: Render; stamp?: () => string; now?: () => number } = {}) => {
  const renders: string[] = [];
  const cache = createPageAnswerCache({ readStamp: async () => stamp(), now, maxAgeMs: 1000 });
  const server = createServer((request, response) => {
    const { header, nonce } = buildContentSecurityPolicy();
    response.setHeader('content-security-policy', header);
    void cache.serve(request, response, {
      nonce,
      render: async () => {
        renders.push(request.url!);
        await render(request, response, nonce);
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { headers });
    const body = await response.text();
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')![1]!;
    return { response, body, nonce };
  };
  return { renders, get };
};

describe('page answer cache', () => {
  it('renders a page once per stamp and replays it with a nonce per answer, gzipped when accepted', async () => {
    const { renders, get } = await start();
    const first = await get('/dora');
    const again = await get('/dora');
    expect(renders).toEqual(['/dora']);
    expect(again.response.headers.get('x-waymark-answer')).toBe('stored');
    expect(again.response.headers.get('content-encoding')).toBe('gzip');
    expect(again.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(again.nonce).not.toBe(first.nonce);
    expect(again.body).toBe(first.body.replaceAll(first.nonce, again.nonce));
    expect(again.body).toContain(`<script nonce="${again.nonce}">2</script>`);
    expect(again.body).not.toContain(first.nonce);
  });

  it('renders again for another stamp, another reader, an RSC payload, and after the maximum age', async () => {
    let stamp = 'r1';
    let clock = 0;
    const { renders, get } = await start({ stamp: () => stamp, now: () => clock });
    await get('/services/api');
    await get('/services/api', { cookie: 'waymark_session=a' });
    expect((await get('/services/api', { rsc: '1' })).body).toContain('/services/api 1');
    expect(renders).toHaveLength(3);
    await get('/services/api');
    expect(renders).toHaveLength(3);
    stamp = 'r2';
    await get('/services/api');
    expect(renders).toHaveLength(4);
    clock = 1000;
    await get('/services/api');
    expect(renders).toHaveLength(5);
  });

  it('shares one render among readers who arrive while it runs', async () => {
    const { renders, get } = await start();
    const answers = await Promise.all(Array.from({ length: 8 }, () => get('/')));
    expect(renders).toEqual(['/']);
    expect(new Set(answers.map(({ nonce }) => nonce)).size).toBe(8);
    for (const { body, nonce } of answers) expect(body).toContain(`<script nonce="${nonce}">2</script>`);
  });

  it('while a page renders again only because of its age, replays the previous answer instead of waiting', async () => {
    let clock = 0;
    let release = () => {};
    let slow = false;
    const render: Render = async (request, response, nonce) => {
      if (slow) await new Promise<void>((resolve) => (release = resolve));
      await renderPage(request, response, nonce);
    };
    const { renders, get } = await start({ render, now: () => clock });
    await get('/adoption');
    clock = 1000;
    slow = true;
    const leader = get('/adoption');
    while (renders.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const follower = await get('/adoption');
    expect(follower.response.headers.get('x-waymark-answer')).toBe('stored');
    release();
    expect((await leader).response.headers.get('x-waymark-answer')).toBeNull();
    expect(renders).toHaveLength(2);
  });

  it('keeps no failure, no answer that sets a cookie, and nothing from pages outside the read pages', async () => {
    const failing: Render = async (_request, response) => {
      response.statusCode = 500;
      response.end('failed');
    };
    const cookie: Render = async (request, response, nonce) => {
      response.setHeader('set-cookie', 'a=b');
      await renderPage(request, response, nonce);
    };
    for (const [render, path] of [
      [failing, '/dora'],
      [cookie, '/dora'],
      [renderPage, '/ingest'],
      [renderPage, '/tokens'],
      [renderPage, '/api/v1/metrics'],
    ] as const) {
      const { renders, get } = await start({ render });
      await get(path);
      const again = await get(path);
      expect(again.response.headers.get('x-waymark-answer'), path).toBeNull();
      expect(renders, path).toEqual([path, path]);
    }
  });
});
