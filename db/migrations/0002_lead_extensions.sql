-- Trigram search (typo-tolerant, substring and prefix) and GIN indexes that lead with the
-- organization id. Both ship with PostgreSQL's contrib and with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
