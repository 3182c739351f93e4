import { formatDeployFrequency } from '@/lib/metrics/format-deploy-frequency';
import { formatNumber } from '@/lib/metrics/format-number';
import { formatRate } from '@/lib/metrics/format-rate';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import type { Evidence } from '@/lib/scorecard/scorecard-types';
import { formatDate, formatDateTime } from '@/lib/format/format-date';

/** The DORA figures a metric check reads, as people name them, and how their values read. */
const METRICS: Record<string, { label: string; format: (value: number) => string }> = {
  leadTimeP50Hours: { label: 'Median lead time', format: (hours) => formatSeconds(hours * 3600) },
  leadTimeP90Hours: { label: '90th-percentile lead time', format: (hours) => formatSeconds(hours * 3600) },
  deploymentsPerDay: { label: 'Deployment frequency', format: formatDeployFrequency },
  changeFailureRate: { label: 'Change failure rate', format: formatRate },
  recoveryTimeP50Hours: { label: 'Median recovery time', format: (hours) => formatSeconds(hours * 3600) },
  timeToRestoreP50Hours: { label: 'Median time to restore', format: (hours) => formatSeconds(hours * 3600) },
  reworkRate: { label: 'Rework rate', format: formatRate },
};

/** Branch-protection settings as short phrases, for evidence and for the unmet settings in a summary. */
const PROTECTION: Record<string, (value: unknown) => string> = {
  enabled: (value) => (value ? 'protected' : 'not protected'),
  requiredReviews: (value) => `${String(value)} required review${value === 1 ? '' : 's'}`,
  requireCodeOwnerReviews: (value) => `code-owner review ${value ? 'required' : 'not required'}`,
  requiredStatusChecks: (value) => (Array.isArray(value) && value.length > 0 ? `required status checks: ${value.join(', ')}` : 'no required status checks'),
  enforceAdmins: (value) => `admins ${value ? 'bound by the rules' : 'exempt from the rules'}`,
  allowForcePushes: (value) => `force pushes ${value ? 'allowed' : 'blocked'}`,
  allowDeletions: (value) => `deletion ${value ? 'allowed' : 'blocked'}`,
};

/** Keys kept for machines (reason codes) or already told by the sentence. */
const HIDDEN = new Set(['summary', 'reason', 'unmet', 'metric', 'windowDays', 'below', 'above', 'value']);
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const humanizeKey = (key: string) => {
  const words = key.replace(/At$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const formatValue = (value: unknown): string => {
  if (typeof value === 'string') return ISO_DAY.test(value) ? formatDate(`${value}T00:00:00Z`) : value.replace(ISO_TIME, (at) => formatDateTime(at));
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (value && typeof value === 'object') return Object.entries(value).map(([key, inner]) => PROTECTION[key]?.(inner) ?? `${humanizeKey(key)}: ${formatValue(inner)}`).join(' · ');
  return String(value);
};

const describeMetric = (evidence: Evidence): string | null => {
  const metric = typeof evidence.metric === 'string' ? METRICS[evidence.metric] : undefined;
  if (!metric || typeof evidence.value !== 'number') return null;
  const [comparison, threshold] = typeof evidence.below === 'number' ? ['under', evidence.below] : ['over', evidence.above as number];
  return `${metric.label} over the last ${String(evidence.windowDays)} days is ${metric.format(evidence.value)} (needs ${comparison} ${metric.format(threshold)})`;
};

/**
 * A check's evidence as people read it: the stored one-line summary with its raw figures put in words (metric
 * names and values with units, UTC times as dates, branch-protection settings as phrases), then the details it
 * rests on as labelled lines. Stored evidence is left as it is, so history rows stay comparable.
 */
export const describeEvidence = (evidence: Evidence): { summary: string; details: { label: string; text: string }[] } => {
  const metricName = typeof evidence.metric === 'string' ? evidence.metric : null;
  let summary = describeMetric(evidence) ?? evidence.summary;
  if (metricName && METRICS[metricName]) summary = summary.replace(metricName, METRICS[metricName].label);
  summary = summary
    .replace(/\b(requireCodeOwnerReviews|enforceAdmins|allowForcePushes|allowDeletions) is (true|false) \(needs (true|false)\)/g, (_, key: string, actual: string, needs: string) => `${PROTECTION[key]!(actual === 'true')} (needs ${PROTECTION[key]!(needs === 'true')})`)
    .replace(ISO_TIME, (at) => formatDateTime(at));
  const details = Object.entries(evidence)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => ({ label: key === 'settings' ? 'Branch protection' : humanizeKey(key), text: formatValue(value) }));
  return { summary, details };
};
