import { handleSignOut } from '@/lib/auth/handle-auth-routes';

export const dynamic = 'force-dynamic';

/** Signing out is a write of its own: same-origin only (CSRF), and the session ends in the database. */
export async function POST(request: Request) {
  return handleSignOut(request);
}
