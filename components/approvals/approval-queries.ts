import type { z } from "zod";
import type {
  ApprovalDto,
  ApprovalRuleDto,
  ApprovalStats,
  approvalDetailSchema,
  testRuleResult,
} from "@/lib/approvals/approval-schemas";
import { apiFetch } from "@/lib/client/api";

export type { ApprovalDto, ApprovalRuleDto, ApprovalStats };
export type ApprovalDetail = z.infer<typeof approvalDetailSchema>;
export type RuleTestResult = z.infer<typeof testRuleResult>;

export type QueueTab = "pending" | "urgent" | "history";

export interface ApprovalPage {
  data: ApprovalDto[];
  pagination: { page: number | null; totalPages: number; total: number; nextCursor: string | null };
  stats: ApprovalStats;
}

/** One key space: any decision refreshes the queue, the stats, the nav count and the detail. */
export const approvalKeys = {
  all: ["approvals"] as const,
  list: (tab: QueueTab, page: number, mine: boolean) =>
    ["approvals", "list", tab, page, mine] as const,
  stats: ["approvals", "stats"] as const,
  detail: (id: string) => ["approvals", "detail", id] as const,
  rules: ["approvals", "rules"] as const,
};

export const fetchApprovals = (tab: QueueTab, page: number, mine: boolean, signal?: AbortSignal) =>
  apiFetch<ApprovalPage>("/approvals", {
    query: {
      status: tab === "history" ? "history" : "pending",
      urgent: tab === "urgent" ? "true" : undefined,
      assignee: mine ? "me" : undefined,
      page,
      perPage: 20,
    },
    signal,
  });

export const fetchApprovalStats = (signal?: AbortSignal) =>
  apiFetch<ApprovalStats>("/approvals/stats", { signal });

export const fetchApproval = (id: string, signal?: AbortSignal) =>
  apiFetch<ApprovalDetail>(`/approvals/${id}`, { signal });

export const fetchApprovalRules = (signal?: AbortSignal) =>
  apiFetch<{ data: ApprovalRuleDto[] }>("/approvals/rules", { signal });

export const TRIGGER_LABELS: Record<ApprovalRuleDto["trigger"], string> = {
  ai_drafted: "AI-drafted messages",
  first_message: "First message to a lead",
  positive_reply: "Messages to positive leads",
  all_messages: "Every message",
};

export const TIMEOUT_LABELS: Record<ApprovalRuleDto["timeoutAction"], string> = {
  send: "Send as drafted",
  skip: "Skip the message",
  stop: "Stop the lead's sequence",
};

export const STATUS_LABELS: Record<ApprovalDto["status"], string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  changes_requested: "Changes requested",
  expired: "Expired",
};
