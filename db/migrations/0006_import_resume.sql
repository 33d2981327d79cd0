ALTER TABLE "lead_imports" ADD COLUMN "actor_type" text DEFAULT 'user' NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "next_offset" bigint DEFAULT 0 NOT NULL;