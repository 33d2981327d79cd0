CREATE TABLE "reply_response_times" (
	"organization_id" uuid NOT NULL,
	"replied_at" timestamp with time zone NOT NULL,
	"message_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"seconds" double precision NOT NULL,
	CONSTRAINT "reply_response_times_organization_id_replied_at_message_id_pk" PRIMARY KEY("organization_id","replied_at","message_id")
);
--> statement-breakpoint
ALTER TABLE "reply_response_times" ADD CONSTRAINT "reply_response_times_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reply_response_times_org_lead_idx" ON "reply_response_times" USING btree ("organization_id","lead_id");