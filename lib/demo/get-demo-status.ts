import { eq } from 'drizzle-orm';
import { settings } from '../db/schema';
import type { Executor } from '../db/client';
import { DEMO_SETTINGS_KEY, ZDemoSetting } from './demo-setting';

export type DemoStatus =
  | { loaded: true; seed: number; organization: string; loadedAt: Date; through: string }
  | { loaded: false; removedAt: Date | null };

/**
 * Whether the demo organization is loaded (for the "demo data" banner), with its seed, its load time and the date
 * its generated period ends on; or, when it is not, whether it was removed on purpose.
 */
export const getDemoStatus = async ({ db }: { db: Executor }): Promise<DemoStatus> => {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, DEMO_SETTINGS_KEY));
  const parsed = row ? ZDemoSetting.safeParse(row.value) : null;
  if (!parsed?.success) return { loaded: false, removedAt: null };
  const value = parsed.data;
  if (value.state === 'removed') return { loaded: false, removedAt: new Date(value.removedAt) };
  return { loaded: true, seed: value.seed, organization: value.organization, loadedAt: new Date(value.loadedAt), through: value.through };
};
