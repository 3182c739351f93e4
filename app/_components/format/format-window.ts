import type { MetricsWindow } from '@/lib/metrics/metrics-types';
import { formatDate } from '@/lib/format/format-date';

/** "25 Aug 2026 – 21 Nov 2026": a half-open window shown by its first and last day. */
export const formatWindow = (window: MetricsWindow) => `${formatDate(window.from)} – ${formatDate(new Date(window.to.getTime() - 1))}`;
