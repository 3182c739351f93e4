import type { NavGroup } from './nav-links';

/** Every page of the dashboard is reachable from here; a page's link is added only once the page exists. */
export const NAV_GROUPS: NavGroup[] = [
  {
    label: 'Delivery',
    items: [
      { href: '/', label: 'Overview' },
      { href: '/dora', label: 'DORA trends' },
      { href: '/activity', label: 'Activity' },
    ],
  },
  {
    label: 'Catalog',
    items: [
      { href: '/teams', label: 'Teams' },
      { href: '/services', label: 'Services' },
    ],
  },
  {
    label: 'Golden path',
    items: [
      { href: '/me', label: 'My to-do' },
      { href: '/adoption', label: 'Adoption' },
      { href: '/campaigns', label: 'Campaigns' },
      { href: '/reports/maturity', label: 'Maturity report' },
      { href: '/impact', label: 'Impact' },
      { href: '/standards', label: 'Standards' },
    ],
  },
  {
    label: 'System',
    items: [
      { href: '/ingest', label: 'Ingest status' },
      { href: '/exemptions', label: 'Exemption requests' },
      { href: '/tokens', label: 'API tokens' },
      { href: '/roles', label: 'Roles' },
      { href: '/audit', label: 'Audit log' },
    ],
  },
];
