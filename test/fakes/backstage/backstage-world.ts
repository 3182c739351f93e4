/** A Backstage catalog as the fake serves it: entities as their authors wrote them; the server adds uid and etag. */
export type FakeEntity = {
  apiVersion: string;
  kind: 'Component' | 'Group' | 'User' | 'System';
  metadata: Record<string, unknown> & { name: string; namespace?: string };
  spec: Record<string, unknown>;
};

export type FakeBackstageWorld = { entities: FakeEntity[] };

/** What a component is meant to become, written next to it so tests compare with intent, not the normalizer. */
export type ComponentIntent = {
  name: string;
  team: string | null;
  lifecycle: string;
  tier: string | null;
  tags: string[] | null;
  repository: string | null;
};
