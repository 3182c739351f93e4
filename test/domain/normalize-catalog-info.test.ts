import { describe, expect, it } from 'vitest';
import { describeCatalogService, normalizeCatalogInfo, readCatalogFile, readCatalogTeam } from '../../lib/domain/normalize-catalog-info';

const component = (spec: string, metadata = '') => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cart\n${metadata}spec:\n${spec}`;

describe('normalizeCatalogInfo (every source reads catalog-info.yaml through it)', () => {
  it.each([
    ['group:default/payments', 'payments'],
    ['group:payments', 'payments'],
    ['Group:payments', 'payments'],
    ['default/payments', 'payments'],
    ['payments', 'payments'],
    ['user:jdoe', null],
    ['user:default/jdoe', null],
    ['', null],
  ])('reads the owner %j as the team %j', (owner, team) => {
    expect(readCatalogTeam(owner)).toBe(team);
    expect(normalizeCatalogInfo(component(`  owner: "${owner}"\n`))).toMatchObject({ status: 'ok', team });
  });

  it('reads lifecycle, the tier annotation, tags and the system as a tag', () => {
    const content = component('  owner: group:default/payments\n  lifecycle: production\n  system: shop\n', '  annotations:\n    example.com/tier: "1"\n  tags: [go, grpc]\n');
    expect(normalizeCatalogInfo(content)).toMatchObject({ status: 'ok', team: 'payments', lifecycle: 'production', tier: '1', tags: ['go', 'grpc', 'system:shop'] });
    expect(normalizeCatalogInfo(component('  owner: payments\n'))).toMatchObject({ status: 'ok', lifecycle: null, tier: null, tags: null });
  });

  it('picks the Component of a multi-entity file', () => {
    const catalog = normalizeCatalogInfo('kind: System\nmetadata:\n  name: shop\n---\nkind: Component\nmetadata:\n  name: cart\n  tags: [node]\nspec:\n  owner: group:default/checkout\n');
    expect(catalog).toMatchObject({ status: 'ok', entity: { metadata: { name: 'cart' } }, team: 'checkout', tags: ['node'] });
  });

  it('reports why a catalog cannot be used, with the line when YAML does not parse', () => {
    expect(normalizeCatalogInfo('metadata:\n\tname: x\n')).toEqual({ status: 'error', error: 'catalog-info.yaml line 2: Tabs are not allowed as indentation' });
    expect(normalizeCatalogInfo('kind: Component\nspec: {}\n')).toMatchObject({ status: 'error', error: expect.stringMatching(/^catalog-info\.yaml: metadata: /) });
    expect(normalizeCatalogInfo('')).toEqual({ status: 'error', error: 'catalog-info.yaml: no entity in the file' });
  });

  it('finds the file in a tree and describes the service, leaving fields null without a valid catalog', () => {
    const catalog = readCatalogFile({ 'catalog-info.yml': component('  owner: payments\n') });
    expect(catalog).toMatchObject({ status: 'ok', team: 'payments' });
    expect(readCatalogFile({ 'README.md': '' })).toBeNull();
    const where = { name: 'cart', repository: 'acme/cart', source: 'git', sourceId: 'acme/cart' };
    expect(describeCatalogService(where, catalog)).toMatchObject({ ...where, team: 'payments', catalog: { metadata: { name: 'cart' } } });
    expect(describeCatalogService(where, { status: 'error', error: 'x' })).toEqual({ ...where, team: null, lifecycle: null, tier: null, tags: null, catalog: null });
  });
});
