import type { Metadata } from "next";
import { ScoringSettings } from "@/components/settings/scoring/scoring-settings";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Scoring" };

export default async function ScoringPage() {
  const ctx = await requirePageCtx();
  return <ScoringSettings canEdit={can(ctx.role, "scoring_rules:write")} />;
}
