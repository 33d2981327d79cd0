-- Hand-written: lead_counts also counts tags (dimension 'tag', one row per distinct tag of a
-- lead), so a list filtered by one tag takes its total from the counts instead of counting the
-- matching rows (325 ms at 1M leads). An eight-argument lead_count_dimensions adds the tags to the
-- seven dimensions of 0004; the trigger function (0035's, linear) passes them. Existing leads'
-- tags are counted by the rebuild in 0056.
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
