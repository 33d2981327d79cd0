-- Hand-written: lead_counts also counts tags (dimension 'tag', one row per distinct tag of a
-- lead), so a list filtered by one tag takes its total from the counts instead of counting the
-- matching rows (325 ms at 1M leads). The dimensions now take the whole lead row, so the next
-- counted attribute changes lead_count_dimensions alone, not the trigger function too.
CREATE OR REPLACE FUNCTION lead_count_dimensions(l leads)
RETURNS TABLE(dimension text, value text) LANGUAGE sql STABLE AS $$
  SELECT d.dimension, d.value
    FROM lead_count_dimensions(l.status, l.source, l.temperature, l.score, l.industry, l.reached_statuses, l.created_at) d
  UNION ALL SELECT DISTINCT 'tag', t FROM unnest(l.tags) AS t
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Old rows count -1 and new rows +1; on an update, unchanged attributes cancel out (0035). An
  -- insert trigger has no old_rows and a delete trigger no new_rows, hence the branches.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
    SELECT n.organization_id, coalesce(n.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), d.dimension, d.value, count(*)
      FROM new_rows n CROSS JOIN LATERAL lead_count_dimensions(n) d
     WHERE n.deleted_at IS NULL
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = lead_counts.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
    SELECT o.organization_id, coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), d.dimension, d.value, -count(*)
      FROM old_rows o CROSS JOIN LATERAL lead_count_dimensions(o) d
     WHERE o.deleted_at IS NULL
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = lead_counts.count + excluded.count;
  ELSE
    WITH deltas AS (
      SELECT o.organization_id AS org, coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'::uuid) AS owner_key,
             d.dimension, d.value, -1 AS delta
        FROM old_rows o CROSS JOIN LATERAL lead_count_dimensions(o) d
       WHERE o.deleted_at IS NULL
      UNION ALL
      SELECT n.organization_id, coalesce(n.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), d.dimension, d.value, 1
        FROM new_rows n CROSS JOIN LATERAL lead_count_dimensions(n) d
       WHERE n.deleted_at IS NULL
    )
    INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
    SELECT org, owner_key, dimension, value, sum(delta) FROM deltas GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
    ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = lead_counts.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
SELECT l.organization_id, coalesce(l.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), 'tag', t.tag, count(*)
  FROM leads l
  CROSS JOIN LATERAL (SELECT DISTINCT unnest(l.tags) AS tag) t
 WHERE l.deleted_at IS NULL
 GROUP BY 1, 2, 3, 4
ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = excluded.count;
