CREATE TABLE "campaign_recipient_rollups" (
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_recipient_rollups_organization_id_campaign_id_owner_key_source_pk" PRIMARY KEY("organization_id","campaign_id","owner_key","source")
);
--> statement-breakpoint
CREATE TABLE "campaign_won_rollups" (
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"currency" text NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"valued" integer DEFAULT 0 NOT NULL,
	"amount" numeric(18, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_won_rollups_organization_id_campaign_id_day_owner_key_source_currency_pk" PRIMARY KEY("organization_id","campaign_id","day","owner_key","source","currency")
);
--> statement-breakpoint
CREATE TABLE "lead_forecast_rollups" (
	"organization_id" uuid NOT NULL,
	"status" text NOT NULL,
	"month" text NOT NULL,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"currency" text NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"valued" integer DEFAULT 0 NOT NULL,
	"amount" numeric(18, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "lead_forecast_rollups_organization_id_status_month_owner_key_source_currency_pk" PRIMARY KEY("organization_id","status","month","owner_key","source","currency")
);
--> statement-breakpoint
ALTER TABLE "campaign_recipient_rollups" ADD CONSTRAINT "campaign_recipient_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_won_rollups" ADD CONSTRAINT "campaign_won_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_forecast_rollups" ADD CONSTRAINT "lead_forecast_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;