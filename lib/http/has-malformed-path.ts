/**
 * Whether a request target's path has percent-encoding that does not decode (`/services/%E0%A4%A`): such a request
 * is answered 400 before routing, instead of failing somewhere inside as a 500.
 */
export const hasMalformedPath = (target: string) => {
  const path = target.split(/[?#]/, 1)[0]!;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
};
