CREATE TABLE "lead_status_entry_rollups" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"entries" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lead_status_entry_rollups_organization_id_day_owner_key_source_status_pk" PRIMARY KEY("organization_id","day","owner_key","source","status")
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "status_path" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "status_path_at" timestamp with time zone[] DEFAULT '{}'::timestamptz[] NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_status_entry_rollups" ADD CONSTRAINT "lead_status_entry_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;