-- Hand-written: the rollup trigger and the rebuild carry only the columns the rollups read. Whole
-- lead rows (search text, custom fields, notes) made a statement touching half a million leads
-- spill gigabytes to temporary files — found applying 0032 to the 1M-lead benchmark database.
CREATE OR REPLACE FUNCTION lead_rollup_columns(alias text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('%1$s.organization_id, %1$s.owner_id, %1$s.source, %1$s.status, %1$s.created_at, '
    '%1$s.first_contacted_at, %1$s.first_replied_at, %1$s.qualified_at, %1$s.won_at, '
    '%1$s.lost_at, %1$s.deal_value, %1$s.deal_currency', alias)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := '(o.organization_id, o.owner_id, o.source, o.status, o.created_at,
                    o.first_contacted_at, o.first_replied_at, o.qualified_at, o.won_at, o.lost_at,
                    o.deal_value, o.deal_currency, o.deleted_at IS NULL)
                   IS DISTINCT FROM
                   (n.organization_id, n.owner_id, n.source, n.status, n.created_at,
                    n.first_contacted_at, n.first_replied_at, n.qualified_at, n.won_at, n.lost_at,
                    n.deal_value, n.deal_currency, n.deleted_at IS NULL)';
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE lead_rollups_statement(
      'SELECT 1 AS sign, ' || lead_rollup_columns('n') || ' FROM new_rows n WHERE n.deleted_at IS NULL');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE lead_rollups_statement(
      'SELECT -1 AS sign, ' || lead_rollup_columns('o') || ' FROM old_rows o WHERE o.deleted_at IS NULL');
  ELSE
    -- Only rows whose rolled-up attributes changed; most edits cost nothing here.
    EXECUTE lead_rollups_statement(
      'SELECT -1 AS sign, ' || lead_rollup_columns('o') ||
      ' FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.deleted_at IS NULL AND ' || changed ||
      ' UNION ALL SELECT 1 AS sign, ' || lead_rollup_columns('n') ||
      ' FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.deleted_at IS NULL AND ' || changed);
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
    'SELECT 1 AS sign, %s FROM leads l WHERE l.deleted_at IS NULL AND (%L::uuid IS NULL OR l.organization_id = %L::uuid)',
    lead_rollup_columns('l'), p_org, p_org));
END $$;
