// Packages that ship wasm, native sockets or their own workers stay outside the bundle
// and are required from node_modules at run time.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pg-boss', 'octokit', '@opentelemetry/api'],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
