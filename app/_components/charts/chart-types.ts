/** Chart-ready data: plain numbers and preformatted strings, so client components get no raw events and no functions. */
export type ChartPoint = {
  /** The bucket's label on the x axis ("17 Nov", "Nov 2026"). */
  label: string;
  /** The figure in the chart's display unit (hours, %, deploys/day); null when the bucket had no samples. */
  value: number | null;
  /** The figure as people read it ("19 h"). */
  display: string;
  samples: number;
  /** "median of 3 changes" */
  samplesText: string;
  /** The bucket is cut by the window (first or last). */
  partial: boolean;
};

export type TierBand = { tier: 'elite' | 'high' | 'medium' | 'low'; label: string; from: number; to: number };
