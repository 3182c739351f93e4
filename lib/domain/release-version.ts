/**
 * The default deployment rule for tags: a name that reads as a release version, an optional `v` then two or three
 * dot-separated numbers (`1.2`, `4.17.1`, `v5.2.1`). Pre-releases (`5.0.0-beta.3`, `1.0.0rc`) do not match: they are
 * not production deployments. Sources that read tags (git today) share it, so the same repository gives the same
 * deployments whichever way it is read.
 */
export const RELEASE_VERSION_RULE = 'release versions (v?X.Y[.Z])';

const RELEASE_VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/;

export type ReleaseVersion = readonly [major: number, minor: number, patch: number];

/** The version a tag name reads as, or null when it is not a release version. */
export const parseReleaseVersion = (name: string): ReleaseVersion | null => {
  const match = RELEASE_VERSION.exec(name);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : null;
};

export const isReleaseVersion = (name: string) => parseReleaseVersion(name) !== null;

/** Negative when `a` is the lower version, 0 when equal (`1.2` equals `1.2.0`), positive when higher. */
export const compareReleaseVersions = (a: ReleaseVersion, b: ReleaseVersion) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
