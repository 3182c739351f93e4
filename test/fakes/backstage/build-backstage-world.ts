import type { ComponentIntent, FakeBackstageWorld, FakeEntity } from './backstage-world';

const API = 'backstage.io/v1alpha1';

/** Three levels: engineering → platform, product → their teams. 8 groups in all. */
export const GROUP_TREE: { name: string; parent: string | null; displayName: string | null }[] = [
  { name: 'engineering', parent: null, displayName: 'Engineering' },
  { name: 'platform', parent: 'engineering', displayName: 'Platform' },
  { name: 'product', parent: 'engineering', displayName: 'Product Engineering' },
  { name: 'infra', parent: 'platform', displayName: 'Infrastructure' },
  { name: 'devex', parent: 'platform', displayName: null },
  { name: 'payments', parent: 'product', displayName: 'Payments' },
  { name: 'checkout', parent: 'product', displayName: 'Checkout' },
  { name: 'search', parent: 'product', displayName: 'Search & Discovery' },
];

const LEAF_TEAMS = ['infra', 'devex', 'payments', 'checkout', 'search'];
const LIFECYCLES = ['production', 'experimental', 'deprecated'];
const SYSTEMS = ['shop', 'core', 'discovery'];

const spellRef = (name: string, parent: string) =>
  name === 'platform' ? `group:default/${parent}` : name === 'infra' ? `default/${parent}` : parent;

export const makeGroup = ({ name, parent, displayName }: (typeof GROUP_TREE)[number]): FakeEntity => ({
  apiVersion: API,
  kind: 'Group',
  metadata: { name, namespace: 'default', description: `The ${name} group` },
  spec: {
    type: parent ? 'team' : 'department',
    ...(displayName ? { profile: { displayName, email: `${name}@example.com` } } : {}),
    // Parents written every way the descriptor format allows: a full ref, a kind-less ref, a bare name.
    ...(parent ? { parent: spellRef(name, parent) } : {}),
    children: GROUP_TREE.filter((group) => group.parent === name).map((group) => `group:default/${group.name}`),
  },
});

/** Component i (1-based): owners in the three ref spellings, tiers by label or annotation, slugs for two forges. */
export const makeComponent = (i: number): { entity: FakeEntity; intent: ComponentIntent } => {
  const name = `svc-${String(i).padStart(2, '0')}`;
  const team = i === 50 ? null : LEAF_TEAMS[i % LEAF_TEAMS.length]!;
  const owner = team === null ? 'user:default/alice' : [`group:default/${team}`, team, `default/${team}`][i % 3]!;
  const lifecycle = LIFECYCLES[i % LIFECYCLES.length]!;
  const labels: Record<string, string> = i % 4 === 0 ? { tier: String((i % 3) + 1) } : {};
  const annotations: Record<string, string> = {
    'backstage.io/source-location': `url:https://github.com/acme/${name}/`,
  };
  if (i % 5 === 0) annotations['waymark.dev/tier'] = 'critical';
  if (i % 2 === 0) annotations['github.com/project-slug'] = `acme/${name}`;
  else if (i % 3 === 0) annotations['gitlab.com/project-slug'] = `acme/group/${name}`;
  if (i <= 5) annotations['pagerduty.com/service-id'] = `PSVC${String(i).padStart(3, '0')}`;
  const tags = i % 3 === 0 ? ['go', 'grpc'] : i % 3 === 1 ? ['node'] : [];
  const system = i % 7 === 0 ? null : SYSTEMS[i % SYSTEMS.length]!;
  // waymark.dev/tier wins over the label, as README says.
  const tier = annotations['waymark.dev/tier'] ?? labels.tier ?? null;
  const allTags = [...tags, ...(system ? [`system:${system}`] : [])];
  return {
    entity: {
      apiVersion: API,
      kind: 'Component',
      metadata: { name, namespace: 'default', labels, annotations, tags },
      spec: { type: 'service', lifecycle, owner, ...(system ? { system } : {}) },
    },
    intent: {
      name,
      team,
      lifecycle,
      tier,
      tags: allTags.length > 0 ? allTags : null,
      repository: annotations['github.com/project-slug'] ?? annotations['gitlab.com/project-slug'] ?? null,
    },
  };
};

const USERS: [string, string[]][] = [
  ['alice', ['payments']],
  ['bob', ['payments', 'checkout']],
  ['carol', ['infra']],
  ['dave', ['group:default/devex']],
  ['erin', ['search', 'platform']],
];

/** 50 components, 8 nested groups, 5 users and 3 systems. */
export const buildBackstageWorld = (): FakeBackstageWorld & { intents: ComponentIntent[] } => {
  const components = Array.from({ length: 50 }, (_, index) => makeComponent(index + 1));
  return {
    entities: [
      ...GROUP_TREE.map(makeGroup),
      ...USERS.map(([name, memberOf]): FakeEntity => ({
        apiVersion: API,
        kind: 'User',
        metadata: { name, namespace: 'default' },
        spec: { profile: { displayName: name[0]!.toUpperCase() + name.slice(1) }, memberOf },
      })),
      ...SYSTEMS.map((name): FakeEntity => ({
        apiVersion: API,
        kind: 'System',
        metadata: { name, namespace: 'default' },
        spec: { owner: 'group:default/product' },
      })),
      ...components.map((component) => component.entity),
    ],
    intents: components.map((component) => component.intent),
  };
};
