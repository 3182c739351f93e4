import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { AccountBox } from './_components/shell/account-box';
import { DemoBanner } from './_components/shell/demo-banner';
import { BrandMark } from './_components/shell/brand-mark';
import { NAV_GROUPS } from './_components/shell/nav-items';
import { NavLinks } from './_components/shell/nav-links';
import styles from './_components/shell/shell.module.css';
import './globals.css';

// Every page reads the database at request time; the build must never try to render one.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Waymark', template: '%s · Waymark' },
  description: 'Golden-path scorecards and DORA metrics for platform teams.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className={styles.skipLink} href="#main">
          Skip to content
        </a>
        <div className={styles.shell}>
          <header className={styles.sidebar}>
            <Link href="/" className={styles.brand} aria-label="Waymark home">
              <BrandMark />
              Waymark
            </Link>
            <nav aria-label="Main">
              <NavLinks groups={NAV_GROUPS} />
            </nav>
            <p className={styles.sidebarFoot}>DORA metrics and golden-path scorecards</p>
            <Suspense fallback={null}>
              <AccountBox />
            </Suspense>
          </header>
          <main id="main" className={styles.main} tabIndex={-1}>
            {/* No fallback: the banner is one quick read, and a page without it is complete. */}
            <Suspense fallback={null}>
              <DemoBanner />
            </Suspense>
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}
