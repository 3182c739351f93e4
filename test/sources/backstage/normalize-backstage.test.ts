import { describe, expect, it } from 'vitest';
import { ZBackstageComponent, ZBackstageGroup } from '../../../ingest/sources/backstage/backstage-payloads';
import { normalizeBackstageComponent } from '../../../ingest/sources/backstage/normalize-backstage-component';
import { normalizeBackstageGroup } from '../../../ingest/sources/backstage/normalize-backstage-group';

const component = (metadata: Record<string, unknown>, spec: Record<string, unknown> = {}) =>
  ZBackstageComponent.parse({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'cart', ...metadata },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:default/checkout', ...spec },
  });

describe('Backstage normalizers (pure)', () => {
  it('reads a Component through the shared catalog normalizer: tier annotation over label, slug as repository', () => {
    expect(
      normalizeBackstageComponent(
        component(
          {
            namespace: 'Shop',
            labels: { tier: '2' },
            annotations: { 'waymark.dev/tier': '1', 'gitlab.com/project-slug': 'acme/web/cart' },
            tags: ['node'],
          },
          { system: 'shop' },
        ),
      ),
    ).toMatchObject({
      name: 'cart',
      team: 'checkout',
      lifecycle: 'production',
      tier: '1',
      tags: ['node', 'system:shop'],
      repository: 'acme/web/cart',
      source: 'backstage',
      sourceId: 'shop/cart',
      catalog: { spec: { system: 'shop' } },
    });
    expect(normalizeBackstageComponent(component({ labels: { tier: '2' } }))).toMatchObject({
      tier: '2',
      repository: null,
    });
    expect(normalizeBackstageComponent(component({}, { owner: 'user:default/jdoe' }))).toMatchObject({ team: null });
  });

  it('reads a Group as a team with its parent, the display name falling back to the title', () => {
    const group = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) =>
      normalizeBackstageGroup(
        ZBackstageGroup.parse({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'payments', ...metadata },
          spec: { type: 'team', children: [], ...spec },
        }),
      );
    expect(group({ parent: 'group:default/product', profile: { displayName: 'Payments' } })).toEqual({
      name: 'payments',
      displayName: 'Payments',
      parent: 'product',
      source: 'backstage',
    });
    expect(group({}, { title: 'Payments team' })).toMatchObject({ displayName: 'Payments team', parent: null });
  });
});
