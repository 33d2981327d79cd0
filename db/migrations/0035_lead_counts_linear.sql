-- Hand-written: lead_counts' trigger (0004) stays linear on huge statements, like the analytics
-- rollups (0034). Pairing old and new rows joined the two transition tables, which went quadratic
-- on a 500,000-row update at 1M leads; now every old row counts -1 and every new row +1, and rows
-- whose counted attributes did not change cancel out (HAVING drops the zeros, so an edit of a
-- phone number still writes nothing).
CREATE OR REPLACE FUNCTION lead_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
    SELECT n.organization_id, coalesce(n.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), d.dimension, d.value, count(*)
      FROM new_rows n
      CROSS JOIN LATERAL lead_count_dimensions(n.status, n.source, n.temperature, n.score, n.industry, n.reached_statuses, n.created_at) d
     WHERE n.deleted_at IS NULL
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = lead_counts.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
    SELECT o.organization_id, coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), d.dimension, d.value, -count(*)
      FROM old_rows o
      CROSS JOIN LATERAL lead_count_dimensions(o.status, o.source, o.temperature, o.score, o.industry, o.reached_statuses, o.created_at) d
     WHERE o.deleted_at IS NULL
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = lead_counts.count + excluded.count;
  ELSE
    WITH deltas AS (
      SELECT o.organization_id AS org, coalesce(o.owner_id, '00000000-0000-0000-0000-000000000000'::uuid) AS owner_key,
             d.dimension, d.value, -1 AS delta
        FROM old_rows o
        CROSS JOIN LATERAL lead_count_dimensions(o.status, o.source, o.temperature, o.score, o.industry, o.reached_statuses, o.created_at) d
       WHERE o.deleted_at IS NULL
      UNION ALL
      SELECT n.organization_id, coalesce(n.owner_id, '00000000-0000-0000-0000-000000000000'::uuid),
             d.dimension, d.value, 1
        FROM new_rows n
        CROSS JOIN LATERAL lead_count_dimensions(n.status, n.source, n.temperature, n.score, n.industry, n.reached_statuses, n.created_at) d
       WHERE n.deleted_at IS NULL
    )
    INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
    SELECT org, owner_key, dimension, value, sum(delta) FROM deltas GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
    ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = lead_counts.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
