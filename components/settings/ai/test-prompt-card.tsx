"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { aiKeys, type TestPromptResult } from "./ai-queries";

/** Admins: a raw prompt to the configured model, to check the setup works before relying on it. */
export function TestPromptCard() {
  const client = useQueryClient();
  const [prompt, setPrompt] = useState("Reply with the single word: pong");
  const run = useMutation({
    mutationFn: (body: { prompt: string }) =>
      apiFetch<TestPromptResult>("/llm/test-prompt", { method: "POST", body }),
    // The call counts towards usage and the budget.
    onSettled: () => void client.invalidateQueries({ queryKey: aiKeys.all }),
  });
  return (
    <Card title="Test prompt" description="Sends the prompt as is and shows the raw answer.">
      <form
        className="space-y-3"
        aria-label="Test prompt"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate({ prompt });
        }}
      >
        <label className="block space-y-1.5">
          <span className="block text-sm font-medium text-slate-700 dark:text-slate-300">
            Prompt
          </span>
          <textarea
            className={inputClass}
            rows={3}
            maxLength={8000}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            required
          />
        </label>
        <Button type="submit" loading={run.isPending}>
          Send test prompt
        </Button>
      </form>
      {run.error && (
        <Alert tone="error" className="mt-3">
          {errorMessage(run.error)}
        </Alert>
      )}
      {run.data && (
        <div className="mt-3 space-y-2" aria-label="Test prompt answer">
          <pre className="whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-950">
            {run.data.text}
          </pre>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {run.data.provider} · {run.data.model} · {run.data.latencyMs} ms ·{" "}
            {run.data.usage.inputTokens} in / {run.data.usage.outputTokens} out ={" "}
            {run.data.usage.totalTokens} tokens
          </p>
        </div>
      )}
    </Card>
  );
}
