import { getOidcSettings } from '@/lib/auth/get-auth-settings';
import { describeRole } from '@/lib/auth/roles';
import { getConfig } from '@/lib/config/load-config';
import { getViewer } from '../auth/get-viewer';
import styles from './shell.module.css';

/** Who is signed in, as which role, and the sign-out button (a same-origin form post); sign-in when nobody is. */
export async function AccountBox() {
  const viewer = await getViewer();
  if (!getOidcSettings(getConfig())) {
    // Nothing to act on without sign-in: on a phone the line gives its room to the navigation.
    return <p className={`${styles.account} ${styles.accountLocal}`}>Local use, no sign-in ({viewer ? describeRole(viewer) : 'viewer'})</p>;
  }
  if (!viewer || viewer.kind !== 'session') {
    return (
      <p className={styles.account}>
        <a href="/auth/sign-in">Sign in</a>
      </p>
    );
  }
  return (
    <form className={styles.account} method="post" action="/auth/sign-out" data-testid="account">
      <span>
        {viewer.name} <span className="muted">({describeRole(viewer)})</span>
      </span>
      <button type="submit">Sign out</button>
    </form>
  );
}
