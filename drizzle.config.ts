import { defineConfig } from 'drizzle-kit';

// Migrations are generated here, reviewed, and applied by `waymark migrate` / `npm start`; never `push`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema/index.ts',
  out: './drizzle',
});
