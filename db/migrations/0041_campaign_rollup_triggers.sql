-- Hand-written: what keeps the campaign analytics rollups current (issue 9), so campaign, A/B and
-- email-performance reports sum a few thousand rows instead of aggregating millions of messages
-- and events per request (db/schema/campaign-rollups.ts).
--
-- A write to a source table names the facts it may have changed (messages, campaign × lead pairs);
-- those are recomputed from the source rows and written only where they differ. The facts tables'
-- own statement-level triggers turn every old fact into -1 and every new one into +1 per rollup
-- key (unchanged facts cancel), applied in one upsert per rollup: linear on huge statements, and
-- the two transition tables are never joined. Lead changes are found by comparing the new lead
-- rows with what the facts recorded (owner, source, deal), not with the old rows.
--
-- Definitions (lib/analytics/campaigns): campaign mail only (no test sends); a message belongs to
-- the moment it went out, or was created when it never did; human opens (opened_at); a reply on
-- the message or recorded only as an event; unsubscribes and complaints from events. A lead is a
-- recipient on the day of its first mail of the campaign; won on the day a live lead was won at or
-- after being added to the campaign; meeting on the day of its first meeting after being added.

CREATE VIEW campaign_mail_facts_source AS
SELECT m.organization_id, m.id AS message_id, m.campaign_id, m.lead_id,
       coalesce(m.sent_at, m.created_at) AS at,
       coalesce(m.step_id, '') AS step_id, coalesce(m.step_index, -1) AS step_index,
       coalesce(m.variant_id, '') AS variant_id,
       coalesce(l.owner_id, '00000000-0000-0000-0000-000000000000'::uuid) AS owner_key,
       coalesce(l.source, '') AS source,
       m.sent_at IS NOT NULL AS sent, m.bounced_at IS NOT NULL AS bounced,
       m.delivered_at IS NOT NULL AS delivered, m.opened_at IS NOT NULL AS opened,
       m.clicked_at IS NOT NULL AS clicked,
       (m.replied_at IS NOT NULL OR coalesce(ev.replied, false)) AS replied,
       coalesce(ev.unsubscribed, false) AS unsubscribed
  FROM email_messages m
  LEFT JOIN leads l ON l.organization_id = m.organization_id AND l.id = m.lead_id
  LEFT JOIN LATERAL (
    SELECT bool_or(e.type = 'replied') AS replied,
           bool_or(e.type IN ('unsubscribed', 'complained')) AS unsubscribed
      FROM email_events e
     WHERE e.organization_id = m.organization_id AND e.message_id = m.id
       AND e.campaign_id = m.campaign_id AND e.type IN ('replied', 'unsubscribed', 'complained')
  ) ev ON true
 WHERE m.organization_id IS NOT NULL AND m.kind = 'campaign' AND m.campaign_id IS NOT NULL;
--> statement-breakpoint
-- The facts of these (organization, message) pairs recomputed; only differing rows are written.
CREATE FUNCTION campaign_mail_facts_refresh(p_orgs uuid[], p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM campaign_mail_facts f
   USING unnest(p_orgs, p_ids) AS x(org, id)
   WHERE f.organization_id = x.org AND f.message_id = x.id
     AND NOT EXISTS (SELECT 1 FROM campaign_mail_facts_source s
                      WHERE s.organization_id = x.org AND s.message_id = x.id);
  INSERT INTO campaign_mail_facts AS f
    (organization_id, message_id, campaign_id, lead_id, at, step_id, step_index, variant_id,
     owner_key, source, sent, bounced, delivered, opened, clicked, replied, unsubscribed)
  SELECT s.organization_id, s.message_id, s.campaign_id, s.lead_id, s.at, s.step_id, s.step_index,
         s.variant_id, s.owner_key, s.source, s.sent, s.bounced, s.delivered, s.opened, s.clicked,
         s.replied, s.unsubscribed
    FROM (SELECT DISTINCT x.org, x.id FROM unnest(p_orgs, p_ids) AS x(org, id)) x
    JOIN campaign_mail_facts_source s ON s.organization_id = x.org AND s.message_id = x.id
  ON CONFLICT (organization_id, message_id) DO UPDATE SET
    campaign_id = excluded.campaign_id, lead_id = excluded.lead_id, at = excluded.at,
    step_id = excluded.step_id, step_index = excluded.step_index, variant_id = excluded.variant_id,
    owner_key = excluded.owner_key, source = excluded.source, sent = excluded.sent,
    bounced = excluded.bounced, delivered = excluded.delivered, opened = excluded.opened,
    clicked = excluded.clicked, replied = excluded.replied, unsubscribed = excluded.unsubscribed
  WHERE (f.campaign_id, f.lead_id, f.at, f.step_id, f.step_index, f.variant_id, f.owner_key,
         f.source, f.sent, f.bounced, f.delivered, f.opened, f.clicked, f.replied, f.unsubscribed)
        IS DISTINCT FROM
        (excluded.campaign_id, excluded.lead_id, excluded.at, excluded.step_id,
         excluded.step_index, excluded.variant_id, excluded.owner_key, excluded.source,
         excluded.sent, excluded.bounced, excluded.delivered, excluded.opened, excluded.clicked,
         excluded.replied, excluded.unsubscribed);
END $$;
--> statement-breakpoint
-- What a campaign × lead pair is now, for the pairs given (those the campaign never mailed: none).
CREATE FUNCTION campaign_lead_facts_of(p_orgs uuid[], p_campaigns uuid[], p_leads uuid[])
RETURNS TABLE (organization_id uuid, campaign_id uuid, lead_id uuid, first_at timestamptz,
               added_at timestamptz, meeting_at timestamptz, owner_key uuid, source text,
               live boolean, won_at timestamptz, deal_value numeric, deal_currency text)
LANGUAGE sql STABLE AS $$
  SELECT x.org, x.campaign, x.lead, fm.at, r.created_at, mt.at,
         coalesce(l.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(l.source, ''),
         l.id IS NOT NULL AND l.deleted_at IS NULL, l.won_at, l.deal_value, l.deal_currency
    FROM (SELECT DISTINCT u.org, u.campaign, u.lead
            FROM unnest(p_orgs, p_campaigns, p_leads) AS u(org, campaign, lead)) x
    CROSS JOIN LATERAL (
      SELECT min(coalesce(m.sent_at, m.created_at)) AS at FROM email_messages m
       WHERE m.organization_id = x.org AND m.lead_id = x.lead AND m.campaign_id = x.campaign
         AND m.kind = 'campaign') fm
    LEFT JOIN campaign_recipients r
      ON r.organization_id = x.org AND r.campaign_id = x.campaign AND r.lead_id = x.lead
    LEFT JOIN leads l ON l.organization_id = x.org AND l.id = x.lead
    LEFT JOIN LATERAL (
      SELECT min(a.occurred_at) AS at FROM user_activities a
       WHERE a.organization_id = x.org AND a.lead_id = x.lead AND a.occurred_at >= r.created_at
         AND (a.kind = 'meeting' OR (a.kind = 'call' AND a.outcome = 'meeting_booked'))) mt ON true
   WHERE fm.at IS NOT NULL
$$;
--> statement-breakpoint
CREATE FUNCTION campaign_lead_facts_refresh(p_orgs uuid[], p_campaigns uuid[], p_leads uuid[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM campaign_lead_facts f
   USING unnest(p_orgs, p_campaigns, p_leads) AS x(org, campaign, lead)
   WHERE f.organization_id = x.org AND f.campaign_id = x.campaign AND f.lead_id = x.lead
     AND NOT EXISTS (SELECT 1 FROM email_messages m
                      WHERE m.organization_id = x.org AND m.lead_id = x.lead
                        AND m.campaign_id = x.campaign AND m.kind = 'campaign');
  INSERT INTO campaign_lead_facts AS f
    (organization_id, campaign_id, lead_id, first_at, added_at, meeting_at, owner_key, source,
     live, won_at, deal_value, deal_currency)
  SELECT * FROM campaign_lead_facts_of(p_orgs, p_campaigns, p_leads)
  ON CONFLICT (organization_id, campaign_id, lead_id) DO UPDATE SET
    first_at = excluded.first_at, added_at = excluded.added_at, meeting_at = excluded.meeting_at,
    owner_key = excluded.owner_key, source = excluded.source, live = excluded.live,
    won_at = excluded.won_at, deal_value = excluded.deal_value,
    deal_currency = excluded.deal_currency
  WHERE (f.first_at, f.added_at, f.meeting_at, f.owner_key, f.source, f.live, f.won_at,
         f.deal_value, f.deal_currency)
        IS DISTINCT FROM
        (excluded.first_at, excluded.added_at, excluded.meeting_at, excluded.owner_key,
         excluded.source, excluded.live, excluded.won_at, excluded.deal_value,
         excluded.deal_currency);
END $$;
--> statement-breakpoint
-- The rows a statement changed, as a query a trigger EXECUTEs (transition tables are visible only
-- to the trigger function's own queries).
CREATE FUNCTION campaign_changed_rows(p_op text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_op WHEN 'INSERT' THEN 'SELECT * FROM new_rows'
                   WHEN 'DELETE' THEN 'SELECT * FROM old_rows'
                   ELSE 'SELECT * FROM old_rows UNION ALL SELECT * FROM new_rows' END
$$;
--> statement-breakpoint
-- Applying signed facts (`changes`: sign and the campaign_mail_facts columns) to both mail rollups.
CREATE FUNCTION campaign_mail_rollups_statement(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT 'WITH c AS (' || changes || $q$),
    daily AS (
      INSERT INTO campaign_mail_daily_rollups AS r
        (organization_id, day, campaign_id, step_index, step_id, variant_id, owner_key, source,
         sent, bounced, messages, delivered, opened, clicked, replied, unsubscribed)
      SELECT c.organization_id, (c.at AT TIME ZONE 'UTC')::date, c.campaign_id, c.step_index,
             c.step_id, c.variant_id, c.owner_key, c.source, c.sent, c.bounced, sum(c.sign),
             sum(c.sign * c.delivered::int), sum(c.sign * c.opened::int),
             sum(c.sign * c.clicked::int), sum(c.sign * c.replied::int),
             sum(c.sign * c.unsubscribed::int)
        FROM c
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      HAVING (sum(c.sign), sum(c.sign * c.delivered::int), sum(c.sign * c.opened::int),
              sum(c.sign * c.clicked::int), sum(c.sign * c.replied::int),
              sum(c.sign * c.unsubscribed::int)) <> (0, 0, 0, 0, 0, 0)
      ON CONFLICT (organization_id, day, campaign_id, step_index, step_id, variant_id, owner_key,
                   source, sent, bounced) DO UPDATE
        SET messages = r.messages + excluded.messages, delivered = r.delivered + excluded.delivered,
            opened = r.opened + excluded.opened, clicked = r.clicked + excluded.clicked,
            replied = r.replied + excluded.replied,
            unsubscribed = r.unsubscribed + excluded.unsubscribed
      RETURNING 1)
    INSERT INTO campaign_mail_hourly_rollups AS r
      (organization_id, hour, campaign_id, owner_key, source, sent, opened, clicked, replied, bounced)
    SELECT c.organization_id, date_trunc('hour', c.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
           c.campaign_id, c.owner_key, c.source, sum(c.sign), sum(c.sign * c.opened::int),
           sum(c.sign * c.clicked::int), sum(c.sign * c.replied::int), sum(c.sign * c.bounced::int)
      FROM c
     WHERE c.sent
     GROUP BY 1, 2, 3, 4, 5
    HAVING (sum(c.sign), sum(c.sign * c.opened::int), sum(c.sign * c.clicked::int),
            sum(c.sign * c.replied::int), sum(c.sign * c.bounced::int)) <> (0, 0, 0, 0, 0)
    ON CONFLICT (organization_id, hour, campaign_id, owner_key, source) DO UPDATE
      SET sent = r.sent + excluded.sent, opened = r.opened + excluded.opened,
          clicked = r.clicked + excluded.clicked, replied = r.replied + excluded.replied,
          bounced = r.bounced + excluded.bounced$q$
$fn$;
--> statement-breakpoint
-- Applying signed campaign × lead facts to campaign_lead_rollups.
CREATE FUNCTION campaign_lead_rollups_statement(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT 'WITH c AS (' || changes || $q$),
    f AS (
      SELECT c.sign, c.organization_id, c.campaign_id, c.owner_key, c.source, x.metric, x.day,
             x.currency, x.amount
        FROM c
        CROSS JOIN LATERAL (
          SELECT 'recipient' AS metric, (c.first_at AT TIME ZONE 'UTC')::date AS day,
                 '' AS currency, 0::numeric AS amount
          UNION ALL
          SELECT 'won', (c.won_at AT TIME ZONE 'UTC')::date, coalesce(c.deal_currency, ''),
                 coalesce(c.deal_value, 0)
           WHERE c.live AND c.won_at >= c.added_at
          UNION ALL
          SELECT 'meeting', (c.meeting_at AT TIME ZONE 'UTC')::date, '', 0
           WHERE c.live AND c.meeting_at IS NOT NULL) x)
    INSERT INTO campaign_lead_rollups AS r
      (organization_id, metric, day, campaign_id, owner_key, source, currency, leads, amount)
    SELECT f.organization_id, f.metric, f.day, f.campaign_id, f.owner_key, f.source, f.currency,
           sum(f.sign), sum(f.sign * f.amount)
      FROM f
     GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING (sum(f.sign), sum(f.sign * f.amount)) <> (0, 0)
    ON CONFLICT (organization_id, metric, day, campaign_id, owner_key, source, currency) DO UPDATE
      SET leads = r.leads + excluded.leads, amount = r.amount + excluded.amount$q$
$fn$;
--> statement-breakpoint
CREATE FUNCTION campaign_signed_rows(p_op text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_op WHEN 'INSERT' THEN 'SELECT 1 AS sign, n.* FROM new_rows n'
                   WHEN 'DELETE' THEN 'SELECT -1 AS sign, o.* FROM old_rows o'
                   ELSE 'SELECT -1 AS sign, o.* FROM old_rows o UNION ALL SELECT 1 AS sign, n.* FROM new_rows n' END
$$;
--> statement-breakpoint
CREATE FUNCTION campaign_mail_facts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE campaign_mail_rollups_statement(campaign_signed_rows(TG_OP));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION campaign_lead_facts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE campaign_lead_rollups_statement(campaign_signed_rows(TG_OP));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Campaign mail written: its facts, and its campaign × lead pairs (first mail).
CREATE FUNCTION campaign_rollups_messages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[]; ids uuid[]; campaigns uuid[]; leads uuid[];
BEGIN
  EXECUTE 'SELECT array_agg(x.organization_id), array_agg(x.id), array_agg(x.campaign_id),
                  array_agg(x.lead_id)
             FROM (' || campaign_changed_rows(TG_OP) || ') x
            WHERE x.kind = ''campaign'' AND x.campaign_id IS NOT NULL
              AND x.organization_id IS NOT NULL'
    INTO orgs, ids, campaigns, leads;
  IF ids IS NULL THEN RETURN NULL; END IF;
  PERFORM campaign_mail_facts_refresh(orgs, ids);
  -- Pairs without a lead are dropped by the lead-less join in campaign_lead_facts_of.
  PERFORM campaign_lead_facts_refresh(orgs, campaigns, leads);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A reply, unsubscribe or complaint event changes its message's facts.
CREATE FUNCTION campaign_rollups_events_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[]; ids uuid[];
BEGIN
  EXECUTE 'SELECT array_agg(x.organization_id), array_agg(x.message_id)
             FROM (' || campaign_changed_rows(TG_OP) || ') x
            WHERE x.campaign_id IS NOT NULL AND x.type IN (''replied'', ''unsubscribed'', ''complained'')'
    INTO orgs, ids;
  IF ids IS NOT NULL THEN PERFORM campaign_mail_facts_refresh(orgs, ids); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A lead's owner, source, deal or deletion moves its facts: the new rows are compared with what
-- the facts recorded (a deleted lead's facts are all recomputed).
CREATE FUNCTION campaign_rollups_leads_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rows_ text := CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
  orgs uuid[]; ids uuid[]; campaigns uuid[]; leads uuid[];
BEGIN
  EXECUTE 'SELECT array_agg(f.organization_id), array_agg(f.message_id)
             FROM ' || rows_ || ' n
             JOIN campaign_mail_facts f ON f.organization_id = n.organization_id AND f.lead_id = n.id
            WHERE $1 OR (f.owner_key, f.source) IS DISTINCT FROM
                  (coalesce(n.owner_id, ''00000000-0000-0000-0000-000000000000''::uuid),
                   coalesce(n.source, ''''))'
    INTO orgs, ids USING TG_OP = 'DELETE';
  IF ids IS NOT NULL THEN PERFORM campaign_mail_facts_refresh(orgs, ids); END IF;
  EXECUTE 'SELECT array_agg(f.organization_id), array_agg(f.campaign_id), array_agg(f.lead_id)
             FROM ' || rows_ || ' n
             JOIN campaign_lead_facts f ON f.organization_id = n.organization_id AND f.lead_id = n.id
            WHERE $1 OR (f.owner_key, f.source, f.live, f.won_at, f.deal_value, f.deal_currency)
                  IS DISTINCT FROM
                  (coalesce(n.owner_id, ''00000000-0000-0000-0000-000000000000''::uuid),
                   coalesce(n.source, ''''), n.deleted_at IS NULL, n.won_at, n.deal_value,
                   n.deal_currency)'
    INTO orgs, campaigns, leads USING TG_OP = 'DELETE';
  IF leads IS NOT NULL THEN PERFORM campaign_lead_facts_refresh(orgs, campaigns, leads); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Being added to (or removed from) a campaign moves the won and meeting facts of a mailed lead.
-- Recipients never change campaign or lead, so an update compares the new rows with the facts.
CREATE FUNCTION campaign_rollups_recipients_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rows_ text := CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
  orgs uuid[]; campaigns uuid[]; leads uuid[];
BEGIN
  EXECUTE 'SELECT array_agg(f.organization_id), array_agg(f.campaign_id), array_agg(f.lead_id)
             FROM ' || rows_ || ' n
             JOIN campaign_lead_facts f ON f.organization_id = n.organization_id
                                       AND f.campaign_id = n.campaign_id AND f.lead_id = n.lead_id
            WHERE $1 OR f.added_at IS DISTINCT FROM n.created_at'
    INTO orgs, campaigns, leads USING TG_OP = 'DELETE';
  IF leads IS NOT NULL THEN PERFORM campaign_lead_facts_refresh(orgs, campaigns, leads); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Meetings (and calls that booked one) move the meeting fact of the leads' campaign pairs.
CREATE FUNCTION campaign_rollups_activities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[]; campaigns uuid[]; leads uuid[];
BEGIN
  EXECUTE 'SELECT array_agg(f.organization_id), array_agg(f.campaign_id), array_agg(f.lead_id)
             FROM (SELECT DISTINCT x.organization_id, x.lead_id
                     FROM (' || campaign_changed_rows(TG_OP) || ') x
                    WHERE x.lead_id IS NOT NULL AND x.kind IN (''meeting'', ''call'')) n
             JOIN campaign_lead_facts f ON f.organization_id = n.organization_id AND f.lead_id = n.lead_id'
    INTO orgs, campaigns, leads;
  IF leads IS NOT NULL THEN PERFORM campaign_lead_facts_refresh(orgs, campaigns, leads); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Everything recomputed from the source rows (one organization, or all when p_org is null). The
-- facts and rollups are locked first so writers wait and then apply their changes on top.
CREATE FUNCTION rebuild_campaign_rollups(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[]; campaigns uuid[]; leads uuid[];
BEGIN
  LOCK TABLE campaign_mail_facts, campaign_lead_facts, campaign_mail_daily_rollups,
             campaign_mail_hourly_rollups, campaign_lead_rollups IN EXCLUSIVE MODE;
  DELETE FROM campaign_mail_facts WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM campaign_lead_facts WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM campaign_mail_daily_rollups WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM campaign_mail_hourly_rollups WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM campaign_lead_rollups WHERE p_org IS NULL OR organization_id = p_org;
  INSERT INTO campaign_mail_facts
    (organization_id, message_id, campaign_id, lead_id, at, step_id, step_index, variant_id,
     owner_key, source, sent, bounced, delivered, opened, clicked, replied, unsubscribed)
  SELECT s.organization_id, s.message_id, s.campaign_id, s.lead_id, s.at, s.step_id, s.step_index,
         s.variant_id, s.owner_key, s.source, s.sent, s.bounced, s.delivered, s.opened, s.clicked,
         s.replied, s.unsubscribed
    FROM campaign_mail_facts_source s
   WHERE p_org IS NULL OR s.organization_id = p_org;
  SELECT array_agg(p.organization_id), array_agg(p.campaign_id), array_agg(p.lead_id)
    INTO orgs, campaigns, leads
    FROM (SELECT DISTINCT f.organization_id, f.campaign_id, f.lead_id FROM campaign_mail_facts f
           WHERE f.lead_id IS NOT NULL AND (p_org IS NULL OR f.organization_id = p_org)) p;
  IF leads IS NOT NULL THEN
    INSERT INTO campaign_lead_facts
      (organization_id, campaign_id, lead_id, first_at, added_at, meeting_at, owner_key, source,
       live, won_at, deal_value, deal_currency)
    SELECT * FROM campaign_lead_facts_of(orgs, campaigns, leads);
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER campaign_mail_facts_insert AFTER INSERT ON campaign_mail_facts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_mail_facts_apply();
--> statement-breakpoint
CREATE TRIGGER campaign_mail_facts_update AFTER UPDATE ON campaign_mail_facts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_mail_facts_apply();
--> statement-breakpoint
CREATE TRIGGER campaign_mail_facts_delete AFTER DELETE ON campaign_mail_facts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_mail_facts_apply();
--> statement-breakpoint
CREATE TRIGGER campaign_lead_facts_insert AFTER INSERT ON campaign_lead_facts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_lead_facts_apply();
--> statement-breakpoint
CREATE TRIGGER campaign_lead_facts_update AFTER UPDATE ON campaign_lead_facts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_lead_facts_apply();
--> statement-breakpoint
CREATE TRIGGER campaign_lead_facts_delete AFTER DELETE ON campaign_lead_facts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_lead_facts_apply();
--> statement-breakpoint
SELECT rebuild_campaign_rollups(NULL);
--> statement-breakpoint
CREATE TRIGGER email_messages_campaign_rollups_insert AFTER INSERT ON email_messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_messages_changed();
--> statement-breakpoint
CREATE TRIGGER email_messages_campaign_rollups_update AFTER UPDATE ON email_messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_messages_changed();
--> statement-breakpoint
CREATE TRIGGER email_messages_campaign_rollups_delete AFTER DELETE ON email_messages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_messages_changed();
--> statement-breakpoint
CREATE TRIGGER email_events_campaign_rollups_insert AFTER INSERT ON email_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_events_changed();
--> statement-breakpoint
CREATE TRIGGER email_events_campaign_rollups_update AFTER UPDATE ON email_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_events_changed();
--> statement-breakpoint
CREATE TRIGGER email_events_campaign_rollups_delete AFTER DELETE ON email_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_events_changed();
--> statement-breakpoint
CREATE TRIGGER leads_campaign_rollups_insert AFTER INSERT ON leads
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_leads_changed();
--> statement-breakpoint
CREATE TRIGGER leads_campaign_rollups_update AFTER UPDATE ON leads
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_leads_changed();
--> statement-breakpoint
CREATE TRIGGER leads_campaign_rollups_delete AFTER DELETE ON leads
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_leads_changed();
--> statement-breakpoint
CREATE TRIGGER campaign_recipients_campaign_rollups_insert AFTER INSERT ON campaign_recipients
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_recipients_changed();
--> statement-breakpoint
CREATE TRIGGER campaign_recipients_campaign_rollups_update AFTER UPDATE ON campaign_recipients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_recipients_changed();
--> statement-breakpoint
CREATE TRIGGER campaign_recipients_campaign_rollups_delete AFTER DELETE ON campaign_recipients
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_recipients_changed();
--> statement-breakpoint
CREATE TRIGGER user_activities_campaign_rollups_insert AFTER INSERT ON user_activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_activities_changed();
--> statement-breakpoint
CREATE TRIGGER user_activities_campaign_rollups_update AFTER UPDATE ON user_activities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_activities_changed();
--> statement-breakpoint
CREATE TRIGGER user_activities_campaign_rollups_delete AFTER DELETE ON user_activities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_rollups_activities_changed();
