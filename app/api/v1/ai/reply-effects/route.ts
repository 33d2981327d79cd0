import {
  getReplyEffects,
  replyEffectsInput,
  replyEffectsSchema,
  updateReplyEffects,
} from "@/lib/ai/reply-effects-settings";
import { route } from "@/lib/http/route";

// GET /api/v1/ai/reply-effects — what a classified reply does to its lead, per category
export const GET = route(
  {
    summary: "What classified replies do",
    tags: ["AI"],
    auth: "ai_settings:read",
    responses: { 200: { description: "Reply effects", schema: replyEffectsSchema } },
  },
  ({ ctx }) => getReplyEffects(ctx),
);

// PUT /api/v1/ai/reply-effects — replace the reply effects (status keys checked)
export const PUT = route(
  {
    summary: "Set what classified replies do",
    tags: ["AI"],
    auth: "ai_settings:write",
    body: replyEffectsInput,
    responses: { 200: { description: "Reply effects", schema: replyEffectsSchema } },
  },
  ({ ctx, body }) => updateReplyEffects(ctx, body),
);
