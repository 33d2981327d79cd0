CREATE TABLE "campaign_lead_facts" (
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"added_at" timestamp with time zone,
	"meeting_at" timestamp with time zone,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"live" boolean NOT NULL,
	"won_at" timestamp with time zone,
	"deal_value" numeric(18, 2),
	"deal_currency" text,
	CONSTRAINT "campaign_lead_facts_organization_id_campaign_id_lead_id_pk" PRIMARY KEY("organization_id","campaign_id","lead_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_lead_rollups" (
	"organization_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"day" date NOT NULL,
	"campaign_id" uuid NOT NULL,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"currency" text NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"amount" numeric(18, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_lead_rollups_organization_id_metric_day_campaign_id_owner_key_source_currency_pk" PRIMARY KEY("organization_id","metric","day","campaign_id","owner_key","source","currency")
);
--> statement-breakpoint
CREATE TABLE "campaign_mail_daily_rollups" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"campaign_id" uuid NOT NULL,
	"step_index" integer NOT NULL,
	"step_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"sent" boolean NOT NULL,
	"bounced" boolean NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"clicked" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"unsubscribed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_mail_daily_rollups_organization_id_day_campaign_id_step_index_step_id_variant_id_owner_key_source_sent_bounced_pk" PRIMARY KEY("organization_id","day","campaign_id","step_index","step_id","variant_id","owner_key","source","sent","bounced")
);
--> statement-breakpoint
CREATE TABLE "campaign_mail_facts" (
	"organization_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"lead_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"step_id" text NOT NULL,
	"step_index" integer NOT NULL,
	"variant_id" text NOT NULL,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"sent" boolean NOT NULL,
	"bounced" boolean NOT NULL,
	"delivered" boolean NOT NULL,
	"opened" boolean NOT NULL,
	"clicked" boolean NOT NULL,
	"replied" boolean NOT NULL,
	"unsubscribed" boolean NOT NULL,
	CONSTRAINT "campaign_mail_facts_organization_id_message_id_pk" PRIMARY KEY("organization_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_mail_hourly_rollups" (
	"organization_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"campaign_id" uuid NOT NULL,
	"owner_key" uuid NOT NULL,
	"source" text NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"clicked" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"bounced" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_mail_hourly_rollups_organization_id_hour_campaign_id_owner_key_source_pk" PRIMARY KEY("organization_id","hour","campaign_id","owner_key","source")
);
--> statement-breakpoint
ALTER TABLE "campaign_lead_facts" ADD CONSTRAINT "campaign_lead_facts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_lead_rollups" ADD CONSTRAINT "campaign_lead_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_mail_daily_rollups" ADD CONSTRAINT "campaign_mail_daily_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_mail_facts" ADD CONSTRAINT "campaign_mail_facts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_mail_hourly_rollups" ADD CONSTRAINT "campaign_mail_hourly_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_lead_facts_org_lead_idx" ON "campaign_lead_facts" USING btree ("organization_id","lead_id");--> statement-breakpoint
CREATE INDEX "campaign_mail_facts_org_lead_idx" ON "campaign_mail_facts" USING btree ("organization_id","lead_id");