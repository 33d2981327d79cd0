-- Hand-written (issue 9): the people reports' rollups (db/schema/activity-rollups.ts) kept by
-- statement-level triggers — linear on huge statements like 0034/0035: every old row counts -1
-- and every new row +1 in one aggregated upsert, and rows whose keyed attributes did not change
-- cancel out (HAVING drops the zeros, so an ordinary edit writes nothing) — plus their rebuild and
-- backfill, and the indexes recent activity and the salesperson report's response time read.
CREATE OR REPLACE FUNCTION user_activity_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO user_activity_daily_rollups AS r (organization_id, day, user_id, kind, activities)
    SELECT n.organization_id, (n.occurred_at AT TIME ZONE 'UTC')::date, n.user_id, n.kind, count(*)
      FROM new_rows n
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (organization_id, day, user_id, kind) DO UPDATE
      SET activities = r.activities + excluded.activities;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO user_activity_daily_rollups AS r (organization_id, day, user_id, kind, activities)
    SELECT o.organization_id, (o.occurred_at AT TIME ZONE 'UTC')::date, o.user_id, o.kind, -count(*)
      FROM old_rows o
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (organization_id, day, user_id, kind) DO UPDATE
      SET activities = r.activities + excluded.activities;
  ELSE
    WITH deltas AS (
      SELECT o.organization_id, (o.occurred_at AT TIME ZONE 'UTC')::date AS day, o.user_id, o.kind,
             -1 AS delta
        FROM old_rows o
      UNION ALL
      SELECT n.organization_id, (n.occurred_at AT TIME ZONE 'UTC')::date, n.user_id, n.kind, 1
        FROM new_rows n)
    INSERT INTO user_activity_daily_rollups AS r (organization_id, day, user_id, kind, activities)
    SELECT organization_id, day, user_id, kind, sum(delta) FROM deltas
     GROUP BY 1, 2, 3, 4
    HAVING sum(delta) <> 0
    ON CONFLICT (organization_id, day, user_id, kind) DO UPDATE
      SET activities = r.activities + excluded.activities;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER user_activities_rollups_insert AFTER INSERT ON user_activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION user_activity_rollups_apply();
--> statement-breakpoint
CREATE TRIGGER user_activities_rollups_update AFTER UPDATE ON user_activities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_activity_rollups_apply();
--> statement-breakpoint
CREATE TRIGGER user_activities_rollups_delete AFTER DELETE ON user_activities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION user_activity_rollups_apply();
--> statement-breakpoint
-- A lead counts where it is live, owned and has an assignment date: one row per assignment day,
-- owner, source and whether it was contacted / won since.
CREATE OR REPLACE FUNCTION lead_assignment_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO lead_assignment_rollups AS r
      (organization_id, day, owner_id, source, contacted, converted, leads)
    SELECT n.organization_id, (n.assigned_at AT TIME ZONE 'UTC')::date, n.owner_id,
           coalesce(n.source, ''), n.first_contacted_at IS NOT NULL, n.won_at IS NOT NULL, count(*)
      FROM new_rows n
     WHERE n.deleted_at IS NULL AND n.owner_id IS NOT NULL AND n.assigned_at IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (organization_id, day, owner_id, source, contacted, converted) DO UPDATE
      SET leads = r.leads + excluded.leads;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO lead_assignment_rollups AS r
      (organization_id, day, owner_id, source, contacted, converted, leads)
    SELECT o.organization_id, (o.assigned_at AT TIME ZONE 'UTC')::date, o.owner_id,
           coalesce(o.source, ''), o.first_contacted_at IS NOT NULL, o.won_at IS NOT NULL, -count(*)
      FROM old_rows o
     WHERE o.deleted_at IS NULL AND o.owner_id IS NOT NULL AND o.assigned_at IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (organization_id, day, owner_id, source, contacted, converted) DO UPDATE
      SET leads = r.leads + excluded.leads;
  ELSE
    WITH deltas AS (
      SELECT o.organization_id, (o.assigned_at AT TIME ZONE 'UTC')::date AS day, o.owner_id,
             coalesce(o.source, '') AS source, o.first_contacted_at IS NOT NULL AS contacted,
             o.won_at IS NOT NULL AS converted, -1 AS delta
        FROM old_rows o
       WHERE o.deleted_at IS NULL AND o.owner_id IS NOT NULL AND o.assigned_at IS NOT NULL
      UNION ALL
      SELECT n.organization_id, (n.assigned_at AT TIME ZONE 'UTC')::date, n.owner_id,
             coalesce(n.source, ''), n.first_contacted_at IS NOT NULL, n.won_at IS NOT NULL, 1
        FROM new_rows n
       WHERE n.deleted_at IS NULL AND n.owner_id IS NOT NULL AND n.assigned_at IS NOT NULL)
    INSERT INTO lead_assignment_rollups AS r
      (organization_id, day, owner_id, source, contacted, converted, leads)
    SELECT organization_id, day, owner_id, source, contacted, converted, sum(delta) FROM deltas
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(delta) <> 0
    ON CONFLICT (organization_id, day, owner_id, source, contacted, converted) DO UPDATE
      SET leads = r.leads + excluded.leads;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER leads_assignment_rollups_insert AFTER INSERT ON leads
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_assignment_rollups_apply();
--> statement-breakpoint
CREATE TRIGGER leads_assignment_rollups_update AFTER UPDATE ON leads
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_assignment_rollups_apply();
--> statement-breakpoint
CREATE TRIGGER leads_assignment_rollups_delete AFTER DELETE ON leads
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_assignment_rollups_apply();
--> statement-breakpoint
-- Both rollups recomputed from the source rows (one organization, or all when p_org is null);
-- locked first so writers wait and then apply their deltas on top of the rebuilt rows. Called by
-- rebuildAnalyticsRollups after rebuild_lead_rollups (which settles leads' first contact).
CREATE OR REPLACE FUNCTION rebuild_activity_rollups(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE user_activity_daily_rollups, lead_assignment_rollups IN EXCLUSIVE MODE;
  DELETE FROM user_activity_daily_rollups WHERE p_org IS NULL OR organization_id = p_org;
  DELETE FROM lead_assignment_rollups WHERE p_org IS NULL OR organization_id = p_org;
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
END $$;
--> statement-breakpoint
SELECT rebuild_activity_rollups(NULL);
--> statement-breakpoint
-- Recent activity reads each kind newest first and stops after a page (top-N per kind, then
-- merged): status changes and human replies in time order, calls apart from the other acts.
CREATE INDEX IF NOT EXISTS lead_status_changes_org_changed_idx
  ON lead_status_changes (organization_id, changed_at, id) WHERE from_status IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS conversation_messages_org_reply_idx
  ON conversation_messages (organization_id, occurred_at, id) INCLUDE (lead_id)
  WHERE direction = 'inbound' AND coalesce(inbound_kind, 'human_reply') = 'human_reply';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS user_activities_org_call_idx
  ON user_activities (organization_id, occurred_at, id) INCLUDE (lead_id) WHERE kind = 'call';
--> statement-breakpoint
-- The salesperson report's response time: a person's first message to the lead after a reply is
-- one index probe (people's messages only; campaign mail has no author).
CREATE INDEX IF NOT EXISTS conversation_messages_org_answer_idx
  ON conversation_messages (organization_id, lead_id, author_user_id, occurred_at)
  WHERE direction = 'outbound' AND author_user_id IS NOT NULL;
