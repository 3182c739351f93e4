import { useEntity } from '@backstage/plugin-catalog-react';

// Waymark's names in URLs: `.`, `..` and names starting with `~` get one `~` in front (lib/links/name-path.ts).
const segment = (name: string) => encodeURIComponent(name === '.' || name === '..' || name.startsWith('~') ? `~${name}` : name);

/**
 * The component's Waymark level badge, linking to its Waymark page. `badgeBase` is where the browser can fetch
 * badges: Waymark itself when its reads are open, or the Backstage proxy (README) when they need a token, since an
 * <img> cannot send one.
 */
export const EntityWaymarkBadge = ({ badgeBase, waymarkUrl }: { badgeBase: string; waymarkUrl: string }) => {
  const { entity } = useEntity();
  const name = segment(entity.metadata.name);
  return (
    <a href={`${waymarkUrl}/services/${name}`}>
      <img src={`${badgeBase}/api/badges/${name}.svg`} alt={`Waymark level of ${entity.metadata.name}`} />
    </a>
  );
};
