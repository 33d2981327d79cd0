-- Hand-written: the won-leads index carries what lifetime value reads about every won lead
-- (customer key, label, owner, source, deal), so LTV is an index-only scan of the won leads
-- instead of fetching tens of thousands of scattered lead rows (≈ 500 ms at 1M leads).
DROP INDEX IF EXISTS leads_org_won_idx;
--> statement-breakpoint
CREATE INDEX leads_org_won_idx ON leads (organization_id, won_at)
  INCLUDE (id, owner_id, source, company, display_name, deal_value, deal_currency)
  WHERE deleted_at IS NULL AND won_at IS NOT NULL;
