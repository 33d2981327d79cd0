"use client";

import { useLeadOptions } from "@/lib/client/lead-hooks";

/** The org's statuses in the won category, for drill-downs to "won leads". */
export function useWonStatuses(): string | undefined {
  const statuses = useLeadOptions().data?.status;
  const won = statuses?.filter((s) => s.category === "won").map((s) => s.value);
  return won?.length ? won.join(",") : undefined;
}
