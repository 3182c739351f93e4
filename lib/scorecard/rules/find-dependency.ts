export type DependencyMatch = { section: string; version: string | null; line: number | null };
export type DependencySearch = { found: DependencyMatch } | { notFound: true } | { invalid: string };

const NPM_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

const lineOf = (lines: string[], needle: string) => {
  const index = lines.findIndex((line) => line.includes(needle));
  return index >= 0 ? index + 1 : null;
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const findInPackageJson = (content: string, name: string, lines: string[]): DependencySearch => {
  let manifest: unknown;
  try {
    manifest = JSON.parse(content);
  } catch (error) {
    return { invalid: `not valid JSON (${(error as Error).message})` };
  }
  for (const section of NPM_SECTIONS) {
    const entries = (manifest as Record<string, unknown> | null)?.[section];
    if (entries && typeof entries === 'object' && Object.hasOwn(entries, name)) {
      const version = (entries as Record<string, unknown>)[name];
      return { found: { section, version: typeof version === 'string' ? version : null, line: lineOf(lines, `"${name}"`) } };
    }
  }
  return { notFound: true };
};

const findByLine = (lines: string[], section: string, ...patterns: RegExp[]): DependencySearch => {
  for (const [index, line] of lines.entries()) {
    for (const pattern of patterns) {
      const match = pattern.exec(line);
      if (match) return { found: { section, version: match[1]?.trim() || null, line: index + 1 } };
    }
  }
  return { notFound: true };
};

/**
 * Looks for a dependency in one manifest. package.json is read as JSON (every dependency section); go.mod,
 * requirements.txt and pyproject.toml are read line by line, which is enough to tell whether a package is declared.
 */
export const findDependency = (path: string, content: string, name: string): DependencySearch => {
  const lines = content.split(/\r?\n/);
  const file = path.split('/').at(-1)!;
  const quoted = escape(name);
  if (file === 'package.json') return findInPackageJson(content, name, lines);
  if (file === 'go.mod') return findByLine(lines, 'require', new RegExp(`^\\s*(?:require\\s+)?${quoted}\\s+(v[^\\s]+)`));
  // Python names compare case-insensitively, with -, _ and . equivalent (PEP 503).
  const python = quoted.replace(/[-_]|\\\./g, '[-_.]');
  if (file === 'requirements.txt') return findByLine(lines, 'requirements', new RegExp(`^\\s*${python}\\s*(?:\\[[^\\]]*\\])?\\s*([<>=~!][^;#]*)?(?:[;#].*)?$`, 'i'));
  if (file === 'pyproject.toml') {
    // PEP 621 lists requirement strings ("name>=1.2"); Poetry uses keys (name = "^1.2").
    const requirement = new RegExp(`["']${python}(?:\\[[^\\]]*\\])?\\s*([<>=~!][^"';]*)?\\s*(?:;[^"']*)?["']`, 'i');
    const poetryKey = new RegExp(`^\\s*${python}\\s*=\\s*["']?([^"'{,]*)`, 'i');
    return findByLine(lines, 'dependencies', requirement, poetryKey);
  }
  return { notFound: true };
};
