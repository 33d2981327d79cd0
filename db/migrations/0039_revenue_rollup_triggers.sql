-- Hand-written: the revenue rollups (db/schema/revenue-rollups.ts) kept by statement-level
-- triggers on leads and campaign_recipients, linear on huge statements like the lead rollups
-- (0034, 0035): every old row counts -1 and every new row +1, never pairing the two transition
-- tables. A leads update first sums the signs per lead and its rolled-up attributes, so leads
-- whose owner, source, status, win, deal and close date did not change cancel out before the
-- join to their campaign recipients, and an ordinary edit writes nothing.
CREATE OR REPLACE FUNCTION revenue_lead_columns(alias text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('%1$s.id, %1$s.organization_id, '
    'coalesce(%1$s.owner_id, ''00000000-0000-0000-0000-000000000000''::uuid) AS owner_key, '
    'coalesce(%1$s.source, '''') AS source, %1$s.status, %1$s.won_at, %1$s.deal_value, '
    'coalesce(%1$s.deal_currency, '''') AS currency, %1$s.expected_close_date', alias)
$$;
--> statement-breakpoint
-- Deleting an organization cascades to its leads and recipients after the organization row is
-- gone (and its rollups with it): their triggers must not write rows for it again.
CREATE OR REPLACE FUNCTION revenue_rollup_org_exists(p_org uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM organizations o WHERE o.id = p_org)
$$;
--> statement-breakpoint
-- The two campaign rollups' upserts from a relation of (sign, organization_id, campaign_id,
-- owner_key, source, won_at, deal_value, currency): one row per recipient and sign.
CREATE OR REPLACE FUNCTION revenue_campaign_upserts(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('recipient_rollups AS (
      INSERT INTO campaign_recipient_rollups AS r
        (organization_id, campaign_id, owner_key, source, recipients)
      SELECT s.organization_id, s.campaign_id, s.owner_key, s.source, sum(s.sign)
        FROM %1$s s
       GROUP BY 1, 2, 3, 4
      HAVING sum(s.sign) <> 0 AND revenue_rollup_org_exists(s.organization_id)
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
    HAVING (sum(s.sign) <> 0 OR coalesce(sum(s.sign * s.deal_value), 0) <> 0
        OR coalesce(sum(s.sign) FILTER (WHERE s.deal_value IS NOT NULL), 0) <> 0)
       AND revenue_rollup_org_exists(s.organization_id)
    ON CONFLICT (organization_id, campaign_id, day, owner_key, source, currency) DO UPDATE
      SET leads = r.leads + excluded.leads, valued = r.valued + excluded.valued,
          amount = r.amount + excluded.amount', src)
$$;
--> statement-breakpoint
-- Lead rows with a sign (revenue_lead_columns) → the forecast rollup and, when `campaigns`, the
-- campaign rollups of their recipients. `cancel` sums the signs per lead first (updates).
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
      HAVING (sum(d.sign) <> 0 OR coalesce(sum(d.sign * d.deal_value), 0) <> 0
          OR coalesce(sum(d.sign) FILTER (WHERE d.deal_value IS NOT NULL), 0) <> 0)
         AND revenue_rollup_org_exists(d.organization_id)
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
      ' FROM old_rows o WHERE o.deleted_at IS NULL', false, false);
  ELSE
    EXECUTE revenue_lead_statement('SELECT -1 AS sign, ' || revenue_lead_columns('o') ||
      ' FROM old_rows o WHERE o.deleted_at IS NULL UNION ALL SELECT 1 AS sign, ' ||
      revenue_lead_columns('n') || ' FROM new_rows n WHERE n.deleted_at IS NULL', true, true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Row-level on purpose, and only for hard deletes of live leads (rare: the product soft-deletes):
-- by the time a statement trigger runs, the cascade has removed the lead's recipients and the
-- recipients' trigger no longer sees the lead, so neither could take them out of the rollups.
-- Removing the recipients first, while the lead is still there, lets their own trigger do it.
CREATE OR REPLACE FUNCTION revenue_rollups_lead_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF revenue_rollup_org_exists(OLD.organization_id) THEN
    DELETE FROM campaign_recipients WHERE organization_id = OLD.organization_id AND lead_id = OLD.id;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION revenue_recipient_statement(changes text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'WITH c AS (' || changes || '),
    g AS (
      SELECT c.organization_id, c.campaign_id, c.lead_id, sum(c.sign)::int AS sign
        FROM c GROUP BY 1, 2, 3 HAVING sum(c.sign) <> 0),
    s AS (
      SELECT g.sign, g.organization_id, g.campaign_id,
             coalesce(l.owner_id, ''00000000-0000-0000-0000-000000000000''::uuid) AS owner_key,
             coalesce(l.source, '''') AS source, l.won_at, l.deal_value,
             coalesce(l.deal_currency, '''') AS currency
        FROM g JOIN leads l ON l.organization_id = g.organization_id AND l.id = g.lead_id
       WHERE l.deleted_at IS NULL),
    ' || revenue_campaign_upserts('s')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION revenue_rollups_recipients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A recipient's state changes on every step sent; unchanged (campaign, lead) pairs cancel in g.
  IF TG_OP = 'INSERT' THEN
    EXECUTE revenue_recipient_statement(
      'SELECT 1 AS sign, n.organization_id, n.campaign_id, n.lead_id FROM new_rows n');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE revenue_recipient_statement(
      'SELECT -1 AS sign, o.organization_id, o.campaign_id, o.lead_id FROM old_rows o');
  ELSE
    EXECUTE revenue_recipient_statement(
      'SELECT -1 AS sign, o.organization_id, o.campaign_id, o.lead_id FROM old_rows o' ||
      ' UNION ALL SELECT 1 AS sign, n.organization_id, n.campaign_id, n.lead_id FROM new_rows n');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_revenue_rollups(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE campaign_recipient_rollups, campaign_won_rollups, lead_forecast_rollups
    IN EXCLUSIVE MODE;
  DELETE FROM campaign_recipient_rollups WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM campaign_won_rollups WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM lead_forecast_rollups WHERE p_org IS NULL OR organization_id = p_org;
  EXECUTE revenue_lead_statement(format(
    'SELECT 1 AS sign, %s FROM leads l WHERE l.deleted_at IS NULL AND (%L::uuid IS NULL OR l.organization_id = %L::uuid)',
    revenue_lead_columns('l'), p_org, p_org), false, true);
END $$;
--> statement-breakpoint
CREATE TRIGGER leads_revenue_rollups_insert AFTER INSERT ON leads
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollups_leads();
--> statement-breakpoint
CREATE TRIGGER leads_revenue_rollups_update AFTER UPDATE ON leads
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollups_leads();
--> statement-breakpoint
CREATE TRIGGER leads_revenue_rollups_delete AFTER DELETE ON leads
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollups_leads();
--> statement-breakpoint
CREATE TRIGGER leads_revenue_rollups_remove BEFORE DELETE ON leads
  FOR EACH ROW WHEN (OLD.deleted_at IS NULL) EXECUTE FUNCTION revenue_rollups_lead_removed();
--> statement-breakpoint
CREATE TRIGGER campaign_recipients_revenue_rollups_insert AFTER INSERT ON campaign_recipients
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollups_recipients();
--> statement-breakpoint
CREATE TRIGGER campaign_recipients_revenue_rollups_update AFTER UPDATE ON campaign_recipients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollups_recipients();
--> statement-breakpoint
CREATE TRIGGER campaign_recipients_revenue_rollups_delete AFTER DELETE ON campaign_recipients
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollups_recipients();
--> statement-breakpoint
SELECT rebuild_revenue_rollups(NULL);
