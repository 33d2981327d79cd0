-- Hand-written: statements over hundreds of thousands of leads stay linear. The rollup trigger
-- no longer pairs old and new rows (a join of two transition tables, which went quadratic on
-- a 500,000-row update while applying 0032 at 1M leads): it adds -1 for every old row and +1 for
-- every new one, and rows whose rolled-up attributes did not change cancel out in the sums
-- (HAVING drops the zeros, so an ordinary edit still writes nothing). The organization's
-- qualified status is looked up once per refresh, not once per status change.
CREATE OR REPLACE FUNCTION lead_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE lead_rollups_statement(
      'SELECT 1 AS sign, ' || lead_rollup_columns('n') || ' FROM new_rows n WHERE n.deleted_at IS NULL');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE lead_rollups_statement(
      'SELECT -1 AS sign, ' || lead_rollup_columns('o') || ' FROM old_rows o WHERE o.deleted_at IS NULL');
  ELSE
    EXECUTE lead_rollups_statement(
      'SELECT -1 AS sign, ' || lead_rollup_columns('o') || ' FROM old_rows o WHERE o.deleted_at IS NULL' ||
      ' UNION ALL SELECT 1 AS sign, ' || lead_rollup_columns('n') || ' FROM new_rows n WHERE n.deleted_at IS NULL');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION org_refresh_qualified(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  qualified text := org_qualified_status(p_org);
BEGIN
  WITH q AS (
    SELECT c.lead_id, min(c.changed_at) AS at FROM lead_status_changes c
     WHERE c.organization_id = p_org AND c.to_status = qualified
     GROUP BY c.lead_id)
  UPDATE leads l SET qualified_at = f.at
    FROM (SELECT x.id, q.at FROM leads x LEFT JOIN q ON q.lead_id = x.id
           WHERE x.organization_id = p_org) f
   WHERE l.id = f.id AND l.qualified_at IS DISTINCT FROM f.at;
END $$;
