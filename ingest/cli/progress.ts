import { formatNumberOf } from '../../lib/format/format-count';
import { formatDuration } from './format';

export type Progress = {
  update: (done: number) => void;
  setTotal: (total: number) => void;
  finish: () => void;
};

const PLAIN_INTERVAL_MS = 5000;
const TTY_INTERVAL_MS = 100;

/**
 * Shows how far a long command is: on a terminal, one line redrawn in place (done of total, rate, time left);
 * otherwise (CI logs, pipes) a plain line every few seconds. Writes to stderr so stdout stays clean for --json.
 */
export const createProgress = ({ label, unit, total, stream = process.stderr }: { label: string; unit: string; total?: number; stream?: NodeJS.WriteStream }): Progress => {
  const started = Date.now();
  const isTty = Boolean(stream.isTTY);
  let done = 0;
  let known = total;
  let lastDraw = 0;
  let drawn = false;

  const line = () => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const parts = [`${label}: ${formatNumberOf(done)}${known ? ` of ${formatNumberOf(known)}` : ''} ${unit}`];
    if (known) parts.push(`${((done / known) * 100).toFixed(1)}%`);
    parts.push(`${formatNumberOf(Math.round(rate))} ${unit}/s`);
    if (known && rate > 0 && done < known) parts.push(`${formatDuration(((known - done) / rate) * 1000)} left`);
    return parts.join('  ');
  };

  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < (isTty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
    lastDraw = now;
    drawn = true;
    if (isTty) stream.write(`\r\x1b[2K${line()}`);
    else stream.write(`${line()}\n`);
  };

  // The plain mode's first line waits for the interval, so quick commands print only their summary.
  lastDraw = isTty ? 0 : started;

  return {
    update: (value) => {
      done = value;
      draw();
    },
    setTotal: (value) => {
      known = value;
    },
    finish: () => {
      if (isTty && drawn) stream.write('\r\x1b[2K');
    },
  };
};
