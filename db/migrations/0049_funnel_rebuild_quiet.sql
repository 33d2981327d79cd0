-- Hand-written (issue 9): the funnel rebuild rewrites the leads' status paths without firing the
-- other leads triggers. No other rollup reads the paths, so those triggers would only add and
-- subtract the same numbers for every lead rewritten — 20,000 leads took 20 s through them, so a
-- rebuild after a bulk load of a million leads would spend a quarter of an hour on nothing. Only
-- this session's one statement runs without them (session_replication_role, when the role may
-- set it); concurrent writers keep theirs, and the entries rollup is recounted right after.
CREATE OR REPLACE FUNCTION rebuild_funnel_rollups(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  role text := current_setting('session_replication_role');
BEGIN
  LOCK TABLE lead_status_entry_rollups IN EXCLUSIVE MODE;
  BEGIN
    PERFORM set_config('session_replication_role', 'replica', true);
  EXCEPTION WHEN insufficient_privilege THEN
    NULL;
  END;
  EXECUTE lead_status_path_statement(format(
    'SELECT l.organization_id, l.id AS lead_id FROM leads l WHERE %L::uuid IS NULL OR l.organization_id = %L::uuid',
    p_org, p_org));
  PERFORM set_config('session_replication_role', role, true);
  DELETE FROM lead_status_entry_rollups WHERE p_org IS NULL OR organization_id = p_org;
  EXECUTE lead_status_entries_statement(format(
    'SELECT 1 AS sign, %s FROM leads l WHERE l.deleted_at IS NULL AND cardinality(l.status_path) > 0'
    ' AND (%L::uuid IS NULL OR l.organization_id = %L::uuid)',
    lead_status_entry_columns('l'), p_org, p_org));
END $$;
