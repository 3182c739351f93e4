/** The first version-looking number in a string (`^1.10.0` → [1, 10, 0], `v2` → [2]), or null. */
const readVersion = (value: string): number[] | null => {
  const match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(value);
  return match ? [match[1], match[2], match[3]].map((part) => Number(part ?? 0)) : null;
};

/**
 * Compares the versions in two strings: negative, zero or positive like a sort comparator, or null when either
 * has no version in it (`latest`, `workspace:*`). A range such as `^1.10.0` counts as its lowest version.
 */
export const compareVersions = (actual: string, wanted: string): number | null => {
  const a = readVersion(actual);
  const b = readVersion(wanted);
  if (!a || !b) return null;
  for (let index = 0; index < 3; index++) {
    const difference = a[index]! - b[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
};
