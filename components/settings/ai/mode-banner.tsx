import { Alert } from "@/components/ui/alert";
import type { LlmProviders } from "./ai-queries";

const OFFLINE_REASONS: Record<NonNullable<LlmProviders["offlineReason"]>, string> = {
  not_configured: "No AI provider is configured.",
  over_budget:
    "This month's token budget is used up; AI calls resume next month or when it is raised.",
  unusable_settings: "The stored AI settings can't be used — enter the API key again.",
};

/** Says which engine answers right now: a provider's model, or the built-in offline mode. */
export function ModeBanner({ settings }: { settings: LlmProviders }) {
  const label = (id: string) => settings.providers.find((p) => p.id === id)?.label ?? id;
  if (settings.mode === "offline") {
    return (
      <Alert tone="info">
        <p className="font-medium">Offline mode — built-in classifier and template drafts</p>
        {settings.offlineReason && (
          <p className="text-sm">{OFFLINE_REASONS[settings.offlineReason]}</p>
        )}
      </Alert>
    );
  }
  const active = settings.active!;
  return (
    <Alert tone="success">
      <p className="font-medium">
        AI provider: {label(active.provider)} · model {active.model}
      </p>
      <p className="text-sm">
        {active.source === "organization"
          ? "Set for this organization."
          : "The installation's default provider (set by the server's LLM_* settings)."}
      </p>
    </Alert>
  );
}
