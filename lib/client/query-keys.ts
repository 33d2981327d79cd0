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
};
