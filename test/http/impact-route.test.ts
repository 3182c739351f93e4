import { beforeEach, expect, it } from 'vitest';
import { GET } from '../../app/api/v1/impact/route';
import { setDbHandle } from '../../lib/db/client';
import { describeEachBackend } from '../helpers/test-db';

const get = (query: string) => GET(new Request(`http://localhost/api/v1/impact${query}`));

describeEachBackend('GET /api/v1/impact', ({ handle }) => {
  beforeEach(() => setDbHandle(handle()));

  it('answers every check and level of the standards, saying when there is not enough data', async () => {
    const response = await get('?windowDays=30');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.subjects.map((s: { subject: { id?: string; level: string } }) => s.subject.id ?? `level:${s.subject.level}`)).toEqual([
      'codeowners', 'catalog-owner', 'readme', 'golden-deploy-workflow', 'protected-main', 'dependency-updates', 'tracing',
      'level:bronze', 'level:silver', 'level:gold',
    ]);
    expect(body.skipped.map((s: { check: string }) => s.check)).toEqual(['deploys-recently', 'fast-lead-time', 'low-change-failure']);
    expect(body.subjects[0].adoption.effects.leadTimeP50Seconds).toMatchObject({ verdict: 'not_enough_data', effect: null });
    expect(body.method).toContain('difference in differences');
  });

  it('answers 400 naming the problem for an unknown check or a bad window', async () => {
    const unknown = await get('?check=nope');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).details).toEqual([expect.stringMatching(/^check: no check "nope" in the standards \(known: codeowners, /)]);
    const window = await get('?windowDays=2');
    expect((await window.json()).details).toEqual(['windowDays: must be a whole number of days from 7 to 90']);
  });
});
