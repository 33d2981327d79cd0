-- Hand-written: what keeps the analytics rollups current (issue 9), so dashboards over a million
-- leads and ten million messages sum a few thousand rows instead of scanning either.
--
-- 1. leads.first_contacted_at / first_replied_at follow the message log: the first outbound contact
--    (a conversation message that did not fail, or a logged call) and the first human reply at or
--    after it. Statement-level triggers on conversation_messages and user_activities recompute them
--    for the leads a statement may have changed — an insert only when it can move them (a later
--    follow-up to an already-contacted lead costs a join, not a recompute).
-- 2. lead_daily_rollups / lead_status_rollups follow the leads: a statement-level trigger with
--    transition tables turns the rows a statement changed into signed deltas per rollup key and
--    applies them in one upsert per table, as lead_counts does (0004).
-- 3. rebuild_lead_rollups(org) recomputes all of it from the source rows (npm run db:rebuild-rollups).

-- The leads (of p_ids) whose first contact / first reply differ from the message log: recomputed.
CREATE OR REPLACE FUNCTION leads_refresh_first_contact(p_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE leads l SET first_contacted_at = f.contacted, first_replied_at = f.replied
    FROM (
      SELECT x.id, c.at AS contacted,
             (SELECT min(m.occurred_at) FROM conversation_messages m
               WHERE m.organization_id = x.organization_id AND m.lead_id = x.id
                 AND m.direction = 'inbound'
                 AND coalesce(m.inbound_kind, 'human_reply') = 'human_reply'
                 AND m.occurred_at >= c.at) AS replied
        FROM (SELECT DISTINCT unnest(p_ids) AS id) ids
        JOIN leads x ON x.id = ids.id
        CROSS JOIN LATERAL (SELECT least(
          (SELECT min(m.occurred_at) FROM conversation_messages m
            WHERE m.organization_id = x.organization_id AND m.lead_id = x.id
              AND m.direction = 'outbound' AND m.status <> 'failed'),
          (SELECT min(a.occurred_at) FROM user_activities a
            WHERE a.organization_id = x.organization_id AND a.lead_id = x.id
              AND a.kind = 'call')) AS at) c
    ) f
   WHERE l.id = f.id
     AND (l.first_contacted_at, l.first_replied_at) IS DISTINCT FROM (f.contacted, f.replied)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conversation_messages_first_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM leads_refresh_first_contact(ARRAY(
      SELECT DISTINCT n.lead_id FROM new_rows n JOIN leads l ON l.id = n.lead_id
       WHERE (n.direction = 'outbound' AND n.status <> 'failed'
              AND (l.first_contacted_at IS NULL OR n.occurred_at < l.first_contacted_at))
          OR (n.direction = 'inbound' AND coalesce(n.inbound_kind, 'human_reply') = 'human_reply'
              AND n.occurred_at >= l.first_contacted_at
              AND (l.first_replied_at IS NULL OR n.occurred_at < l.first_replied_at))));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM leads_refresh_first_contact(ARRAY(
      SELECT DISTINCT o.lead_id FROM old_rows o WHERE o.lead_id IS NOT NULL));
  ELSE
    PERFORM leads_refresh_first_contact(ARRAY(
      SELECT unnest(ARRAY[o.lead_id, n.lead_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.lead_id, o.direction, o.status, o.inbound_kind, o.occurred_at)
             IS DISTINCT FROM (n.lead_id, n.direction, n.status, n.inbound_kind, n.occurred_at)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION user_activities_first_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM leads_refresh_first_contact(ARRAY(
      SELECT DISTINCT n.lead_id FROM new_rows n JOIN leads l ON l.id = n.lead_id
       WHERE n.kind = 'call'
         AND (l.first_contacted_at IS NULL OR n.occurred_at < l.first_contacted_at)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM leads_refresh_first_contact(ARRAY(
      SELECT DISTINCT o.lead_id FROM old_rows o WHERE o.lead_id IS NOT NULL AND o.kind = 'call'));
  ELSE
    PERFORM leads_refresh_first_contact(ARRAY(
      SELECT unnest(ARRAY[o.lead_id, n.lead_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.kind = 'call' OR n.kind = 'call')
         AND (o.lead_id, o.kind, o.occurred_at) IS DISTINCT FROM (n.lead_id, n.kind, n.occurred_at)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The daily facts of one lead: (metric, UTC day). "replied" is keyed by the first-contact day, so
-- a period's reply rate is the share of the leads first contacted in it that have replied since.
CREATE OR REPLACE FUNCTION lead_rollup_facts(
  p_created timestamptz, p_contacted timestamptz, p_replied timestamptz, p_won timestamptz,
  p_lost timestamptz
) RETURNS TABLE(metric text, day date) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'created', (p_created AT TIME ZONE 'UTC')::date
  UNION ALL SELECT 'contacted', (p_contacted AT TIME ZONE 'UTC')::date WHERE p_contacted IS NOT NULL
  UNION ALL SELECT 'replied', (p_contacted AT TIME ZONE 'UTC')::date
             WHERE p_contacted IS NOT NULL AND p_replied IS NOT NULL
  UNION ALL SELECT 'won', (p_won AT TIME ZONE 'UTC')::date WHERE p_won IS NOT NULL
  UNION ALL SELECT 'lost', (p_lost AT TIME ZONE 'UTC')::date WHERE p_lost IS NOT NULL
$$;
--> statement-breakpoint
-- The statement applying signed lead rows (`changes`: a query yielding sign and the leads columns)
-- to both rollups at once. Built as text so the three trigger cases and the rebuild share it; the
-- trigger EXECUTEs it itself, because transition tables are visible only to its own queries.
CREATE OR REPLACE FUNCTION lead_rollups_statement(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'WITH c AS (' || changes || '),
    keyed AS (
      SELECT c.sign, c.organization_id, c.status, c.created_at, c.first_contacted_at,
             c.first_replied_at, c.won_at, c.lost_at, c.deal_value,
             coalesce(c.owner_id, ''00000000-0000-0000-0000-000000000000''::uuid) AS owner_key,
             coalesce(c.source, '''') AS source,
             CASE WHEN c.won_at IS NOT NULL THEN ''won'' WHEN c.lost_at IS NOT NULL THEN ''lost''
                  ELSE ''open'' END AS outcome,
             coalesce(c.deal_currency, '''') AS currency
        FROM c),
    daily AS (
      INSERT INTO lead_daily_rollups AS r
        (organization_id, metric, day, owner_key, source, outcome, currency, leads, valued, amount)
      SELECT k.organization_id, f.metric, f.day, k.owner_key, k.source, k.outcome, k.currency,
             sum(k.sign), coalesce(sum(k.sign) FILTER (WHERE k.deal_value IS NOT NULL), 0),
             coalesce(sum(k.sign * k.deal_value), 0)
        FROM keyed k
        CROSS JOIN LATERAL lead_rollup_facts(k.created_at, k.first_contacted_at, k.first_replied_at,
                                             k.won_at, k.lost_at) f
       GROUP BY 1, 2, 3, 4, 5, 6, 7
      HAVING sum(k.sign) <> 0 OR coalesce(sum(k.sign * k.deal_value), 0) <> 0
          OR coalesce(sum(k.sign) FILTER (WHERE k.deal_value IS NOT NULL), 0) <> 0
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
                 o.first_contacted_at, o.first_replied_at, o.won_at, o.lost_at, o.deal_value,
                 o.deal_currency, o.deleted_at IS NULL)
                IS DISTINCT FROM
                (n.organization_id, n.owner_id, n.source, n.status, n.created_at,
                 n.first_contacted_at, n.first_replied_at, n.won_at, n.lost_at, n.deal_value,
                 n.deal_currency, n.deleted_at IS NULL))
       SELECT -1 AS sign, (p.o).* FROM p WHERE (p.o).deleted_at IS NULL
       UNION ALL
       SELECT 1 AS sign, (p.n).* FROM p WHERE (p.n).deleted_at IS NULL');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Everything recomputed from the source rows (one organization, or all when p_org is null). The
-- rollups are locked first so writers wait and then apply their deltas on top of the rebuilt rows.
CREATE OR REPLACE FUNCTION rebuild_lead_rollups(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
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
  DELETE FROM lead_daily_rollups WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM lead_status_rollups WHERE p_org IS NULL OR organization_id = p_org;
  EXECUTE lead_rollups_statement(format(
    'SELECT 1 AS sign, l.* FROM leads l WHERE l.deleted_at IS NULL AND (%L::uuid IS NULL OR l.organization_id = %L::uuid)',
    p_org, p_org));
END $$;
--> statement-breakpoint
SELECT rebuild_lead_rollups(NULL);
--> statement-breakpoint
CREATE TRIGGER conversation_messages_first_contact_insert AFTER INSERT ON conversation_messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_messages_first_contact();
--> statement-breakpoint
CREATE TRIGGER conversation_messages_first_contact_update AFTER UPDATE ON conversation_messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_messages_first_contact();
--> statement-breakpoint
CREATE TRIGGER conversation_messages_first_contact_delete AFTER DELETE ON conversation_messages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_messages_first_contact();
--> statement-breakpoint
CREATE TRIGGER user_activities_first_contact_insert AFTER INSERT ON user_activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION user_activities_first_contact();
--> statement-breakpoint
CREATE TRIGGER user_activities_first_contact_update AFTER UPDATE ON user_activities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION user_activities_first_contact();
--> statement-breakpoint
CREATE TRIGGER user_activities_first_contact_delete AFTER DELETE ON user_activities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION user_activities_first_contact();
--> statement-breakpoint
CREATE TRIGGER leads_rollups_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_rollups_apply();
--> statement-breakpoint
CREATE TRIGGER leads_rollups_update AFTER UPDATE ON leads
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_rollups_apply();
--> statement-breakpoint
CREATE TRIGGER leads_rollups_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_rollups_apply();
