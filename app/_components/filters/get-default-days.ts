import { getConfig } from '@/lib/config/load-config';

/** The configured default metrics window in days (server only: the configuration also holds secrets). */
export const getDefaultDays = () => getConfig().metrics.defaultWindowDays;
