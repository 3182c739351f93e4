import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { collectPagerdutyList, splitWindows } from '../../../ingest/sources/pagerduty/collect-pagerduty-list';
import { mapPagerdutyService } from '../../../ingest/sources/pagerduty/map-pagerduty-service';
import { verifyPagerdutySignature } from '../../../ingest/sources/pagerduty/verify-pagerduty-signature';
import { makeIncident, PAGERDUTY_SERVICES } from '../../fakes/pagerduty/build-pagerduty-world';
import { startFakePagerduty, type FakePagerduty } from '../../fakes/pagerduty/fake-pagerduty-server';
import { createTestClient, TOKEN } from './pagerduty-test-setup';

let fake: FakePagerduty | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('PagerDuty list walking', () => {
  it('reads 10,050 incidents of one day past the 10,000 offset cap by halving the window', async () => {
    const day = Date.parse('2026-05-01T00:00:00Z');
    const incidents = Array.from({ length: 10_050 }, (_, index) =>
      makeIncident(index + 1, 'PSVC001', new Date(day + index * 8000)),
    );
    fake = await startFakePagerduty({ services: PAGERDUTY_SERVICES, incidents }, { token: TOKEN });
    const listed = await collectPagerdutyList(createTestClient(fake), 'incidents', 'incidents', {
      since: new Date(day),
      until: new Date(day + 86_400_000),
    });
    expect(new Set(listed.map((incident) => (incident as { id: string }).id)).size).toBe(10_050);
    expect(fake.requests.every((request) => request.status === 200)).toBe(true);
    // One probe of the whole day (its total is over the cap), then the two halves page by page.
    expect(fake.requests.filter((request) => request.query.offset === '0')).toHaveLength(3);
  });

  it('splits a range into windows of at most the given days', () => {
    const windows = splitWindows(new Date('2025-01-01T00:00:00Z'), new Date('2025-12-31T00:00:00Z'), 180);
    expect(windows.map((window) => window.until.toISOString().slice(0, 10))).toEqual([
      '2025-06-30',
      '2025-12-27',
      '2025-12-31',
    ]);
  });
});

describe('verifyPagerdutySignature', () => {
  const body = Buffer.from('{"event":{"id":"x","event_type":"incident.triggered"}}');
  const sign = (secret: string) => `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;
  it('accepts when any v1 signature matches any secret, and nothing else', () => {
    expect(verifyPagerdutySignature(['a'], body, sign('a'))).toBe(true);
    expect(verifyPagerdutySignature(['b'], body, `${sign('a')},${sign('b')}`)).toBe(true);
    expect(verifyPagerdutySignature(['a', 'b'], body, sign('b'))).toBe(true);
    expect(verifyPagerdutySignature(['a'], body, sign('b'))).toBe(false);
    expect(verifyPagerdutySignature(['a'], body, `v2=${sign('a').slice(3)}`)).toBe(false);
    expect(verifyPagerdutySignature(['a'], body, sign('a').slice(0, 40))).toBe(false);
    expect(verifyPagerdutySignature([], body, sign('a'))).toBe(false);
    expect(verifyPagerdutySignature(['a'], Buffer.concat([body, Buffer.from(' ')]), sign('a'))).toBe(false);
  });
});

describe('mapPagerdutyService', () => {
  const mapping = {
    annotated: new Map([['P1', 'from-catalog']]),
    configured: { P1: 'from-config', P2: 'from-config' },
    names: new Map([['checkout', 'checkout']]),
  };
  it('takes the annotation, then waymark.yaml, then an equal name', () => {
    expect(mapPagerdutyService({ id: 'P1', name: 'Checkout' }, mapping)).toEqual({
      service: 'from-catalog',
      via: 'annotation',
    });
    expect(mapPagerdutyService({ id: 'P2', name: 'Checkout' }, mapping)).toEqual({
      service: 'from-config',
      via: 'config',
    });
    expect(mapPagerdutyService({ id: 'P3', name: 'Checkout' }, mapping)).toEqual({ service: 'checkout', via: 'name' });
    expect(mapPagerdutyService({ id: 'constructor', name: 'Other' }, mapping)).toBeNull();
  });
});
