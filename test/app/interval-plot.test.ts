import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EffectTable } from '../../app/impact/_components/effect-table';
import { IntervalPlot } from '../../app/impact/_components/interval-plot';
import type { DescribedEffect } from '../../lib/impact/compute-subject-impact';
import { IMPACT_METRICS, type EffectEstimate } from '../../lib/impact/impact-types';

const estimate = (verdict: EffectEstimate['verdict']): DescribedEffect => ({
  metric: 'leadTimeP50Seconds',
  verdict,
  reason: null,
  effect: { estimate: -18.8 * 3600, low: -29 * 3600, high: -8.3 * 3600 },
  figures: {},
  samples: {},
  summary: 'Lead time was shorter',
});

describe('Impact page pieces', () => {
  it('an interval plot carries a scale in the metric unit with zero marked', () => {
    const html = renderToStaticMarkup(createElement(IntervalPlot, { estimate: estimate('improved'), label: 'x' }));
    // span = 29 h × 1.1 = 31.9 h
    expect(html).toContain('data-scale="−31.9 h to +31.9 h"');
    expect([...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1])).toEqual(['−31.9 h', '0', '+31.9 h']);
  });

  it('a passing-vs-failing comparison is not called an improvement', () => {
    const effects = Object.fromEntries(IMPACT_METRICS.map((metric) => [metric, { ...estimate('improved'), metric }])) as Record<(typeof IMPACT_METRICS)[number], DescribedEffect>;
    const cohort = renderToStaticMarkup(createElement(EffectTable, { kind: 'cohort', effects, caption: 'c' }));
    expect(cohort).toContain('Better when passing');
    expect(cohort).not.toContain('Improved');
    expect(renderToStaticMarkup(createElement(EffectTable, { kind: 'adoption', effects, caption: 'a' }))).toContain('Improved');
  });
});
