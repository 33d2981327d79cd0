import { z } from "zod";
import { computeScore } from "@/lib/leads/scoring/compute-score";
import { getScoringConfig, scoringConfigSchema } from "@/lib/leads/scoring/scoring-config";
import { TEMPERATURES } from "@/db/schema";
import { route } from "@/lib/http/route";

const body = z
  .strictObject({
    config: scoringConfigSchema
      .optional()
      .meta({ description: "Rules to try (default: the saved ones)" }),
    lead: z.record(z.string(), z.unknown()).meta({ description: "A sample lead's fields" }),
    events: z
      .record(z.string(), z.number().int().min(0).max(1000))
      .optional()
      .meta({ description: 'Event counts, e.g. {"inquiry": 2}' }),
  })
  .meta({ id: "ScorePreview" });

const result = z.object({
  score: z.number().int(),
  temperature: z.enum(TEMPERATURES),
  breakdown: z.array(z.object({ rule: z.string(), label: z.string(), points: z.number() })),
});

// POST /api/v1/scoring-rules/preview — how a sample lead would score (saved or draft rules)
export const POST = route(
  {
    summary: "Preview a score",
    tags: ["Lead settings"],
    auth: "leads:read",
    body,
    responses: {
      200: { description: "The score, temperature and what contributed", schema: result },
    },
  },
  async ({ ctx, body }) => {
    const config = body.config ?? (await getScoringConfig(ctx.db, ctx.orgId));
    const now = new Date();
    const events = Object.fromEntries(
      Object.entries(body.events ?? {}).map(([type, n]) => [
        type,
        Array.from({ length: n }, () => now),
      ]),
    );
    return computeScore(config, body.lead, events, now);
  },
);
