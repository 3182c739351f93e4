import { Badge } from '../ui/badge';

const TONES: Record<string, { value: string; label: string }> = {
  success: { value: 'pass', label: 'Succeeded' },
  failed: { value: 'fail', label: 'Failed' },
  partial: { value: 'unknown', label: 'Partly failed' },
  running: { value: 'exempt', label: 'Running' },
  interrupted: { value: 'fail', label: 'Interrupted' },
};

/** An ingest run's status in words, coloured like check statuses. */
export function RunStatusBadge({ status }: { status: string }) {
  const tone = TONES[status];
  return <Badge value={tone?.value ?? status} label={tone?.label ?? status} />;
}
