import { expect, it } from 'vitest';
import { listCatalogServices } from '../../../lib/domain/list-catalog-services';
import type { MonorepoService } from '../../../lib/domain/monorepo-service';
import { nameDeploymentService } from '../../../lib/domain/name-deployment-service';

const service = (name: string, deployTags?: string): MonorepoService => ({
  service: name,
  paths: [`services/${name}/**`],
  origin: deployTags ? 'waymark.yaml' : 'catalog',
  ...(deployTags ? { deployTags } : {}),
});
const services = [service('api'), service('api-gateway'), service('checkout'), service('tools', 'tools-v*')];

it('names a monorepo service by environment (either end), else by release tag, longest name first', () => {
  const name = (environment: string, ref: string | null = 'main') =>
    nameDeploymentService(services, { environment, ref });
  expect(name('checkout-production')).toEqual({ service: 'checkout', environment: 'production' });
  expect(name('production/checkout')).toEqual({ service: 'checkout', environment: 'production' });
  expect(name('Checkout_Staging')).toEqual({ service: 'checkout', environment: 'Staging' });
  expect(name('api-gateway-production')).toEqual({ service: 'api-gateway', environment: 'production' });
  expect(name('production', 'checkout@1.4.0')).toEqual({ service: 'checkout', environment: 'production' });
  expect(name('production', 'refs/tags/checkout/v1.4.0')).toEqual({ service: 'checkout', environment: 'production' });
  expect(name('production', 'tools-v3')).toEqual({ service: 'tools', environment: 'production' });
  // A pre-release, a bare name, another word that merely starts like a service: none of them names one.
  expect(name('production', 'checkout@1.4.0-rc.1')).toBeNull();
  expect(name('checkout')).toBeNull();
  expect(name('checkouts-production')).toBeNull();
  expect(name('production', 'v9.9.9')).toBeNull();
});

it('finds services in sub-folder catalog files only when there is none at the top', () => {
  const file = (name: string) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n`;
  const nested = { 'services/a/catalog-info.yaml': file('a'), 'services/b/catalog-info.yml': file('b') };
  expect(listCatalogServices(nested).map(({ service, paths }) => ({ service, paths }))).toEqual([
    { service: 'a', paths: ['services/a/**'] },
    { service: 'b', paths: ['services/b/**'] },
  ]);
  expect(listCatalogServices({ ...nested, 'catalog-info.yaml': file('shop') })).toEqual([]);
});
