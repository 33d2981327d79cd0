-- Hand-written: lead_counts (list totals and lead stats) get a rebuild like the analytics rollups,
-- so `npm run db:rebuild-rollups` also repairs them after SQL that bypassed the leads triggers.
--
-- The dimensions go back to taking columns (0055 passed the whole lead row): over a scan of the
-- leads table itself, a whole-row argument to the inlined function fails to plan ("variable not
-- found in subplan target list", PostgreSQL 15 and PGlite alike) — only transition tables, which
-- the triggers read, escaped it.
CREATE OR REPLACE FUNCTION lead_count_dimensions(
  p_status text, p_source text, p_temperature text, p_score integer, p_industry text,
  p_reached text[], p_created timestamptz, p_tags text[]
) RETURNS TABLE(dimension text, value text) LANGUAGE sql STABLE AS $$
  SELECT d.dimension, d.value
    FROM lead_count_dimensions(p_status, p_source, p_temperature, p_score, p_industry, p_reached, p_created) d
  UNION ALL SELECT DISTINCT 'tag', t FROM unnest(p_tags) AS t
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Old rows count -1 and new rows +1; on an update, unchanged attributes cancel out (0035). An
  -- insert trigger has no old_rows and a delete trigger no new_rows, hence the branches.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
    SELECT n.organization_id, coalesce(n.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), d.dimension, d.value, count(*)
      FROM new_rows n
      CROSS JOIN LATERAL lead_count_dimensions(n.status, n.source, n.temperature, n.score, n.industry, n.reached_statuses, n.created_at, n.tags) d
     WHERE n.deleted_at IS NULL
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = lead_counts.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
    SELECT o.organization_id, coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), d.dimension, d.value, -count(*)
      FROM old_rows o
      CROSS JOIN LATERAL lead_count_dimensions(o.status, o.source, o.temperature, o.score, o.industry, o.reached_statuses, o.created_at, o.tags) d
     WHERE o.deleted_at IS NULL
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = lead_counts.count + excluded.count;
  ELSE
    WITH deltas AS (
      SELECT o.organization_id AS org, coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'::uuid) AS owner_key,
             d.dimension, d.value, -1 AS delta
        FROM old_rows o
        CROSS JOIN LATERAL lead_count_dimensions(o.status, o.source, o.temperature, o.score, o.industry, o.reached_statuses, o.created_at, o.tags) d
       WHERE o.deleted_at IS NULL
      UNION ALL
      SELECT n.organization_id, coalesce(n.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), d.dimension, d.value, 1
        FROM new_rows n
        CROSS JOIN LATERAL lead_count_dimensions(n.status, n.source, n.temperature, n.score, n.industry, n.reached_statuses, n.created_at, n.tags) d
       WHERE n.deleted_at IS NULL
    )
    INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
    SELECT org, owner_key, dimension, value, sum(delta) FROM deltas GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
    ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = lead_counts.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP FUNCTION lead_count_dimensions(leads);
--> statement-breakpoint
-- The exclusive lock waits for writers whose triggers already counted and holds back the rest
-- until the recount commits, so no write is counted twice or lost.
CREATE OR REPLACE FUNCTION rebuild_lead_counts(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE lead_counts IN EXCLUSIVE MODE;
  DELETE FROM lead_counts WHERE p_org IS NULL OR organization_id = p_org;
  INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
  SELECT l.organization_id, coalesce(l.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), d.dimension, d.value, count(*)
    FROM leads l
    CROSS JOIN LATERAL lead_count_dimensions(l.status, l.source, l.temperature, l.score, l.industry, l.reached_statuses, l.created_at, l.tags) d
   WHERE l.deleted_at IS NULL AND (p_org IS NULL OR l.organization_id = p_org)
   GROUP BY 1, 2, 3, 4;
END $$;
