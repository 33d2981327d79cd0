-- Hand-written: won leads by customer (company trimmed and lower-cased, or the lead itself), so
-- lifetime value starts from the period's wins and probes each of their customers for an earlier
-- win, instead of reading every won lead of the organization.
CREATE INDEX IF NOT EXISTS leads_org_customer_won_idx
  ON leads (organization_id, (coalesce(nullif(lower(trim(company)), ''), id::text)), won_at)
  INCLUDE (owner_id, source, company, display_name, deal_value, deal_currency)
  WHERE deleted_at IS NULL AND won_at IS NOT NULL;
