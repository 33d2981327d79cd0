CREATE TABLE "lead_daily_rollups" (
	"organization_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"day" date NOT NULL,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"outcome" text NOT NULL,
	"currency" text NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"valued" integer DEFAULT 0 NOT NULL,
	"amount" numeric(18, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "lead_daily_rollups_organization_id_metric_day_owner_key_source_outcome_currency_pk" PRIMARY KEY("organization_id","metric","day","owner_key","source","outcome","currency")
);
--> statement-breakpoint
CREATE TABLE "lead_status_rollups" (
	"organization_id" uuid NOT NULL,
	"status" text NOT NULL,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"currency" text NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"valued" integer DEFAULT 0 NOT NULL,
	"amount" numeric(18, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "lead_status_rollups_organization_id_status_owner_key_source_currency_pk" PRIMARY KEY("organization_id","status","owner_key","source","currency")
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "first_contacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "first_replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lead_daily_rollups" ADD CONSTRAINT "lead_daily_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_status_rollups" ADD CONSTRAINT "lead_status_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;