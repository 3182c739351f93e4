'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './shell.module.css';

export type NavItem = { href: string; label: string };
export type NavGroup = { label: string; items: NavItem[] };

const isCurrent = (pathname: string, href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));

/** The main navigation; a client component only to mark the current page (aria-current). */
export function NavLinks({ groups }: { groups: NavGroup[] }) {
  const pathname = usePathname() ?? '/';
  return (
    <>
      {groups.map((group) => (
        <div key={group.label}>
          <div className={styles.navGroup} aria-hidden="true">
            {group.label}
          </div>
          <ul className={styles.navList} aria-label={group.label}>
            {group.items.map((item) => (
              <li key={item.href}>
                <Link className={styles.navLink} href={item.href} aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
