import { headers } from 'next/headers';
import { resolvePrincipal } from '@/lib/auth/resolve-principal';
import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';

/** Who is looking at a page (the gate has already turned away anyone not signed in): null if nobody. */
export const getViewer = async () => {
  const incoming = await headers();
  const config = getConfig();
  const request = new Request(config.server.publicUrl ?? `http://${incoming.get('host') ?? 'localhost'}/`, { headers: incoming });
  return resolvePrincipal(await getDb(), config, request);
};
