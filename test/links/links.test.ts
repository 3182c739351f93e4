import { describe, expect, it } from 'vitest';
import { hasMalformedPath } from '../../lib/http/has-malformed-path';
import { decodeNameSegment, encodeNameSegment, nameFromPageParam, servicePath } from '../../lib/links/name-path';
import { toSafeHref } from '../../lib/links/to-safe-href';

describe('toSafeHref', () => {
  it('keeps http(s) links, in normal form', () => {
    expect(toSafeHref('https://ci.example.com/runs/1?x=1#y')).toBe('https://ci.example.com/runs/1?x=1#y');
    expect(toSafeHref('HTTP://CI.example.com')).toBe('http://ci.example.com/');
  });

  it('drops every other scheme, however it is disguised', () => {
    const hostile = ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', '\u0001javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.example/x', '/relative', 'not a url', '', null, undefined];
    for (const url of hostile) expect(toSafeHref(url), String(url)).toBeNull();
  });
});

describe('name path segments', () => {
  it('round-trips every name through a segment, including dot names, `~` and `%`', () => {
    for (const name of ['payments', '.', '..', '...', '~', '~.', '100%', 'a/b', 'a%2Fb', 'ünï cødé', '?#']) {
      const segment = encodeNameSegment(name);
      expect(segment).not.toMatch(/^\.{1,2}$/);
      // What Next hands a route handler: the segment percent-decoded once; a page gets it as it is.
      expect(decodeNameSegment(decodeURIComponent(segment)), name).toBe(name);
      expect(nameFromPageParam(segment), name).toBe(name);
    }
    expect(servicePath('..')).toBe('/services/~..');
    expect(servicePath('100%')).toBe('/services/100%25');
  });

  it('finds malformed percent-encoding in a request path, not in its query', () => {
    expect(hasMalformedPath('/services/%E0%A4%A')).toBe(true);
    expect(hasMalformedPath('/services/100%')).toBe(true);
    expect(hasMalformedPath('/services/100%25?q=%')).toBe(false);
    expect(hasMalformedPath('/')).toBe(false);
  });
});
