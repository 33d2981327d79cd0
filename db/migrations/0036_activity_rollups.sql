CREATE TABLE "lead_assignment_rollups" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"contacted" boolean NOT NULL,
	"converted" boolean NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lead_assignment_rollups_organization_id_day_owner_id_source_contacted_converted_pk" PRIMARY KEY("organization_id","day","owner_id","source","contacted","converted")
);
--> statement-breakpoint
CREATE TABLE "user_activity_daily_rollups" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "user_activity_daily_rollups_organization_id_day_user_id_kind_pk" PRIMARY KEY("organization_id","day","user_id","kind")
);
--> statement-breakpoint
ALTER TABLE "lead_assignment_rollups" ADD CONSTRAINT "lead_assignment_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_activity_daily_rollups" ADD CONSTRAINT "user_activity_daily_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;