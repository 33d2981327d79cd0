import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema (no database needed) and committed; the app applies
// them itself at start with drizzle's programmatic migrator, on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
  strict: true,
  verbose: true,
});
