"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/client/api";
import { aiKeys, fetchLlmProviders } from "./ai-queries";
import { ModeBanner } from "./mode-banner";
import { ProviderForm } from "./provider-form";
import { ReplyEffectsCard } from "./reply-effects-form";
import { TestPromptCard } from "./test-prompt-card";
import { UsageCard } from "./usage-card";

/**
 * Settings → AI: the mode, the provider setup, what replies do, a test prompt and usage (the last
 * two: admins).
 */
export function AiSettings({ canManage }: { canManage: boolean }) {
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string }>();
  const settings = useQuery({
    queryKey: aiKeys.providers,
    queryFn: ({ signal }) => fetchLlmProviders(signal),
  });
  if (settings.error) return <Alert tone="error">{errorMessage(settings.error)}</Alert>;
  if (!settings.data) return <p className="text-sm">Loading…</p>;
  const data = settings.data;
  return (
    <div className="space-y-6">
      <ModeBanner settings={data} />
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {/* Keyed by what was saved, so the form re-reads the stored values after a save. */}
      <ProviderForm
        key={JSON.stringify([
          data.active,
          data.budget.monthlyTokenBudget,
          data.reviewThreshold,
          data.providers,
        ])}
        settings={data}
        canManage={canManage}
        notify={(tone, text) => setNotice({ tone, text })}
      />
      <ReplyEffectsCard canManage={canManage} notify={(tone, text) => setNotice({ tone, text })} />
      {canManage && <TestPromptCard />}
      {canManage && <UsageCard />}
    </div>
  );
}
