DROP INDEX "template_favorites_template_idx";--> statement-breakpoint
CREATE INDEX "template_favorites_template_idx" ON "template_favorites" USING btree ("organization_id","template_id");