import {
  getScoringConfig,
  saveScoringConfig,
  scoringConfigSchema,
} from "@/lib/leads/scoring/scoring-config";
import { assertCan } from "@/lib/auth/permissions";
import { route } from "@/lib/http/route";

// GET /api/v1/scoring-rules — how leads are scored
export const GET = route(
  {
    summary: "Get scoring rules",
    tags: ["Lead settings"],
    auth: "leads:read",
    responses: { 200: { description: "Rules, thresholds and decay", schema: scoringConfigSchema } },
  },
  ({ ctx }) => {
    assertCan(ctx, "leads:read");
    return getScoringConfig(ctx.db, ctx.orgId);
  },
);

// PUT /api/v1/scoring-rules — replace the rules; every lead is re-scored in the background
export const PUT = route(
  {
    summary: "Replace scoring rules",
    tags: ["Lead settings"],
    auth: "scoring_rules:write",
    body: scoringConfigSchema,
    responses: { 200: { description: "Saved", schema: scoringConfigSchema } },
  },
  ({ ctx, body }) => saveScoringConfig(ctx, body),
);
