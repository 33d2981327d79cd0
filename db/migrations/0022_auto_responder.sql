CREATE TABLE "auto_responder_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"conditions" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"stop_processing" boolean DEFAULT false NOT NULL,
	"once_per_lead" boolean DEFAULT false NOT NULL,
	"match_count" integer DEFAULT 0 NOT NULL,
	"last_matched_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auto_responder_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"rule_id" uuid,
	"rule_name" text NOT NULL,
	"message_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"category" text NOT NULL,
	"confidence" real NOT NULL,
	"actions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auto_responder_rules" ADD CONSTRAINT "auto_responder_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_responder_rules" ADD CONSTRAINT "auto_responder_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_responder_runs" ADD CONSTRAINT "auto_responder_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_responder_runs" ADD CONSTRAINT "auto_responder_runs_rule_id_auto_responder_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."auto_responder_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_responder_runs" ADD CONSTRAINT "auto_responder_runs_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auto_responder_rules_org_priority_idx" ON "auto_responder_rules" USING btree ("organization_id","priority");--> statement-breakpoint
CREATE UNIQUE INDEX "auto_responder_runs_org_rule_message_key" ON "auto_responder_runs" USING btree ("organization_id","rule_id","message_id");--> statement-breakpoint
CREATE INDEX "auto_responder_runs_org_created_idx" ON "auto_responder_runs" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "auto_responder_runs_org_rule_lead_idx" ON "auto_responder_runs" USING btree ("organization_id","rule_id","lead_id");