import { handleCallback } from '@/lib/auth/handle-auth-routes';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return handleCallback(request);
}
