import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const FORGE_CLIENTS = {
  octokit: { group: ['octokit', '@octokit/*'], message: 'Only ingest/sources/github may import octokit.' },
  gitbeaker: { group: ['@gitbeaker/*'], message: 'Only ingest/sources/gitlab may import @gitbeaker.' },
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: ['.next/**', 'node_modules/**', '.waymark/**', 'drizzle/**', 'test/artifacts/**', 'next-env.d.ts', 'examples/**'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The layers point one way: lib never reaches into ingest, and only the GitHub source talks to octokit.
    files: ['lib/**/*.ts', 'lib/**/*.tsx', 'app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ingest/**', '@/ingest/**'], message: 'lib/ and app/ must not import ingest/ (layers point one way).' },
            { group: ['octokit', '@octokit/*'], message: 'Only ingest/sources/github may import octokit.' },
            { group: ['@gitbeaker/*'], message: 'Only ingest/sources/gitlab may import @gitbeaker.' },
          ],
        },
      ],
    },
  },
  {
    // Links to URLs from stored data go through ExternalLink (toSafeHref): http(s) only, whatever was stored.
    files: ['app/**/*.tsx'],
    ignores: ['app/_components/ui/external-link.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name='a'] > JSXAttribute[name.name='href'][value.type='JSXExpressionContainer']",
          message: 'Render links to stored URLs with <ExternalLink> (it allows only http and https).',
        },
      ],
    },
  },
  // Each forge client is imported by its own source alone (flat config: the last matching block's rule wins).
  ...[
    { files: ['ingest/**/*.ts'], ignores: ['ingest/sources/github/**', 'ingest/sources/gitlab/**'], forbid: ['octokit', 'gitbeaker'] },
    { files: ['ingest/sources/github/**/*.ts'], forbid: ['gitbeaker'] },
    { files: ['ingest/sources/gitlab/**/*.ts'], forbid: ['octokit'] },
  ].map(({ forbid, ...block }) => ({
    ...block,
    rules: { 'no-restricted-imports': ['error', { patterns: forbid.map((client) => FORGE_CLIENTS[client]) }] },
  })),
];

export default config;
