-- Hand-written (issue 9), after 0044: the status paths are refreshed by one set-based statement
-- over the transition table (planned with its real size — a bulk status change of half a million
-- leads hash-joins their history instead of probing it lead by lead), shared with the rebuild.

-- The statement recomputing the status paths of the leads `leads_query` yields (organization_id,
-- lead_id), from their history; unchanged paths are not written. Text, so the trigger can run it
-- on its transition tables (visible only to its own queries) and the rebuild on the leads.
CREATE OR REPLACE FUNCTION lead_status_path_statement(leads_query text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'WITH ids AS (SELECT DISTINCT q.organization_id, q.lead_id FROM (' || leads_query || ') q),
    h AS (
      SELECT c.lead_id, array_agg(c.to_status ORDER BY c.changed_at, c.id) AS path,
             array_agg(c.changed_at ORDER BY c.changed_at, c.id) AS path_at
        FROM lead_status_changes c
        JOIN ids ON ids.organization_id = c.organization_id AND ids.lead_id = c.lead_id
       GROUP BY c.lead_id),
    f AS (
      SELECT ids.lead_id AS id, coalesce(h.path, ''{}'') AS path, coalesce(h.path_at, ''{}'') AS path_at
        FROM ids LEFT JOIN h ON h.lead_id = ids.lead_id)
    UPDATE leads l SET status_path = f.path, status_path_at = f.path_at
      FROM f
     WHERE l.id = f.id AND (l.status_path, l.status_path_at) IS DISTINCT FROM (f.path, f.path_at)'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_status_changes_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE lead_status_path_statement('SELECT n.organization_id, n.lead_id FROM new_rows n');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE lead_status_path_statement('SELECT o.organization_id, o.lead_id FROM old_rows o');
  ELSE
    EXECUTE lead_status_path_statement('SELECT o.organization_id, o.lead_id FROM old_rows o'
      ' UNION ALL SELECT n.organization_id, n.lead_id FROM new_rows n');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS leads_refresh_status_path(uuid[]);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_funnel_rollups(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE lead_status_entry_rollups IN EXCLUSIVE MODE;
  EXECUTE lead_status_path_statement(format(
    'SELECT l.organization_id, l.id AS lead_id FROM leads l WHERE %L::uuid IS NULL OR l.organization_id = %L::uuid',
    p_org, p_org));
  DELETE FROM lead_status_entry_rollups WHERE p_org IS NULL OR organization_id = p_org;
  EXECUTE lead_status_entries_statement(format(
    'SELECT 1 AS sign, %s FROM leads l WHERE l.deleted_at IS NULL AND cardinality(l.status_path) > 0'
    ' AND (%L::uuid IS NULL OR l.organization_id = %L::uuid)',
    lead_status_entry_columns('l'), p_org, p_org));
END $$;
