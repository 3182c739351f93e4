/**
 * The built-in golden path, used when there is no standards file. Kept as YAML so it reads exactly like a
 * golden-path.yaml (`waymark score --print-standards` prints it as a starting point) and goes through the same
 * validation. The ids are a contract: the demo organization's facts are generated to exercise these checks.
 */
export const DEFAULT_STANDARDS_YAML = `# Waymark's built-in golden path. Copy it to golden-path.yaml and make it yours.
version: 1
levels: [bronze, silver, gold]
checks:
  - id: codeowners
    title: Code owners are declared
    level: bronze
    category: ownership
    description: A CODEOWNERS file says who reviews changes to this service, so pull requests reach the right people.
    fix: Add a CODEOWNERS file at the repository root, in .github/ or in docs/, e.g. \`* @your-org/your-team\`.
    rule: { fileExists: [CODEOWNERS, .github/CODEOWNERS, docs/CODEOWNERS] }
  - id: catalog-owner
    title: The catalog names an owner
    level: bronze
    category: ownership
    description: catalog-info.yaml names the owning team (spec.owner), so incidents and questions reach someone.
    fix: Add a catalog-info.yaml (Backstage Component) with \`spec.owner\` set to your team, e.g. \`group:your-team\`.
    rule: { catalog: { field: spec.owner, exists: true } }
  - id: readme
    title: The repository has a README
    level: bronze
    category: documentation
    description: A README.md tells newcomers what the service does and how to run it.
    fix: Add a README.md at the repository root with what the service does, how to run it and who owns it.
    rule: { fileExists: README.md }
  - id: deploys-recently
    title: Deployed to production in the last 30 days
    level: bronze
    category: delivery
    description: A service that has not shipped for a month is hard to ship safely when it has to.
    fix: Deploy to production at least monthly; if deployments are not showing up, check that your CI reports them to Waymark.
    rule: { deployedWithinDays: 30 }
  - id: golden-deploy-workflow
    title: Deploys with the platform's deploy workflow (v2 or later)
    level: silver
    category: delivery
    description: A workflow in .github/workflows calls the platform team's reusable deploy workflow at v2 or later.
    fix: "In a workflow under .github/workflows, call \`uses: <org>/platform/.github/workflows/deploy.yml@v2\` (or later) for deployments."
    rule:
      fileMatches:
        path: ".github/workflows/*.y*ml"
        pattern: 'uses: [\\w.-]+/platform/\\.github/workflows/deploy\\.ya?ml@v[2-9]'
  - id: protected-main
    title: The default branch is protected with review
    level: silver
    category: security
    description: Changes to the default branch need at least one approving review.
    fix: Protect the default branch (branch protection or a ruleset) and require at least one approving review.
    rule: { branchProtection: { requiredReviews: 1 } }
  - id: dependency-updates
    title: Dependency updates are automated
    level: silver
    category: security
    description: Dependabot or Renovate opens pull requests for outdated and vulnerable dependencies.
    fix: Add .github/dependabot.yml or renovate.json.
    rule: { fileExists: [.github/dependabot.yml, renovate.json] }
  - id: tracing
    title: Instrumented with OpenTelemetry
    level: gold
    category: observability
    description: The service depends on @opentelemetry/api, so its requests show up in traces.
    fix: Add @opentelemetry/api (and an SDK) to package.json and instrument the service.
    rule: { dependency: { name: "@opentelemetry/api" } }
  - id: fast-lead-time
    title: Median lead time under a day
    level: gold
    category: delivery
    description: Over the last 30 days, half of the changes reached production within 24 hours of their first commit.
    fix: Ship smaller pull requests and deploy on merge; the metrics page shows where changes wait.
    rule: { metric: { name: leadTimeP50Hours, below: 24, windowDays: 30 } }
  - id: low-change-failure
    title: Change failure rate under 15%
    level: gold
    category: delivery
    description: Over the last 30 days, fewer than 15% of production deployments caused a failure.
    fix: Add tests and progressive rollouts for the kinds of changes that failed; the metrics page lists the failed deployments.
    rule: { metric: { name: changeFailureRate, below: 0.15, windowDays: 30 } }
`;
