import { settings } from '../db/schema';
import type { Executor } from '../db/client';
import { DEMO_SETTINGS_KEY, ZDemoSetting, type DemoSetting } from './demo-setting';

/** Writes the `demo` setting (loaded with a seed, or removed on purpose). */
export const recordDemoSetting = async (db: Executor, value: DemoSetting) => {
  const parsed = ZDemoSetting.parse(value) as Record<string, unknown>;
  await db
    .insert(settings)
    .values({ key: DEMO_SETTINGS_KEY, value: parsed, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value: parsed, updatedAt: new Date() } });
};
