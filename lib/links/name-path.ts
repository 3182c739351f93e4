// A name that is `.` or `..` cannot be a path segment: URL parsers (WHATWG, so browsers and Next) resolve it, even
// written `%2E`. Such names, and names starting with `~` (to keep the mapping one-to-one), get one `~` in front.
const needsEscape = (name: string) => name === '.' || name === '..' || name.startsWith('~');

/** A service or team name as one URL path segment (`.` → `~.`, `~x` → `~~x`, the rest percent-encoded). */
export const encodeNameSegment = (name: string) => encodeURIComponent(needsEscape(name) ? `~${name}` : name);

/** The name back from a route parameter, which Next has already percent-decoded (decoding again breaks `100%`). */
export const decodeNameSegment = (param: string) => (param.startsWith('~') ? param.slice(1) : param);

/**
 * The name from a page's route parameter. Unlike route handlers, pages get the segment still percent-encoded
 * (Next 16, production server: `/services/a%20b` gives `a%20b`), so it is decoded exactly once here; it always
 * decodes, since a path with malformed percent-encoding is answered 400 before routing.
 */
export const nameFromPageParam = (param: string) => {
  let decoded = param;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    // Not reachable through the server (hasMalformedPath); kept as it is rather than failing the page.
  }
  return decodeNameSegment(decoded);
};

export const servicePath = (name: string) => `/services/${encodeNameSegment(name)}`;
export const teamPath = (name: string) => `/teams/${encodeNameSegment(name)}`;
export const campaignPath = (name: string) => `/campaigns/${encodeNameSegment(name)}`;
