import type { NavGroup } from './nav-links';

/** Every page of the dashboard is reachable from here; a page's link is added only once the page exists. */
export const NAV_GROUPS: NavGroup[] = [
  { label: 'Delivery', items: [{ href: '/', label: 'Overview' }] },
  {
    label: 'Catalog',
    items: [
      { href: '/teams', label: 'Teams' },
      { href: '/services', label: 'Services' },
    ],
  },
  { label: 'System', items: [{ href: '/ingest', label: 'Ingest status' }] },
];
