import picomatch from 'picomatch';

/**
 * Files whose contents sources collect as repository facts, besides any the standards file asks about
 * (lib/scorecard adds those). Kept small: sources read these for every repository.
 */
export const DEFAULT_FACT_FILE_GLOBS = [
  'CODEOWNERS',
  '.github/CODEOWNERS',
  'docs/CODEOWNERS',
  'catalog-info.yaml',
  'catalog-info.yml',
  '.github/workflows/*.yml',
  '.github/workflows/*.yaml',
  '.github/dependabot.yml',
  '.gitlab-ci.yml',
  'renovate.json',
  'Dockerfile',
  'package.json',
  'go.mod',
  'pyproject.toml',
  'requirements.txt',
  'pom.xml',
  'README.md',
  'SECURITY.md',
] as const;

// Contents beyond this are cut: a fact is evidence, not a mirror of the repository.
export const MAX_FACT_FILE_BYTES = 256 * 1024;

/** The paths of a tree whose contents should be collected, given the globs that matter. */
export const selectFactFiles = (paths: readonly string[], globs: readonly string[] = DEFAULT_FACT_FILE_GLOBS): string[] => {
  const isMatch = picomatch([...globs], { dot: true });
  return paths.filter((path) => isMatch(path));
};
