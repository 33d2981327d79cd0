-- Hand-written: the revenue rollup triggers (0039) checked that the organization still exists
-- once per changed row (PostgreSQL moves a HAVING without aggregates below the grouping): 5 s of a
-- 200,000-lead reassignment. Only deletes can come from deleting an organization, so only they
-- keep their rows of organizations that still exist, with one semi-join per statement.
CREATE OR REPLACE FUNCTION revenue_campaign_upserts(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('recipient_rollups AS (
      INSERT INTO campaign_recipient_rollups AS r
        (organization_id, campaign_id, owner_key, source, recipients)
      SELECT s.organization_id, s.campaign_id, s.owner_key, s.source, sum(s.sign)
        FROM %1$s s
       GROUP BY 1, 2, 3, 4
      HAVING sum(s.sign) <> 0
      ON CONFLICT (organization_id, campaign_id, owner_key, source) DO UPDATE
        SET recipients = r.recipients + excluded.recipients
      RETURNING 1)
    INSERT INTO campaign_won_rollups AS r
      (organization_id, campaign_id, day, owner_key, source, currency, leads, valued, amount)
    SELECT s.organization_id, s.campaign_id, (s.won_at AT TIME ZONE ''UTC'')::date, s.owner_key,
           s.source, s.currency, sum(s.sign),
           coalesce(sum(s.sign) FILTER (WHERE s.deal_value IS NOT NULL), 0),
           coalesce(sum(s.sign * s.deal_value), 0)
      FROM %1$s s
     WHERE s.won_at IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(s.sign) <> 0 OR coalesce(sum(s.sign * s.deal_value), 0) <> 0
        OR coalesce(sum(s.sign) FILTER (WHERE s.deal_value IS NOT NULL), 0) <> 0
    ON CONFLICT (organization_id, campaign_id, day, owner_key, source, currency) DO UPDATE
      SET leads = r.leads + excluded.leads, valued = r.valued + excluded.valued,
          amount = r.amount + excluded.amount', src)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION revenue_lead_statement(changes text, cancel boolean, campaigns boolean)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'WITH c AS (' || changes || '),
    d AS (
      SELECT c.id, c.organization_id, c.owner_key, c.source, c.status, c.won_at, c.deal_value,
             c.currency, c.expected_close_date, '
      || CASE WHEN cancel THEN 'sum(c.sign)::int AS sign FROM c
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(c.sign) <> 0),'
         ELSE 'c.sign FROM c),' END || '
    forecast AS (
      INSERT INTO lead_forecast_rollups AS r
        (organization_id, status, month, owner_key, source, currency, leads, valued, amount)
      SELECT d.organization_id, d.status,
             coalesce(to_char(d.expected_close_date, ''YYYY-MM-01''), ''''),
             d.owner_key, d.source, d.currency, sum(d.sign),
             coalesce(sum(d.sign) FILTER (WHERE d.deal_value IS NOT NULL), 0),
             coalesce(sum(d.sign * d.deal_value), 0)
        FROM d
       WHERE d.deal_value IS NOT NULL OR d.expected_close_date IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(d.sign) <> 0 OR coalesce(sum(d.sign * d.deal_value), 0) <> 0
          OR coalesce(sum(d.sign) FILTER (WHERE d.deal_value IS NOT NULL), 0) <> 0
      ON CONFLICT (organization_id, status, month, owner_key, source, currency) DO UPDATE
        SET leads = r.leads + excluded.leads, valued = r.valued + excluded.valued,
            amount = r.amount + excluded.amount
      RETURNING 1),
    s AS (
      SELECT d.sign, d.organization_id, cr.campaign_id, d.owner_key, d.source, d.won_at,
             d.deal_value, d.currency
        FROM d JOIN campaign_recipients cr
          ON cr.organization_id = d.organization_id AND cr.lead_id = d.id
       WHERE ' || campaigns::text || '),
    ' || revenue_campaign_upserts('s')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION revenue_rollups_leads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- New leads have no campaign recipients yet; deleted ones lost theirs in
  -- revenue_rollups_lead_removed, before the delete.
  IF TG_OP = 'INSERT' THEN
    EXECUTE revenue_lead_statement('SELECT 1 AS sign, ' || revenue_lead_columns('n') ||
      ' FROM new_rows n WHERE n.deleted_at IS NULL', false, false);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE revenue_lead_statement('SELECT -1 AS sign, ' || revenue_lead_columns('o') ||
      ' FROM old_rows o WHERE o.deleted_at IS NULL' ||
      ' AND o.organization_id IN (SELECT x.id FROM organizations x)', false, false);
  ELSE
    EXECUTE revenue_lead_statement('SELECT -1 AS sign, ' || revenue_lead_columns('o') ||
      ' FROM old_rows o WHERE o.deleted_at IS NULL UNION ALL SELECT 1 AS sign, ' ||
      revenue_lead_columns('n') || ' FROM new_rows n WHERE n.deleted_at IS NULL', true, true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION revenue_rollups_recipients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A recipient's state changes on every step sent; unchanged (campaign, lead) pairs cancel in g.
  IF TG_OP = 'INSERT' THEN
    EXECUTE revenue_recipient_statement(
      'SELECT 1 AS sign, n.organization_id, n.campaign_id, n.lead_id FROM new_rows n');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE revenue_recipient_statement(
      'SELECT -1 AS sign, o.organization_id, o.campaign_id, o.lead_id FROM old_rows o' ||
      ' WHERE o.organization_id IN (SELECT x.id FROM organizations x)');
  ELSE
    EXECUTE revenue_recipient_statement(
      'SELECT -1 AS sign, o.organization_id, o.campaign_id, o.lead_id FROM old_rows o' ||
      ' UNION ALL SELECT 1 AS sign, n.organization_id, n.campaign_id, n.lead_id FROM new_rows n');
  END IF;
  RETURN NULL;
END $$;
