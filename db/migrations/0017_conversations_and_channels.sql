CREATE TABLE "conversation_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"conversation_id" uuid,
	"lead_id" uuid,
	"direction" text NOT NULL,
	"channel" text DEFAULT 'email' NOT NULL,
	"author" text NOT NULL,
	"author_user_id" uuid,
	"status" text NOT NULL,
	"email_message_id" uuid,
	"campaign_id" uuid,
	"subject" text,
	"body" text DEFAULT '' NOT NULL,
	"full_text" text,
	"html" text,
	"from_address" text,
	"to_address" text,
	"external_id" text,
	"in_reply_to" text,
	"references" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"inbound_kind" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"matched_by" text,
	"dedupe_key" text,
	"error" text,
	"read_at" timestamp with time zone,
	"occurred_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"mode" text DEFAULT 'automated' NOT NULL,
	"taken_over_by" uuid,
	"taken_over_at" timestamp with time zone,
	"unread_count" integer DEFAULT 0 NOT NULL,
	"needs_reply" boolean DEFAULT false NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"last_inbound_at" timestamp with time zone,
	"last_outbound_at" timestamp with time zone,
	"last_campaign_id" uuid,
	"last_channel" text,
	"preview" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communication_bulk_results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"bulk_send_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"message_id" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communication_bulk_sends" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communication_preferences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"lead_id" uuid,
	"preferred_channel" text,
	"enabled_channels" jsonb,
	"consent" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"whatsapp_number" text,
	"telegram_chat_id" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communication_providers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secret_sealed" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "resend_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "email_settings" ADD COLUMN "inbound_address" text;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "postponed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_taken_over_by_users_id_fk" FOREIGN KEY ("taken_over_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_bulk_results" ADD CONSTRAINT "communication_bulk_results_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_bulk_results" ADD CONSTRAINT "communication_bulk_results_bulk_send_id_communication_bulk_sends_id_fk" FOREIGN KEY ("bulk_send_id") REFERENCES "public"."communication_bulk_sends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_bulk_sends" ADD CONSTRAINT "communication_bulk_sends_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_bulk_sends" ADD CONSTRAINT "communication_bulk_sends_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_preferences" ADD CONSTRAINT "communication_preferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_preferences" ADD CONSTRAINT "communication_preferences_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_preferences" ADD CONSTRAINT "communication_preferences_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_providers" ADD CONSTRAINT "communication_providers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_providers" ADD CONSTRAINT "communication_providers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_messages_org_conv_idx" ON "conversation_messages" USING btree ("organization_id","conversation_id","occurred_at");--> statement-breakpoint
CREATE INDEX "conversation_messages_org_lead_idx" ON "conversation_messages" USING btree ("organization_id","lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "conversation_messages_org_unmatched_idx" ON "conversation_messages" USING btree ("organization_id","occurred_at") WHERE "conversation_messages"."conversation_id" is null;--> statement-breakpoint
CREATE INDEX "conversation_messages_org_email_idx" ON "conversation_messages" USING btree ("organization_id","email_message_id");--> statement-breakpoint
CREATE INDEX "conversation_messages_org_external_idx" ON "conversation_messages" USING btree ("organization_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_messages_dedupe_key" ON "conversation_messages" USING btree ("organization_id","dedupe_key") WHERE "conversation_messages"."dedupe_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_org_lead_key" ON "conversations" USING btree ("organization_id","lead_id");--> statement-breakpoint
CREATE INDEX "conversations_org_last_idx" ON "conversations" USING btree ("organization_id","last_message_at","id");--> statement-breakpoint
CREATE INDEX "conversations_org_unread_idx" ON "conversations" USING btree ("organization_id","last_message_at") WHERE "conversations"."unread_count" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "communication_bulk_results_key" ON "communication_bulk_results" USING btree ("organization_id","bulk_send_id","lead_id");--> statement-breakpoint
CREATE INDEX "communication_bulk_sends_org_created_idx" ON "communication_bulk_sends" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "communication_preferences_org_lead_key" ON "communication_preferences" USING btree ("organization_id",coalesce("lead_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "communication_providers_org_provider_key" ON "communication_providers" USING btree ("organization_id","provider");