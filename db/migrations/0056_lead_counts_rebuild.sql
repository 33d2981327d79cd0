-- Hand-written: lead_counts (list totals and lead stats) get a rebuild like the analytics rollups,
-- so `npm run db:rebuild-rollups` also repairs them after SQL that bypassed the leads triggers.
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
--> statement-breakpoint
-- Counts the tags of the leads that existed before 0055 (and repairs anything else on the way).
SELECT rebuild_lead_counts(NULL);
