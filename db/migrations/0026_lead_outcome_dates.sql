-- Hand-written: a lead's won_at / lost_at follow its status on every write path (form, bulk,
-- import, merge, automations). Entering a won (lost) category status stamps won_at (lost_at) unless
-- the same write sets it (backdating); entering an open status clears both. A write that leaves
-- the status alone keeps whatever dates it sets.
CREATE OR REPLACE FUNCTION leads_set_outcome_dates() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cat text;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
    RETURN NEW;
  END IF;
  SELECT o.category INTO cat FROM lead_options o
   WHERE o.organization_id = NEW.organization_id AND o.kind = 'status' AND o.value = NEW.status;
  IF cat = 'won' THEN
    NEW.won_at := coalesce(NEW.won_at, now());
    NEW.lost_at := NULL;
  ELSIF cat = 'lost' THEN
    NEW.lost_at := coalesce(NEW.lost_at, now());
    NEW.won_at := NULL;
  ELSE
    NEW.won_at := NULL;
    NEW.lost_at := NULL;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER leads_outcome_dates BEFORE INSERT OR UPDATE OF status ON leads
  FOR EACH ROW EXECUTE FUNCTION leads_set_outcome_dates();--> statement-breakpoint
-- Leads already won or lost: the last time they entered that status (else their last update).
UPDATE leads l SET
  won_at = CASE WHEN o.category = 'won' THEN coalesce(
    (SELECT max(c.changed_at) FROM lead_status_changes c
      WHERE c.organization_id = l.organization_id AND c.lead_id = l.id AND c.to_status = l.status),
    l.updated_at) END,
  lost_at = CASE WHEN o.category = 'lost' THEN coalesce(
    (SELECT max(c.changed_at) FROM lead_status_changes c
      WHERE c.organization_id = l.organization_id AND c.lead_id = l.id AND c.to_status = l.status),
    l.updated_at) END
  FROM lead_options o
 WHERE o.organization_id = l.organization_id AND o.kind = 'status' AND o.value = l.status
   AND o.category IN ('won', 'lost');
