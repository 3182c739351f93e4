import type { ReactNode } from 'react';
import { ExternalLink } from './external-link';

// `code`, [text](url), **bold**, and bare http(s) URLs: what a one-line fix text in a standards file uses.
const TOKEN = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|(https?:\/\/[^\s)<>]+[^\s)<>.,;:!?'"])/g;

/**
 * Short inline markdown rendered as React elements (never as HTML, so nothing in the text can inject markup); links
 * go through ExternalLink, so only http(s) URLs become links and anything else stays text.
 */
export function InlineMarkdown({ text }: { text: string }) {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const [whole, code, label, url, bold, bare] = match;
    if (match.index > last) out.push(text.slice(last, match.index));
    const key = match.index;
    if (code !== undefined) out.push(<code key={key}>{code}</code>);
    else if (label !== undefined) out.push(<ExternalLink key={key} url={url}>{label}</ExternalLink>);
    else if (bold !== undefined) out.push(<strong key={key}>{bold}</strong>);
    else out.push(<ExternalLink key={key} url={bare}>{bare}</ExternalLink>);
    last = match.index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return <>{out}</>;
}
