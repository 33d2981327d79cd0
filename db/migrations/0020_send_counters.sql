CREATE TABLE "send_counters" (
	"organization_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "send_counters_organization_id_scope_scope_id_minute_pk" PRIMARY KEY("organization_id","scope","scope_id","minute")
);
--> statement-breakpoint
ALTER TABLE "send_counters" ADD CONSTRAINT "send_counters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill: the last two days of mail, the longest window a cap looks at (a day, plus a campaign's local day).
INSERT INTO "send_counters" ("organization_id", "scope", "scope_id", "minute", "sent")
SELECT "organization_id", 'mailbox', "mailbox_id", date_trunc('minute', "created_at"), count(*)::int
FROM "email_messages"
WHERE "organization_id" IS NOT NULL AND "mailbox_id" IS NOT NULL AND "created_at" > now() - interval '2 days'
GROUP BY 1, 3, 4;--> statement-breakpoint
INSERT INTO "send_counters" ("organization_id", "scope", "scope_id", "minute", "sent")
SELECT "organization_id", 'campaign', "campaign_id", date_trunc('minute', "created_at"), count(*)::int
FROM "email_messages"
WHERE "organization_id" IS NOT NULL AND "campaign_id" IS NOT NULL AND "created_at" > now() - interval '2 days'
GROUP BY 1, 3, 4;
