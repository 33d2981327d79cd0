-- Hand-written: leads_refresh_qualified (0032) probes each changed lead's history for its first
-- entry into the qualified status. With the status in the WHERE clause, two indexes matched —
-- (organization, lead, changed_at) and (organization, to_status, changed_at) — and after a bulk
-- insert into a history table analysed while empty the planner took the second and scanned every
-- qualified entry of the organization per lead (a 20k-row insert: 7 minutes). The status moves
-- into the aggregate's FILTER, so only the (organization, lead) index matches, whatever the
-- statistics say; the organization's qualified status is looked up once per lead.
CREATE OR REPLACE FUNCTION leads_refresh_qualified(p_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE leads l SET qualified_at = f.at
    FROM (
      SELECT x.id,
             (SELECT min(c.changed_at) FILTER (WHERE c.to_status = s.qualified)
                FROM lead_status_changes c
               WHERE c.organization_id = x.organization_id AND c.lead_id = x.id) AS at
        FROM (SELECT DISTINCT unnest(p_ids) AS id) ids
        JOIN leads x ON x.id = ids.id
        CROSS JOIN LATERAL (SELECT org_qualified_status(x.organization_id) AS qualified) s
    ) f
   WHERE l.id = f.id AND l.qualified_at IS DISTINCT FROM f.at
$$;
