import { selectFactFiles } from '../../lib/domain/select-fact-files';
import type { DemoService } from './demo-organization';
import { isPresent } from './is-present';

const SOURCE_FILES = {
  node: ['src/index.ts', 'src/server.ts', 'src/routes/health.ts', 'src/routes/api.ts', 'test/api.test.ts', 'tsconfig.json', 'package-lock.json', 'package.json'],
  go: ['main.go', 'internal/server/server.go', 'internal/server/server_test.go', 'go.mod', 'go.sum'],
  python: ['app/__init__.py', 'app/main.py', 'tests/test_main.py', 'pyproject.toml', 'requirements.txt'],
  java: ['pom.xml', 'src/main/java/com/acme/erp/Connector.java', 'src/main/java/com/acme/erp/SyncJob.java', 'src/test/java/com/acme/erp/ConnectorTest.java', 'scripts/deploy.sh'],
} as const;

const packageJson = (service: DemoService, tracing: boolean) =>
  `${JSON.stringify(
    {
      name: `@acme/${service.name}`,
      private: true,
      scripts: { build: 'tsc', test: 'vitest run', start: 'node dist/index.js' },
      dependencies: { fastify: '^5.2.0', zod: '^4.1.0', ...(tracing ? { '@opentelemetry/api': '^1.9.0', '@opentelemetry/sdk-node': '^0.57.0' } : {}) },
      devDependencies: { typescript: '^5.9.0', vitest: '^4.0.0' },
    },
    null,
    2,
  )}\n`;

const catalogInfo = (service: DemoService, owner: boolean, broken: boolean) =>
  broken
    ? // A merge conflict left in the file: it no longer parses.
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${service.name}\n  description: "A/B test assignment\nspec:\n  type: service\n<<<<<<< HEAD\n  lifecycle: production\n`
    : [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        `  name: ${service.name}`,
        `  tags: [${service.language}]`,
        '  annotations:',
        `    github.com/project-slug: acme/${service.name}`,
        'spec:',
        '  type: service',
        '  lifecycle: production',
        ...(owner ? [`  owner: group:default/${service.team}`] : []),
        '',
      ].join('\n');

const deployWorkflow = (service: DemoService, golden: boolean) => {
  if (golden || service.legacyWorkflow === 'golden-v1') {
    const version = golden ? 'v3' : 'v1';
    return `name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    uses: acme/platform/.github/workflows/deploy.yml@${version}\n    with:\n      service: ${service.name}\n    secrets: inherit\n`;
  }
  return `name: deploy\non:\n  workflow_dispatch: {}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./scripts/deploy.sh production\n`;
};

/**
 * The repository of a demo service as it stands on `day`: every path, and the contents of the files real sources
 * would collect (the same selectFactFiles the git and GitHub sources use), shaped so the built-in standards pass or
 * fail as the organization table says.
 */
export const buildDemoRepository = (service: DemoService, day: number) => {
  const has = (key: keyof DemoService['standards']) => isPresent(service.standards[key], day);
  const broken = service.quirk?.kind === 'broken-catalog' && day >= service.quirk.day;
  const content: Record<string, string> = {
    '.gitignore': 'node_modules\ndist\n',
    'Dockerfile': `FROM ${service.language === 'node' ? 'node:22-alpine' : service.language === 'go' ? 'golang:1.24-alpine' : service.language === 'python' ? 'python:3.13-slim' : 'eclipse-temurin:21'}\nWORKDIR /app\nCOPY . .\n`,
    'catalog-info.yaml': catalogInfo(service, has('catalogOwner'), broken),
    '.github/workflows/ci.yml': `name: ci\non: [push, pull_request]\njobs:\n  test:\n    uses: acme/platform/.github/workflows/ci.yml@v2\n`,
    '.github/workflows/deploy.yml': deployWorkflow(service, has('goldenDeploy')),
  };
  for (const path of SOURCE_FILES[service.language]) content[path] = '';
  if (service.language === 'node') content['package.json'] = packageJson(service, has('tracing'));
  if (has('readme')) content['README.md'] = `# ${service.name}\n\nOwned by the ${service.team} team. Runbook: https://runbooks.acme.example/${service.name}\n`;
  if (has('codeowners')) content[service.team === 'platform' ? 'CODEOWNERS' : '.github/CODEOWNERS'] = `* @acme/${service.team}\n`;
  if (has('dependencyUpdates')) {
    // Two ways to pass the same check, as in a real organization.
    if (service.name.length % 2 === 0) content['renovate.json'] = '{\n  "extends": ["config:recommended"]\n}\n';
    else content['.github/dependabot.yml'] = 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n';
  }
  const paths = Object.keys(content).sort();
  const files = Object.fromEntries(selectFactFiles(paths).map((path) => [path, content[path]!]));
  return { paths, files };
};
