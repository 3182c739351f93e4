import type { Tier } from './metrics-types';
import { DAY_SECONDS, HOUR_SECONDS, WEEK_SECONDS } from '../format/time-units';

const MONTH = 30 * DAY_SECONDS;

/** A cluster's typical value for each key: the geometric middle of the range the report gives. */
export type ClusterProfile = { tier: Tier; deploysPerDay: number; leadTimeSeconds: number; changeFailureRate: number; recoveryTimeSeconds: number };

/**
 * DORA 2024 software delivery performance clusters, versioned: a later report gets a table of its own.
 *
 * Source: Accelerate State of DevOps Report 2024 (DORA, Google Cloud), p. 13, "Software delivery performance
 * levels": elite (19% of respondents): on demand, < 1 day, 5%, < 1 hour; high (22%): daily to weekly, 1 day to
 * 1 week, 20%, < 1 day; medium (35%): weekly to monthly, 1 week to 1 month, 10%, < 1 day; low (25%): monthly to
 * every six months, 1 to 6 months, 40%, 1 week to 1 month.
 *
 * The report gives ranges; a profile needs points. Each range becomes its geometric middle, and an open end is
 * closed one step beyond the bound (on demand: 1 to 10 a day; < 1 day: 1 hour to 1 day; < 1 hour: 6 minutes to
 * 1 hour). The change failure rates are the report's typical values as they stand: high (20%) above medium (10%).
 */
export const DORA_2024_CLUSTERS = {
  version: '2024',
  source: 'Accelerate State of DevOps Report 2024 (DORA, Google Cloud), p. 13',
  profiles: [
    { tier: 'elite', deploysPerDay: Math.sqrt(1 * 10), leadTimeSeconds: Math.sqrt(HOUR_SECONDS * DAY_SECONDS), changeFailureRate: 0.05, recoveryTimeSeconds: Math.sqrt(0.1 * HOUR_SECONDS * HOUR_SECONDS) },
    { tier: 'high', deploysPerDay: Math.sqrt(1 * (1 / 7)), leadTimeSeconds: Math.sqrt(DAY_SECONDS * WEEK_SECONDS), changeFailureRate: 0.2, recoveryTimeSeconds: Math.sqrt(HOUR_SECONDS * DAY_SECONDS) },
    { tier: 'medium', deploysPerDay: Math.sqrt((1 / 7) * (1 / 30)), leadTimeSeconds: Math.sqrt(WEEK_SECONDS * MONTH), changeFailureRate: 0.1, recoveryTimeSeconds: Math.sqrt(HOUR_SECONDS * DAY_SECONDS) },
    { tier: 'low', deploysPerDay: Math.sqrt((1 / 30) * (1 / 180)), leadTimeSeconds: Math.sqrt(MONTH * 6 * MONTH), changeFailureRate: 0.4, recoveryTimeSeconds: Math.sqrt(WEEK_SECONDS * MONTH) },
  ] satisfies ClusterProfile[],
} as const;
