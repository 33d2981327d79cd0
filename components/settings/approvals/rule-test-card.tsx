"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { RuleTestResult } from "@/components/approvals/approval-queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { apiFetch, errorMessage } from "@/lib/client/api";

/** Try the policy on a sample message: which rule would hold it, and each rule's verdict. */
export function RuleTestCard() {
  const [facts, setFacts] = useState({
    aiDrafted: true,
    firstMessage: false,
    positiveReply: false,
  });
  const run = useMutation({
    mutationFn: () =>
      apiFetch<RuleTestResult>("/approvals/rules/test", { method: "POST", body: facts }),
  });
  const box = (key: keyof typeof facts, label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        checked={facts[key]}
        onChange={(e) => setFacts((f) => ({ ...f, [key]: e.target.checked }))}
      />
      {label}
    </label>
  );
  return (
    <Card title="Test the rules" description="Describe a message and see whether it would wait.">
      <form
        aria-label="Test the rules"
        className="flex flex-wrap items-center gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        {box("aiDrafted", "Drafted by AI")}
        {box("firstMessage", "First message to the lead")}
        {box("positiveReply", "The lead replied positively")}
        <Button type="submit" size="sm" loading={run.isPending}>
          Test
        </Button>
      </form>
      {run.error && (
        <Alert tone="error" className="mt-3">
          {errorMessage(run.error)}
        </Alert>
      )}
      {run.data && (
        <div className="mt-3 space-y-2 text-sm" role="status" aria-label="Test result">
          <p className="font-medium">
            {run.data.held ? `Held for approval — ${run.data.reason}` : run.data.reason}
          </p>
          {run.data.evaluated.length > 0 && (
            <ul className="list-inside list-disc text-slate-600 dark:text-slate-400">
              {run.data.evaluated.map((v) => (
                <li key={v.ruleId}>
                  {v.name}: {v.matched ? "applies" : "doesn't apply"} ({v.why})
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}
