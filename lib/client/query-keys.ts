/** One factory of TanStack Query keys per resource, so invalidations can't miss a variant. */
export const queryKeys = {
  me: ["me"] as const,
  organizations: ["organizations"] as const,
  organization: ["organization"] as const,
  members: {
    all: ["members"] as const,
    list: (params: Record<string, unknown>) => ["members", "list", params] as const,
  },
  apiKeys: {
    all: ["api-keys"] as const,
    list: (params: Record<string, unknown>) => ["api-keys", "list", params] as const,
  },
  auditLogs: (params: Record<string, unknown>) => ["audit-logs", params] as const,
  emails: {
    all: ["emails"] as const,
    list: (params: Record<string, unknown>) => ["emails", "list", params] as const,
    detail: (id: string) => ["emails", "detail", id] as const,
  },
  leads: {
    all: ["leads"] as const,
    list: (params: Record<string, unknown>) => ["leads", "list", params] as const,
    count: (params: Record<string, unknown>) => ["leads", "count", params] as const,
    detail: (id: string) => ["leads", "detail", id] as const,
    timeline: (id: string) => ["leads", "detail", id, "timeline"] as const,
    notes: (id: string) => ["leads", "detail", id, "notes"] as const,
    reminders: (id: string) => ["leads", "detail", id, "reminders"] as const,
    inquiries: (id: string) => ["leads", "detail", id, "inquiries"] as const,
    events: (id: string) => ["leads", "detail", id, "events"] as const,
    analytics: (id: string) => ["leads", "detail", id, "analytics"] as const,
    search: (q: string) => ["leads", "search", q] as const,
    stats: (params: Record<string, unknown>) => ["leads", "stats", params] as const,
  },
  leadOptions: ["lead-options"] as const,
  customFields: ["custom-fields"] as const,
  scoringRules: ["scoring-rules"] as const,
  imports: {
    all: ["imports"] as const,
    list: (params: Record<string, unknown>) => ["imports", "list", params] as const,
    detail: (id: string) => ["imports", "detail", id] as const,
  },
  savedViews: (resource: string) => ["saved-views", resource] as const,
  reminders: {
    all: ["reminders"] as const,
    list: (params: Record<string, unknown>) => ["reminders", "list", params] as const,
  },
  notifications: {
    all: ["notifications"] as const,
    list: (params: Record<string, unknown>) => ["notifications", "list", params] as const,
  },
  templates: {
    all: ["templates"] as const,
    list: (params: Record<string, unknown>) => ["templates", "list", params] as const,
    detail: (id: string) => ["templates", "detail", id] as const,
    categories: ["templates", "categories"] as const,
    render: (params: Record<string, unknown>) => ["templates", "render", params] as const,
  },
  mailboxes: ["mailboxes"] as const,
  campaigns: {
    all: ["campaigns"] as const,
    list: (params: Record<string, unknown>) => ["campaigns", "list", params] as const,
    detail: (id: string) => ["campaigns", "detail", id] as const,
    stats: (id: string) => ["campaigns", "detail", id, "stats"] as const,
    recipients: (id: string, params: Record<string, unknown>) =>
      ["campaigns", "detail", id, "recipients", params] as const,
    forLead: (leadId: string) => ["campaigns", "lead", leadId] as const,
  },
  emailSettings: ["email-settings"] as const,
};
