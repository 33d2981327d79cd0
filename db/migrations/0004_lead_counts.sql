-- Live lead counts per owner and dimension, maintained by statement-level triggers with
-- transition tables: one aggregated upsert per statement, however many rows it touched, so bulk
-- imports stay fast and stats never have to count a million rows.
CREATE OR REPLACE FUNCTION lead_count_dimensions(
  p_status text, p_source text, p_temperature text, p_score integer, p_industry text,
  p_reached text[], p_created timestamptz
) RETURNS TABLE(dimension text, value text) LANGUAGE sql STABLE AS $$
  SELECT 'status', p_status
  UNION ALL SELECT 'source', coalesce(p_source, '')
  UNION ALL SELECT 'temperature', p_temperature
  UNION ALL SELECT 'score_bucket', ((least(greatest(p_score, 0), 100) / 10) * 10)::text
  UNION ALL SELECT 'industry', coalesce(p_industry, '')
  UNION ALL SELECT 'reached', r FROM unnest(p_reached) AS r
  UNION ALL SELECT 'created_day', to_char(p_created AT TIME ZONE 'UTC', 'YYYY-MM-DD')
$$;
--> statement-breakpoint
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
    -- Only rows whose counted attributes changed; an edit of a phone number costs nothing here.
    WITH changed AS (
      SELECT o.organization_id AS o_org, o.owner_id AS o_owner, o.status AS o_status, o.source AS o_source,
             o.temperature AS o_temp, o.score AS o_score, o.industry AS o_industry, o.reached_statuses AS o_reached,
             o.created_at AS o_created, o.deleted_at IS NULL AS o_live,
             n.organization_id AS n_org, n.owner_id AS n_owner, n.status AS n_status, n.source AS n_source,
             n.temperature AS n_temp, n.score AS n_score, n.industry AS n_industry, n.reached_statuses AS n_reached,
             n.created_at AS n_created, n.deleted_at IS NULL AS n_live
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.owner_id, o.status, o.source, o.temperature, o.score / 10, o.industry, o.reached_statuses, o.deleted_at IS NULL)
             IS DISTINCT FROM
             (n.owner_id, n.status, n.source, n.temperature, n.score / 10, n.industry, n.reached_statuses, n.deleted_at IS NULL)
    ), deltas AS (
      SELECT c.o_org AS org, coalesce(c.o_owner, '00000000-0000-0000-0000-000000000000'::uuid) AS owner_key, d.dimension, d.value, -1 AS delta
        FROM changed c
        CROSS JOIN LATERAL lead_count_dimensions(c.o_status, c.o_source, c.o_temp, c.o_score, c.o_industry, c.o_reached, c.o_created) d
       WHERE c.o_live
      UNION ALL
      SELECT c.n_org, coalesce(c.n_owner, '00000000-0000-0000-0000-000000000000'::uuid), d.dimension, d.value, 1
        FROM changed c
        CROSS JOIN LATERAL lead_count_dimensions(c.n_status, c.n_source, c.n_temp, c.n_score, c.n_industry, c.n_reached, c.n_created) d
       WHERE c.n_live
    )
    INSERT INTO lead_counts (organization_id, owner_key, dimension, value, count)
    SELECT org, owner_key, dimension, value, sum(delta) FROM deltas GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
    ON CONFLICT (organization_id, owner_key, dimension, value) DO UPDATE SET count = lead_counts.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER leads_counts_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_counts_apply();
--> statement-breakpoint
CREATE TRIGGER leads_counts_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_counts_apply();
--> statement-breakpoint
CREATE TRIGGER leads_counts_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_counts_apply();
--> statement-breakpoint
-- Organizations created before leads existed get the default picklists (lib/leads/default-options.ts).
INSERT INTO lead_options (id, organization_id, kind, value, label, position, category)
SELECT gen_random_uuid(), o.id, d.kind, d.value, d.label, d.position, d.category
  FROM organizations o
 CROSS JOIN (VALUES
  ('status', 'new', 'New', 0, 'open'),
  ('status', 'contacted', 'Contacted', 1, 'open'),
  ('status', 'qualified', 'Qualified', 2, 'open'),
  ('status', 'demo', 'Demo', 3, 'open'),
  ('status', 'proposal', 'Proposal', 4, 'open'),
  ('status', 'trial', 'Trial', 5, 'open'),
  ('status', 'won', 'Won', 6, 'won'),
  ('status', 'lost', 'Lost', 7, 'lost'),
  ('source', 'website', 'Website', 0, NULL),
  ('source', 'referral', 'Referral', 1, NULL),
  ('source', 'inbound_email', 'Inbound email', 2, NULL),
  ('source', 'import', 'Import', 3, NULL),
  ('source', 'api', 'API', 4, NULL),
  ('source', 'manual', 'Manual', 5, NULL),
  ('source', 'facebook', 'Facebook', 6, NULL),
  ('source', 'linkedin', 'LinkedIn', 7, NULL),
  ('source', 'google_maps', 'Google Maps', 8, NULL),
  ('source', 'craigslist', 'Craigslist', 9, NULL),
  ('source', 'other', 'Other', 10, NULL),
  ('industry', 'real_estate', 'Real estate', 0, NULL),
  ('industry', 'software', 'Software', 1, NULL),
  ('industry', 'it_services', 'IT services', 2, NULL),
  ('industry', 'finance', 'Finance', 3, NULL),
  ('industry', 'insurance', 'Insurance', 4, NULL),
  ('industry', 'healthcare', 'Healthcare', 5, NULL),
  ('industry', 'retail', 'Retail', 6, NULL),
  ('industry', 'manufacturing', 'Manufacturing', 7, NULL),
  ('industry', 'construction', 'Construction', 8, NULL),
  ('industry', 'education', 'Education', 9, NULL),
  ('industry', 'hospitality', 'Hospitality', 10, NULL),
  ('industry', 'marketing', 'Marketing & advertising', 11, NULL),
  ('industry', 'logistics', 'Logistics', 12, NULL),
  ('industry', 'legal', 'Legal', 13, NULL),
  ('industry', 'nonprofit', 'Non-profit', 14, NULL),
  ('industry', 'other', 'Other', 15, NULL),
  ('lost_reason', 'budget', 'Budget', 0, NULL),
  ('lost_reason', 'timing', 'Timing', 1, NULL),
  ('lost_reason', 'competitor', 'Went with a competitor', 2, NULL),
  ('lost_reason', 'no_response', 'No response', 3, NULL),
  ('lost_reason', 'not_a_fit', 'Not a fit', 4, NULL),
  ('lost_reason', 'no_decision', 'No decision', 5, NULL),
  ('lost_reason', 'other', 'Other', 6, NULL)
 ) AS d(kind, value, label, position, category)
ON CONFLICT DO NOTHING;
