-- Hand-written, after measuring 0029 at 1M leads / 10M messages (BENCHMARKS.md):
-- 1. "Qualified" joins the rollups: leads.qualified_at is the first time the lead entered the
--    organization's qualified status (slug `qualified`, else the second open status — as
--    lib/analytics/analytics-context.ts qualifiedStatus), kept by triggers on lead_status_changes
--    and on the status picklist; counting distinct leads from the status history of a period
--    joined to a million leads took over a second.
-- 2. The daily rollups keep the outcome only on "created" and the deal currency and money only on
--    "won" (the only places they are read), so a period sums a third of the rows, and their
--    primary key carries the counts (INCLUDE) so the sum is an index-only scan.
-- 3. leads_org_created_idx carries the columns the analytics read about a period's new leads, so
--    speed-to-lead, the funnel and score buckets are index-only scans too.

-- The organization's qualified status (null when it has none).
CREATE OR REPLACE FUNCTION org_qualified_status(p_org uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT o.value FROM lead_options o
      WHERE o.organization_id = p_org AND o.kind = 'status' AND o.value = 'qualified' LIMIT 1),
    (SELECT o.value FROM lead_options o
      WHERE o.organization_id = p_org AND o.kind = 'status' AND o.category = 'open' AND NOT o.retired
      ORDER BY o.position, o.value OFFSET 1 LIMIT 1))
$$;
--> statement-breakpoint
-- qualified_at of the given leads, recomputed from their status history.
CREATE OR REPLACE FUNCTION leads_refresh_qualified(p_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE leads l SET qualified_at = f.at
    FROM (
      SELECT x.id, (SELECT min(c.changed_at) FROM lead_status_changes c
                     WHERE c.organization_id = x.organization_id AND c.lead_id = x.id
                       AND c.to_status = org_qualified_status(x.organization_id)) AS at
        FROM (SELECT DISTINCT unnest(p_ids) AS id) ids
        JOIN leads x ON x.id = ids.id
    ) f
   WHERE l.id = f.id AND l.qualified_at IS DISTINCT FROM f.at
$$;
--> statement-breakpoint
-- qualified_at of every lead of an organization, set-based (a million leads in seconds).
CREATE OR REPLACE FUNCTION org_refresh_qualified(p_org uuid) RETURNS void LANGUAGE sql AS $$
  WITH q AS (
    SELECT c.lead_id, min(c.changed_at) AS at FROM lead_status_changes c
     WHERE c.organization_id = p_org AND c.to_status = org_qualified_status(p_org)
     GROUP BY c.lead_id)
  UPDATE leads l SET qualified_at = f.at
    FROM (SELECT x.id, q.at FROM leads x LEFT JOIN q ON q.lead_id = x.id
           WHERE x.organization_id = p_org) f
   WHERE l.id = f.id AND l.qualified_at IS DISTINCT FROM f.at
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_status_changes_qualified() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM leads_refresh_qualified(ARRAY(
      SELECT DISTINCT n.lead_id FROM new_rows n JOIN leads l ON l.id = n.lead_id
       WHERE n.to_status = org_qualified_status(n.organization_id)
         AND (l.qualified_at IS NULL OR n.changed_at < l.qualified_at)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM leads_refresh_qualified(ARRAY(SELECT DISTINCT o.lead_id FROM old_rows o));
  ELSE
    PERFORM leads_refresh_qualified(ARRAY(
      SELECT unnest(ARRAY[o.lead_id, n.lead_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.lead_id, o.to_status, o.changed_at) IS DISTINCT FROM (n.lead_id, n.to_status, n.changed_at)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A change to an organization's statuses can change which one is "qualified": recompute its leads.
CREATE OR REPLACE FUNCTION lead_options_qualified() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  FOR org IN
    SELECT DISTINCT r.organization_id FROM (
      SELECT n.organization_id, n.kind FROM new_rows n
      UNION ALL SELECT o.organization_id, o.kind FROM old_rows o) r
     WHERE r.kind = 'status'
  LOOP
    PERFORM org_refresh_qualified(org);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The same for inserts and deletes, which have only one transition table.
CREATE OR REPLACE FUNCTION lead_options_qualified_one() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR org IN SELECT DISTINCT n.organization_id FROM new_rows n WHERE n.kind = 'status' LOOP
      PERFORM org_refresh_qualified(org);
    END LOOP;
  ELSE
    FOR org IN SELECT DISTINCT o.organization_id FROM old_rows o WHERE o.kind = 'status' LOOP
      PERFORM org_refresh_qualified(org);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS lead_rollup_facts(timestamptz, timestamptz, timestamptz, timestamptz, timestamptz);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_rollup_facts(
  p_created timestamptz, p_contacted timestamptz, p_replied timestamptz, p_qualified timestamptz,
  p_won timestamptz, p_lost timestamptz
) RETURNS TABLE(metric text, day date) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'created', (p_created AT TIME ZONE 'UTC')::date
  UNION ALL SELECT 'contacted', (p_contacted AT TIME ZONE 'UTC')::date WHERE p_contacted IS NOT NULL
  UNION ALL SELECT 'replied', (p_contacted AT TIME ZONE 'UTC')::date
             WHERE p_contacted IS NOT NULL AND p_replied IS NOT NULL
  UNION ALL SELECT 'qualified', (p_qualified AT TIME ZONE 'UTC')::date WHERE p_qualified IS NOT NULL
  UNION ALL SELECT 'won', (p_won AT TIME ZONE 'UTC')::date WHERE p_won IS NOT NULL
  UNION ALL SELECT 'lost', (p_lost AT TIME ZONE 'UTC')::date WHERE p_lost IS NOT NULL
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_rollups_statement(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'WITH c AS (' || changes || '),
    keyed AS (
      SELECT c.sign, c.organization_id, c.status, c.created_at, c.first_contacted_at,
             c.first_replied_at, c.qualified_at, c.won_at, c.lost_at, c.deal_value,
             coalesce(c.owner_id, ''00000000-0000-0000-0000-000000000000''::uuid) AS owner_key,
             coalesce(c.source, '''') AS source,
             CASE WHEN c.won_at IS NOT NULL THEN ''won'' WHEN c.lost_at IS NOT NULL THEN ''lost''
                  ELSE ''open'' END AS outcome,
             coalesce(c.deal_currency, '''') AS currency
        FROM c),
    facts AS (
      SELECT k.organization_id, f.metric, f.day, k.owner_key, k.source, k.sign,
             CASE WHEN f.metric = ''created'' THEN k.outcome ELSE '''' END AS outcome,
             CASE WHEN f.metric = ''won'' THEN k.currency ELSE '''' END AS currency,
             CASE WHEN f.metric = ''won'' THEN k.deal_value END AS deal_value
        FROM keyed k
        CROSS JOIN LATERAL lead_rollup_facts(k.created_at, k.first_contacted_at, k.first_replied_at,
                                             k.qualified_at, k.won_at, k.lost_at) f),
    daily AS (
      INSERT INTO lead_daily_rollups AS r
        (organization_id, metric, day, owner_key, source, outcome, currency, leads, valued, amount)
      SELECT f.organization_id, f.metric, f.day, f.owner_key, f.source, f.outcome, f.currency,
             sum(f.sign), coalesce(sum(f.sign) FILTER (WHERE f.deal_value IS NOT NULL), 0),
             coalesce(sum(f.sign * f.deal_value), 0)
        FROM facts f
       GROUP BY 1, 2, 3, 4, 5, 6, 7
      HAVING sum(f.sign) <> 0 OR coalesce(sum(f.sign * f.deal_value), 0) <> 0
          OR coalesce(sum(f.sign) FILTER (WHERE f.deal_value IS NOT NULL), 0) <> 0
      ON CONFLICT (organization_id, metric, day, owner_key, source, outcome, currency) DO UPDATE
        SET leads = r.leads + excluded.leads, valued = r.valued + excluded.valued,
            amount = r.amount + excluded.amount
      RETURNING 1)
    INSERT INTO lead_status_rollups AS r
      (organization_id, status, owner_key, source, currency, leads, valued, amount)
    SELECT k.organization_id, k.status, k.owner_key, k.source, k.currency, sum(k.sign),
           coalesce(sum(k.sign) FILTER (WHERE k.deal_value IS NOT NULL), 0),
           coalesce(sum(k.sign * k.deal_value), 0)
      FROM keyed k
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(k.sign) <> 0 OR coalesce(sum(k.sign * k.deal_value), 0) <> 0
        OR coalesce(sum(k.sign) FILTER (WHERE k.deal_value IS NOT NULL), 0) <> 0
    ON CONFLICT (organization_id, status, owner_key, source, currency) DO UPDATE
      SET leads = r.leads + excluded.leads, valued = r.valued + excluded.valued,
          amount = r.amount + excluded.amount'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE lead_rollups_statement(
      'SELECT 1 AS sign, n.* FROM new_rows n WHERE n.deleted_at IS NULL');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE lead_rollups_statement(
      'SELECT -1 AS sign, o.* FROM old_rows o WHERE o.deleted_at IS NULL');
  ELSE
    -- Only rows whose rolled-up attributes changed; most edits cost nothing here.
    EXECUTE lead_rollups_statement(
      'WITH p AS (
         SELECT o AS o, n AS n FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.organization_id, o.owner_id, o.source, o.status, o.created_at,
                 o.first_contacted_at, o.first_replied_at, o.qualified_at, o.won_at, o.lost_at,
                 o.deal_value, o.deal_currency, o.deleted_at IS NULL)
                IS DISTINCT FROM
                (n.organization_id, n.owner_id, n.source, n.status, n.created_at,
                 n.first_contacted_at, n.first_replied_at, n.qualified_at, n.won_at, n.lost_at,
                 n.deal_value, n.deal_currency, n.deleted_at IS NULL))
       SELECT -1 AS sign, (p.o).* FROM p WHERE (p.o).deleted_at IS NULL
       UNION ALL
       SELECT 1 AS sign, (p.n).* FROM p WHERE (p.n).deleted_at IS NULL');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_lead_rollups(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  LOCK TABLE lead_daily_rollups, lead_status_rollups IN EXCLUSIVE MODE;
  WITH contact AS (
    SELECT e.lead_id, min(e.occurred_at) AS at FROM (
      SELECT m.lead_id, m.occurred_at FROM conversation_messages m
       WHERE (p_org IS NULL OR m.organization_id = p_org) AND m.lead_id IS NOT NULL
         AND m.direction = 'outbound' AND m.status <> 'failed'
      UNION ALL
      SELECT a.lead_id, a.occurred_at FROM user_activities a
       WHERE (p_org IS NULL OR a.organization_id = p_org) AND a.lead_id IS NOT NULL
         AND a.kind = 'call') e
     GROUP BY e.lead_id),
  reply AS (
    SELECT c.lead_id, min(m.occurred_at) AS at FROM contact c
      JOIN conversation_messages m ON m.lead_id = c.lead_id AND m.occurred_at >= c.at
     WHERE (p_org IS NULL OR m.organization_id = p_org) AND m.direction = 'inbound'
       AND coalesce(m.inbound_kind, 'human_reply') = 'human_reply'
     GROUP BY c.lead_id)
  UPDATE leads l SET first_contacted_at = f.contacted, first_replied_at = f.replied
    FROM (SELECT x.id, c.at AS contacted, r.at AS replied FROM leads x
            LEFT JOIN contact c ON c.lead_id = x.id LEFT JOIN reply r ON r.lead_id = x.id
           WHERE p_org IS NULL OR x.organization_id = p_org) f
   WHERE l.id = f.id
     AND (l.first_contacted_at, l.first_replied_at) IS DISTINCT FROM (f.contacted, f.replied);
  FOR org IN SELECT o.id FROM organizations o WHERE p_org IS NULL OR o.id = p_org LOOP
    PERFORM org_refresh_qualified(org);
  END LOOP;
  DELETE FROM lead_daily_rollups WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM lead_status_rollups WHERE p_org IS NULL OR organization_id = p_org;
  EXECUTE lead_rollups_statement(format(
    'SELECT 1 AS sign, l.* FROM leads l WHERE l.deleted_at IS NULL AND (%L::uuid IS NULL OR l.organization_id = %L::uuid)',
    p_org, p_org));
END $$;
--> statement-breakpoint
ALTER TABLE lead_daily_rollups
  DROP CONSTRAINT lead_daily_rollups_organization_id_metric_day_owner_key_source_outcome_currency_pk;
--> statement-breakpoint
ALTER TABLE lead_daily_rollups
  ADD CONSTRAINT lead_daily_rollups_organization_id_metric_day_owner_key_source_outcome_currency_pk
  PRIMARY KEY (organization_id, metric, day, owner_key, source, outcome, currency)
  INCLUDE (leads, valued, amount);
--> statement-breakpoint
DROP INDEX IF EXISTS leads_org_created_idx;
--> statement-breakpoint
CREATE INDEX leads_org_created_idx ON leads (organization_id, created_at, id)
  INCLUDE (owner_id, source, status, score, first_contacted_at, first_replied_at, qualified_at,
           won_at, lost_at, deal_value, deal_currency, reached_statuses)
  WHERE deleted_at IS NULL;
--> statement-breakpoint
SELECT rebuild_lead_rollups(NULL);
--> statement-breakpoint
CREATE TRIGGER lead_status_changes_qualified_insert AFTER INSERT ON lead_status_changes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_status_changes_qualified();
--> statement-breakpoint
CREATE TRIGGER lead_status_changes_qualified_update AFTER UPDATE ON lead_status_changes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_status_changes_qualified();
--> statement-breakpoint
CREATE TRIGGER lead_status_changes_qualified_delete AFTER DELETE ON lead_status_changes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_status_changes_qualified();
--> statement-breakpoint
CREATE TRIGGER lead_options_qualified_insert AFTER INSERT ON lead_options
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_options_qualified_one();
--> statement-breakpoint
CREATE TRIGGER lead_options_qualified_update AFTER UPDATE ON lead_options
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_options_qualified();
--> statement-breakpoint
CREATE TRIGGER lead_options_qualified_delete AFTER DELETE ON lead_options
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_options_qualified_one();
