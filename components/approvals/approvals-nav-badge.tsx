"use client";

import { useQuery } from "@tanstack/react-query";
import { approvalKeys, fetchApprovalStats } from "./approval-queries";

/** The nav's count of messages waiting for approval (hidden at zero). */
export function ApprovalsNavBadge() {
  const stats = useQuery({
    queryKey: approvalKeys.stats,
    queryFn: ({ signal }) => fetchApprovalStats(signal),
    refetchInterval: 60_000,
  });
  const pending = stats.data?.pending ?? 0;
  if (pending === 0) return null;
  return (
    <span
      data-testid="nav-pending-approvals"
      className="ml-auto min-w-5 rounded-full bg-amber-500 px-1.5 text-center text-xs font-semibold leading-5 text-white"
    >
      {pending > 99 ? "99+" : pending}
      <span className="sr-only"> waiting for approval</span>
    </span>
  );
}
