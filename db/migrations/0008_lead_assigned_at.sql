ALTER TABLE "leads" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "leads_org_assigned_idx" ON "leads" USING btree ("organization_id","owner_id","assigned_at") WHERE "leads"."deleted_at" is null;--> statement-breakpoint
-- Hand-written: keep assigned_at on every write path, however the owner changes.
CREATE OR REPLACE FUNCTION leads_set_assigned_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.owner_id IS NULL THEN
    NEW.assigned_at := NULL;
  ELSIF TG_OP = 'INSERT' OR NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
    NEW.assigned_at := now();
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER leads_assigned_at BEFORE INSERT OR UPDATE OF owner_id ON leads
  FOR EACH ROW EXECUTE FUNCTION leads_set_assigned_at();--> statement-breakpoint
UPDATE leads SET assigned_at = created_at WHERE owner_id IS NOT NULL;
