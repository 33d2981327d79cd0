CREATE TABLE "campaign_recipients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"state_reason" text,
	"next_step_index" integer DEFAULT 0 NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"mailbox_id" uuid,
	"variants" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"next_send_at" timestamp with time zone,
	"last_sent_at" timestamp with time zone,
	"last_message_id" uuid,
	"added_by" uuid,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"owner_id" uuid,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mailbox_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"send_window" jsonb DEFAULT '{"days":[1,2,3,4,5],"start":"09:00","end":"17:00"}'::jsonb NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"use_lead_timezone" boolean DEFAULT true NOT NULL,
	"daily_limit" integer DEFAULT 200 NOT NULL,
	"stop_conditions" jsonb DEFAULT '{"reply":true,"bounce":true,"statusCategories":["won","lost"]}'::jsonb NOT NULL,
	"allow_concurrent_campaigns" boolean DEFAULT false NOT NULL,
	"track_opens" boolean,
	"track_clicks" boolean,
	"scheduled_at" timestamp with time zone,
	"launched_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"paused_reason" text,
	"finished_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"campaign_id" uuid,
	"lead_id" uuid,
	"type" text NOT NULL,
	"detail" text,
	"is_bot" boolean DEFAULT false NOT NULL,
	"user_agent" text,
	"provider_event_id" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"reason" text NOT NULL,
	"detail" text,
	"campaign_id" uuid,
	"message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "lead_id" uuid;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "recipient_id" uuid;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "step_id" text;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "step_index" integer;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "variant_id" text;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "clicked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_recipients_key" ON "campaign_recipients" USING btree ("organization_id","campaign_id","lead_id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_org_campaign_state_idx" ON "campaign_recipients" USING btree ("organization_id","campaign_id","state");--> statement-breakpoint
CREATE INDEX "campaign_recipients_org_lead_idx" ON "campaign_recipients" USING btree ("organization_id","lead_id","state");--> statement-breakpoint
CREATE INDEX "campaigns_org_updated_idx" ON "campaigns" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "campaigns_org_status_idx" ON "campaigns" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "email_events_org_message_idx" ON "email_events" USING btree ("organization_id","message_id","type");--> statement-breakpoint
CREATE INDEX "email_events_org_campaign_idx" ON "email_events" USING btree ("organization_id","campaign_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "email_events_provider_key" ON "email_events" USING btree ("organization_id","provider_event_id") WHERE "email_events"."provider_event_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "email_suppressions_key" ON "email_suppressions" USING btree ("organization_id","email");--> statement-breakpoint
CREATE INDEX "email_messages_org_campaign_idx" ON "email_messages" USING btree ("organization_id","campaign_id","step_index");--> statement-breakpoint
CREATE INDEX "email_messages_org_lead_idx" ON "email_messages" USING btree ("organization_id","lead_id","created_at");--> statement-breakpoint
CREATE INDEX "email_messages_org_mailbox_idx" ON "email_messages" USING btree ("organization_id","mailbox_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_idempotency_key" ON "email_messages" USING btree ("organization_id","idempotency_key") WHERE "email_messages"."idempotency_key" is not null;