import type { OptionKind } from "@/db/schema";

export interface DefaultOption {
  value: string;
  label: string;
  category?: "open" | "won" | "lost";
}

/**
 * What a new organization starts with (admins edit them in Settings). Statuses are the ordered
 * pipeline: open stages, then the won and lost outcomes.
 */
export const DEFAULT_OPTIONS: Record<OptionKind, DefaultOption[]> = {
  status: [
    { value: "new", label: "New", category: "open" },
    { value: "contacted", label: "Contacted", category: "open" },
    { value: "qualified", label: "Qualified", category: "open" },
    { value: "demo", label: "Demo", category: "open" },
    { value: "proposal", label: "Proposal", category: "open" },
    { value: "trial", label: "Trial", category: "open" },
    { value: "won", label: "Won", category: "won" },
    { value: "lost", label: "Lost", category: "lost" },
  ],
  source: [
    { value: "website", label: "Website" },
    { value: "referral", label: "Referral" },
    { value: "inbound_email", label: "Inbound email" },
    { value: "import", label: "Import" },
    { value: "api", label: "API" },
    { value: "manual", label: "Manual" },
    { value: "facebook", label: "Facebook" },
    { value: "linkedin", label: "LinkedIn" },
    { value: "google_maps", label: "Google Maps" },
    { value: "craigslist", label: "Craigslist" },
    { value: "other", label: "Other" },
  ],
  industry: [
    { value: "real_estate", label: "Real estate" },
    { value: "software", label: "Software" },
    { value: "it_services", label: "IT services" },
    { value: "finance", label: "Finance" },
    { value: "insurance", label: "Insurance" },
    { value: "healthcare", label: "Healthcare" },
    { value: "retail", label: "Retail" },
    { value: "manufacturing", label: "Manufacturing" },
    { value: "construction", label: "Construction" },
    { value: "education", label: "Education" },
    { value: "hospitality", label: "Hospitality" },
    { value: "marketing", label: "Marketing & advertising" },
    { value: "logistics", label: "Logistics" },
    { value: "legal", label: "Legal" },
    { value: "nonprofit", label: "Non-profit" },
    { value: "other", label: "Other" },
  ],
  lost_reason: [
    { value: "budget", label: "Budget" },
    { value: "timing", label: "Timing" },
    { value: "competitor", label: "Went with a competitor" },
    { value: "no_response", label: "No response" },
    { value: "not_a_fit", label: "Not a fit" },
    { value: "no_decision", label: "No decision" },
    { value: "other", label: "Other" },
  ],
};
