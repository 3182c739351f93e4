// Packages that ship wasm, native sockets or their own module loading stay outside the bundle
// and are required from node_modules at run time.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: [
    '@electric-sql/pglite',
    'postgres',
    'pg-boss',
    'octokit',
    '@opentelemetry/api',
    '@opentelemetry/sdk-trace',
    '@opentelemetry/exporter-trace-otlp-http',
    '@opentelemetry/context-async-hooks',
    '@opentelemetry/resources',
  ],
  poweredByHeader: false,
  // On every answer: no framing, no referrer leaving the site, no type sniffing. The Content-Security-Policy, with a
  // nonce per answer, is `waymark serve`'s (lib/http/build-content-security-policy.ts): a header set here would
  // replace it.
  headers: async () => [
    {
      source: '/:path*',
      headers: [
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'Referrer-Policy', value: 'same-origin' },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
      ],
    },
  ],
  // `npm run typecheck` checks types in CI; the build that `npm start` runs on first use should not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
