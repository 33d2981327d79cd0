-- Hand-written (issue 9): reply_response_times follows the message log and the leads' owner and
-- source. Whatever changes, the affected leads' rows are recomputed from scratch (few replies per
-- lead), so the rows always equal the live definition: a human reply is answered by the lead's
-- owner's first message to the lead after it. Statement-level and linear on huge statements:
-- changed rows are found by summing signed old and new rows (the old and new transition tables
-- are never joined to each other — see 0034/0035).
CREATE OR REPLACE FUNCTION refresh_reply_response_times(p_orgs uuid[], p_leads uuid[])
RETURNS void LANGUAGE sql AS $$
  DELETE FROM reply_response_times t
   USING (SELECT DISTINCT org, lead FROM unnest(p_orgs, p_leads) AS x(org, lead)) x
   WHERE t.organization_id = x.org AND t.lead_id = x.lead;
  INSERT INTO reply_response_times
    (organization_id, replied_at, message_id, lead_id, owner_id, source, seconds)
  SELECT i.organization_id, i.occurred_at, i.id, i.lead_id, l.owner_id, coalesce(l.source, ''),
         extract(epoch FROM (r.next_at - i.occurred_at))::float8
    FROM (SELECT DISTINCT org, lead FROM unnest(p_orgs, p_leads) AS x(org, lead)) x
    JOIN leads l ON l.organization_id = x.org AND l.id = x.lead AND l.owner_id IS NOT NULL
    JOIN conversation_messages i ON i.organization_id = x.org AND i.lead_id = x.lead
    CROSS JOIN LATERAL (
      SELECT min(o.occurred_at) AS next_at FROM conversation_messages o
       WHERE o.organization_id = x.org AND o.lead_id = x.lead AND o.direction = 'outbound'
         AND o.author_user_id IS NOT NULL AND o.author_user_id = l.owner_id
         AND o.occurred_at > i.occurred_at) r
   WHERE i.direction = 'inbound' AND coalesce(i.inbound_kind, 'human_reply') = 'human_reply'
     AND r.next_at IS NOT NULL;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conversation_messages_reply_response() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  lead_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.organization_id), array_agg(n.lead_id) INTO orgs, lead_ids
      FROM new_rows n
     WHERE n.lead_id IS NOT NULL
       AND ((n.direction = 'inbound' AND coalesce(n.inbound_kind, 'human_reply') = 'human_reply')
         OR (n.direction = 'outbound' AND n.author_user_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o.organization_id), array_agg(o.lead_id) INTO orgs, lead_ids
      FROM old_rows o
     WHERE o.lead_id IS NOT NULL
       AND ((o.direction = 'inbound' AND coalesce(o.inbound_kind, 'human_reply') = 'human_reply')
         OR (o.direction = 'outbound' AND o.author_user_id IS NOT NULL));
  ELSE
    -- Only messages whose lead, direction, kind, author or time changed (a read receipt or a
    -- classification costs nothing here).
    WITH c AS (
      SELECT o.id, o.organization_id, o.lead_id, o.direction, o.inbound_kind, o.author_user_id,
             o.occurred_at, -1 AS sign
        FROM old_rows o
      UNION ALL
      SELECT n.id, n.organization_id, n.lead_id, n.direction, n.inbound_kind, n.author_user_id,
             n.occurred_at, 1
        FROM new_rows n),
    changed AS (
      SELECT c.organization_id, c.lead_id FROM c
       GROUP BY c.id, c.organization_id, c.lead_id, c.direction, c.inbound_kind, c.author_user_id,
                c.occurred_at
      HAVING sum(c.sign) <> 0)
    SELECT array_agg(organization_id), array_agg(lead_id) INTO orgs, lead_ids
      FROM changed WHERE lead_id IS NOT NULL;
  END IF;
  IF lead_ids IS NOT NULL THEN
    PERFORM refresh_reply_response_times(orgs, lead_ids);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER conversation_messages_reply_response_insert AFTER INSERT ON conversation_messages
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION conversation_messages_reply_response();
--> statement-breakpoint
CREATE TRIGGER conversation_messages_reply_response_update AFTER UPDATE ON conversation_messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION conversation_messages_reply_response();
--> statement-breakpoint
CREATE TRIGGER conversation_messages_reply_response_delete AFTER DELETE ON conversation_messages
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION conversation_messages_reply_response();
--> statement-breakpoint
-- A lead's rows carry its owner (whose messages answer) and source: refreshed when either changes.
-- A lead deleted for good takes its messages with it, and their delete trigger clears its rows.
CREATE OR REPLACE FUNCTION leads_reply_response() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  lead_ids uuid[];
BEGIN
  WITH c AS (
    SELECT o.id, o.organization_id, o.owner_id, o.source, -1 AS sign FROM old_rows o
    UNION ALL
    SELECT n.id, n.organization_id, n.owner_id, n.source, 1 FROM new_rows n),
  changed AS (
    SELECT DISTINCT c.organization_id, c.id FROM c
     GROUP BY c.id, c.organization_id, c.owner_id, c.source
    HAVING sum(c.sign) <> 0)
  SELECT array_agg(organization_id), array_agg(id) INTO orgs, lead_ids FROM changed;
  IF lead_ids IS NOT NULL THEN
    PERFORM refresh_reply_response_times(orgs, lead_ids);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER leads_reply_response_update AFTER UPDATE ON leads
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION leads_reply_response();
--> statement-breakpoint
-- The rebuild (npm run db:rebuild-rollups, via rebuildAnalyticsRollups) now also recomputes the
-- response times, set-based over the organization's replies.
CREATE OR REPLACE FUNCTION rebuild_activity_rollups(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE user_activity_daily_rollups, lead_assignment_rollups, reply_response_times
    IN EXCLUSIVE MODE;
  DELETE FROM user_activity_daily_rollups WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM lead_assignment_rollups WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM reply_response_times WHERE p_org IS NULL OR organization_id = p_org;
  EXECUTE format(
    'INSERT INTO user_activity_daily_rollups (organization_id, day, user_id, kind, activities)
     SELECT a.organization_id, (a.occurred_at AT TIME ZONE ''UTC'')::date, a.user_id, a.kind, count(*)
       FROM user_activities a WHERE %L::uuid IS NULL OR a.organization_id = %L::uuid
      GROUP BY 1, 2, 3, 4', p_org, p_org);
  EXECUTE format(
    'INSERT INTO lead_assignment_rollups
       (organization_id, day, owner_id, source, contacted, converted, leads)
     SELECT l.organization_id, (l.assigned_at AT TIME ZONE ''UTC'')::date, l.owner_id,
            coalesce(l.source, ''''), l.first_contacted_at IS NOT NULL, l.won_at IS NOT NULL, count(*)
       FROM leads l
      WHERE (%L::uuid IS NULL OR l.organization_id = %L::uuid)
        AND l.deleted_at IS NULL AND l.owner_id IS NOT NULL AND l.assigned_at IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6', p_org, p_org);
  EXECUTE format(
    'INSERT INTO reply_response_times
       (organization_id, replied_at, message_id, lead_id, owner_id, source, seconds)
     SELECT i.organization_id, i.occurred_at, i.id, i.lead_id, l.owner_id, coalesce(l.source, ''''),
            extract(epoch FROM (r.next_at - i.occurred_at))::float8
       FROM conversation_messages i
       JOIN leads l ON l.organization_id = i.organization_id AND l.id = i.lead_id
                   AND l.owner_id IS NOT NULL
       CROSS JOIN LATERAL (
         SELECT min(o.occurred_at) AS next_at FROM conversation_messages o
          WHERE o.organization_id = i.organization_id AND o.lead_id = i.lead_id
            AND o.direction = ''outbound'' AND o.author_user_id IS NOT NULL
            AND o.author_user_id = l.owner_id AND o.occurred_at > i.occurred_at) r
      WHERE (%L::uuid IS NULL OR i.organization_id = %L::uuid)
        AND i.direction = ''inbound'' AND coalesce(i.inbound_kind, ''human_reply'') = ''human_reply''
        AND r.next_at IS NOT NULL', p_org, p_org);
END $$;
--> statement-breakpoint
INSERT INTO reply_response_times
  (organization_id, replied_at, message_id, lead_id, owner_id, source, seconds)
SELECT i.organization_id, i.occurred_at, i.id, i.lead_id, l.owner_id, coalesce(l.source, ''),
       extract(epoch FROM (r.next_at - i.occurred_at))::float8
  FROM conversation_messages i
  JOIN leads l ON l.organization_id = i.organization_id AND l.id = i.lead_id
              AND l.owner_id IS NOT NULL
  CROSS JOIN LATERAL (
    SELECT min(o.occurred_at) AS next_at FROM conversation_messages o
     WHERE o.organization_id = i.organization_id AND o.lead_id = i.lead_id
       AND o.direction = 'outbound' AND o.author_user_id IS NOT NULL
       AND o.author_user_id = l.owner_id AND o.occurred_at > i.occurred_at) r
 WHERE i.direction = 'inbound' AND coalesce(i.inbound_kind, 'human_reply') = 'human_reply'
   AND r.next_at IS NOT NULL;
