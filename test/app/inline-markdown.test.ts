import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InlineMarkdown } from '../../app/_components/ui/inline-markdown';

const render = (text: string) => renderToStaticMarkup(createElement(InlineMarkdown, { text }));

describe('InlineMarkdown', () => {
  it('renders code, bold and links without the markdown marks', () => {
    expect(render('Add a CODEOWNERS file, e.g. `* @acme/payments-team`.')).toBe('Add a CODEOWNERS file, e.g. <code>* @acme/payments-team</code>.');
    expect(render('See [the guide](https://platform.example.com/docs) or https://x.example/a. **Now**')).toBe(
      'See <a href="https://platform.example.com/docs" rel="noreferrer noopener">the guide</a> or <a href="https://x.example/a" rel="noreferrer noopener">https://x.example/a</a>. <strong>Now</strong>',
    );
  });

  it('never makes a link of anything but http(s), and never passes markup through', () => {
    expect(render('[click](javascript:alert(1))')).toBe('<span>click</span>)');
    expect(render('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });
});
