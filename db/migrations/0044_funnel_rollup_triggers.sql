-- Hand-written (issue 9): the funnel's time in stage and the status breakdown's entries per
-- period without joining the status history to a million leads.
--
-- 1. leads.status_path / status_path_at: the statuses a lead entered, in order, and when (its
--    lead_status_changes by changed_at, id) — kept by statement-level triggers on the history, so
--    the time spent in each status is read from the lead row (an index-only scan of a period's new
--    leads) instead of a window over their history.
-- 2. lead_status_entry_rollups: entries into each status per UTC day, owner and source, kept from
--    those columns by a statement-level trigger on leads — linear on huge statements like the lead
--    rollups (0034): every old row counts -1 and every new row +1, unchanged rows cancel in the
--    sums and HAVING drops them. A lead's reassignment, new source, deletion or restore moves its
--    entries with it.
-- 3. rebuild_funnel_rollups(org) recomputes both from the history (npm run db:rebuild-rollups).

-- The status paths of the given leads, recomputed from their history (unchanged ones not written).
CREATE OR REPLACE FUNCTION leads_refresh_status_path(p_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE leads l SET status_path = f.path, status_path_at = f.path_at
    FROM (
      SELECT x.id, coalesce(h.path, '{}') AS path, coalesce(h.path_at, '{}') AS path_at
        FROM (SELECT DISTINCT unnest(p_ids) AS id) ids
        JOIN leads x ON x.id = ids.id
        CROSS JOIN LATERAL (
          SELECT array_agg(c.to_status ORDER BY c.changed_at, c.id) AS path,
                 array_agg(c.changed_at ORDER BY c.changed_at, c.id) AS path_at
            FROM lead_status_changes c
           WHERE c.organization_id = x.organization_id AND c.lead_id = x.id) h
    ) f
   WHERE l.id = f.id AND (l.status_path, l.status_path_at) IS DISTINCT FROM (f.path, f.path_at)
$$;
--> statement-breakpoint
-- Any write to the history recomputes the paths of the leads it touched (no pairing of old and
-- new rows: an update takes the leads of both sides).
CREATE OR REPLACE FUNCTION lead_status_changes_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM leads_refresh_status_path(ARRAY(SELECT DISTINCT n.lead_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM leads_refresh_status_path(ARRAY(SELECT DISTINCT o.lead_id FROM old_rows o));
  ELSE
    PERFORM leads_refresh_status_path(ARRAY(
      SELECT o.lead_id FROM old_rows o UNION SELECT n.lead_id FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The statement applying signed lead rows (`changes`: sign, organization_id, owner_id, source,
-- status_path, status_path_at) to lead_status_entry_rollups; text so the trigger's three cases
-- and the rebuild share it (transition tables are visible only to the trigger's own queries).
CREATE OR REPLACE FUNCTION lead_status_entries_statement(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'INSERT INTO lead_status_entry_rollups AS r
      (organization_id, day, owner_key, source, status, entries)
    SELECT c.organization_id, (e.at AT TIME ZONE ''UTC'')::date,
           coalesce(c.owner_id, ''00000000-0000-0000-0000-000000000000''::uuid),
           coalesce(c.source, ''''), e.status, sum(c.sign)
      FROM (' || changes || ') c
      CROSS JOIN LATERAL unnest(c.status_path, c.status_path_at) e(status, at)
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(c.sign) <> 0
    ON CONFLICT (organization_id, day, owner_key, source, status) DO UPDATE
      SET entries = r.entries + excluded.entries'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_status_entry_columns(alias text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('%1$s.organization_id, %1$s.owner_id, %1$s.source, %1$s.status_path, %1$s.status_path_at', alias)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_status_entries_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE lead_status_entries_statement('SELECT 1 AS sign, ' || lead_status_entry_columns('n') ||
      ' FROM new_rows n WHERE n.deleted_at IS NULL AND cardinality(n.status_path) > 0');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE lead_status_entries_statement('SELECT -1 AS sign, ' || lead_status_entry_columns('o') ||
      ' FROM old_rows o WHERE o.deleted_at IS NULL AND cardinality(o.status_path) > 0');
  ELSE
    EXECUTE lead_status_entries_statement('SELECT -1 AS sign, ' || lead_status_entry_columns('o') ||
      ' FROM old_rows o WHERE o.deleted_at IS NULL AND cardinality(o.status_path) > 0' ||
      ' UNION ALL SELECT 1 AS sign, ' || lead_status_entry_columns('n') ||
      ' FROM new_rows n WHERE n.deleted_at IS NULL AND cardinality(n.status_path) > 0');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Everything recomputed from the status history (one organization, or all when p_org is null).
-- The rollup is locked first so writers wait and then apply their deltas on the rebuilt rows.
CREATE OR REPLACE FUNCTION rebuild_funnel_rollups(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE lead_status_entry_rollups IN EXCLUSIVE MODE;
  WITH h AS (
    SELECT c.lead_id, array_agg(c.to_status ORDER BY c.changed_at, c.id) AS path,
           array_agg(c.changed_at ORDER BY c.changed_at, c.id) AS path_at
      FROM lead_status_changes c
     WHERE p_org IS NULL OR c.organization_id = p_org
     GROUP BY c.lead_id)
  UPDATE leads l SET status_path = f.path, status_path_at = f.path_at
    FROM (SELECT x.id, coalesce(h.path, '{}') AS path, coalesce(h.path_at, '{}') AS path_at
            FROM leads x LEFT JOIN h ON h.lead_id = x.id
           WHERE p_org IS NULL OR x.organization_id = p_org) f
   WHERE l.id = f.id AND (l.status_path, l.status_path_at) IS DISTINCT FROM (f.path, f.path_at);
  DELETE FROM lead_status_entry_rollups WHERE p_org IS NULL OR organization_id = p_org;
  EXECUTE lead_status_entries_statement(format(
    'SELECT 1 AS sign, %s FROM leads l WHERE l.deleted_at IS NULL AND cardinality(l.status_path) > 0'
    ' AND (%L::uuid IS NULL OR l.organization_id = %L::uuid)',
    lead_status_entry_columns('l'), p_org, p_org));
END $$;
--> statement-breakpoint
ALTER TABLE lead_status_entry_rollups
  DROP CONSTRAINT lead_status_entry_rollups_organization_id_day_owner_key_source_status_pk;
--> statement-breakpoint
ALTER TABLE lead_status_entry_rollups
  ADD CONSTRAINT lead_status_entry_rollups_organization_id_day_owner_key_source_status_pk
  PRIMARY KEY (organization_id, day, owner_key, source, status) INCLUDE (entries);
--> statement-breakpoint
-- The backfill runs once the paths have their final shape (funnel_path_seconds).
CREATE TRIGGER lead_status_changes_path_insert AFTER INSERT ON lead_status_changes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_status_changes_path();
--> statement-breakpoint
CREATE TRIGGER lead_status_changes_path_update AFTER UPDATE ON lead_status_changes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_status_changes_path();
--> statement-breakpoint
CREATE TRIGGER lead_status_changes_path_delete AFTER DELETE ON lead_status_changes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_status_changes_path();
--> statement-breakpoint
CREATE TRIGGER leads_status_entries_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_status_entries_apply();
--> statement-breakpoint
CREATE TRIGGER leads_status_entries_update AFTER UPDATE ON leads
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_status_entries_apply();
--> statement-breakpoint
CREATE TRIGGER leads_status_entries_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_status_entries_apply();
