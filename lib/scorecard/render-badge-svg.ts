const COLORS: Record<string, string> = { bronze: '#a0632b', silver: '#7b8590', gold: '#c49a00', platinum: '#4a6fa5', unranked: '#9f9f9f', unknown: '#9f9f9f' };
// Levels with other names get a colour by rank: cooler for higher.
const RANK_COLORS = ['#a0632b', '#7b8590', '#c49a00', '#4a6fa5', '#2e7d32'];

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

// Verdana 11px averages about 6.5px a character (what shields.io-style badges assume); wide enough for any name.
const widthOf = (text: string) => Math.round(text.length * 6.5 + 12);

/**
 * A small flat SVG badge, "golden path | silver", for a service's README. It carries the service name (in its
 * title, for screen readers) and the level, nothing else.
 */
export const renderBadgeSvg = ({ service, level, levels = [] }: { service: string; level: string; levels?: readonly string[] }) => {
  const label = 'golden path';
  const rank = levels.indexOf(level);
  const color = COLORS[level] ?? (rank >= 0 ? RANK_COLORS[Math.min(rank, RANK_COLORS.length - 1)]! : COLORS.unknown!);
  const [left, right] = [widthOf(label), widthOf(level)];
  const total = left + right;
  const title = escapeXml(`${service}: ${level}`);
  const text = (value: string, x: number) =>
    `<text x="${x}" y="15" fill="#010101" fill-opacity=".3">${escapeXml(value)}</text><text x="${x}" y="14">${escapeXml(value)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${total}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${color}"/><rect width="${total}" height="20" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">${text(label, left / 2)}${text(level, left + right / 2)}</g>`,
    '</svg>',
  ].join('');
};
