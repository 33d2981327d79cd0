"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { errorMessage } from "@/lib/client/api";
import { aiKeys, fetchLlmUsage, type LlmUsageReport } from "./ai-queries";

type PurposeRow = LlmUsageReport["byPurpose"][number];

const PURPOSE_LABELS: Record<string, string> = {
  test_prompt: "Test prompts",
  classify_reply: "Reply classification",
};

const n = (v: number) => v.toLocaleString();

const columns: Column<PurposeRow>[] = [
  { key: "purpose", header: "Purpose", cell: (r) => PURPOSE_LABELS[r.purpose] ?? r.purpose },
  { key: "calls", header: "Calls", cell: (r) => n(r.calls) },
  { key: "in", header: "Input tokens", cell: (r) => n(r.inputTokens) },
  { key: "out", header: "Output tokens", cell: (r) => n(r.outputTokens) },
  { key: "total", header: "Total tokens", cell: (r) => n(r.totalTokens) },
  { key: "latency", header: "Avg latency", cell: (r) => `${n(r.avgLatencyMs)} ms` },
  { key: "errors", header: "Failed", cell: (r) => n(r.errors) },
];

/** Admins: this month's AI calls and tokens per purpose. */
export function UsageCard() {
  const usage = useQuery({
    queryKey: aiKeys.usage,
    queryFn: ({ signal }) => fetchLlmUsage(signal),
  });
  return (
    <Card
      title="Usage this month"
      description={
        usage.data
          ? `${n(usage.data.totals.calls)} calls, ${n(usage.data.totals.totalTokens)} tokens`
          : undefined
      }
    >
      {usage.error ? (
        <Alert tone="error">{errorMessage(usage.error)}</Alert>
      ) : (
        <DataTable
          caption="AI usage per purpose"
          columns={columns}
          rows={usage.data?.byPurpose}
          rowKey={(r) => r.purpose}
          loading={usage.isLoading}
          empty="No AI calls this month."
        />
      )}
    </Card>
  );
}
