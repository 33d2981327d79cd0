import { z } from "zod";
import { aiSettings, TEMPERATURES, type ReplyEffect } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { loadLeadOptions } from "@/lib/leads/lead-options";
import { replySettings } from "./apply-reply-effects";
import { REPLY_CATEGORIES, type ReplyCategory } from "./reply-classification";

/** What one reply category does to its lead; null/false: nothing. */
export const replyEffectSchema = z
  .strictObject({
    status: z.string().trim().min(1).max(100).nullable().meta({
      description: "A lead status key to move the lead to (null: no change)",
    }),
    temperature: z.enum(TEMPERATURES).nullable(),
    notifyOwner: z.boolean(),
  })
  .meta({ id: "ReplyEffect" });
export type ReplyEffectDto = z.infer<typeof replyEffectSchema>;

export const replyEffectsInput = z
  .strictObject({
    effects: z.partialRecord(z.enum(REPLY_CATEGORIES), replyEffectSchema).meta({
      description: "Per reply category; a category left out does nothing",
    }),
    createReferralLeads: z.boolean(),
  })
  .meta({ id: "ReplyEffectsInput" });
export type ReplyEffectsInput = z.infer<typeof replyEffectsInput>;

export const replyEffectsSchema = z
  .object({
    effects: z.record(z.enum(REPLY_CATEGORIES), replyEffectSchema).meta({
      description: "Every reply category, with what it does (nothing unless configured)",
    }),
    createReferralLeads: z.boolean(),
  })
  .meta({ id: "ReplyEffects" });
export type ReplyEffects = z.infer<typeof replyEffectsSchema>;

const NO_EFFECT: ReplyEffectDto = { status: null, temperature: null, notifyOwner: false };

function toDto(stored: Record<string, ReplyEffect>, createReferralLeads: boolean): ReplyEffects {
  const effects = Object.fromEntries(
    REPLY_CATEGORIES.map((category) => {
      const e = stored[category];
      return [
        category,
        e
          ? {
              status: e.status ?? null,
              temperature: e.temperature ?? null,
              notifyOwner: e.notifyOwner ?? false,
            }
          : NO_EFFECT,
      ];
    }),
  ) as Record<ReplyCategory, ReplyEffectDto>;
  return { effects, createReferralLeads };
}

/** GET /ai/reply-effects: what each reply category does to its lead. */
export async function getReplyEffects(ctx: Ctx): Promise<ReplyEffects> {
  assertCan(ctx, "ai_settings:read");
  const settings = await replySettings(ctx.db, ctx.orgId);
  return toDto(settings.replyEffects, settings.createReferralLeads);
}

/**
 * PUT /ai/reply-effects (admins): replaces the whole configuration. Status keys must be current
 * (not retired) statuses of the organization, so a reply never moves a lead somewhere unknown.
 */
export async function updateReplyEffects(
  ctx: Ctx,
  input: ReplyEffectsInput,
): Promise<ReplyEffects> {
  assertCan(ctx, "ai_settings:write");
  const options = await loadLeadOptions(ctx.db, ctx.orgId);
  const statuses = options.options.status.filter((o) => !o.retired).map((o) => o.value);
  const errors: { path: string; message: string }[] = [];
  const replyEffects: Record<string, ReplyEffect> = {};
  for (const category of REPLY_CATEGORIES) {
    const effect = input.effects[category];
    if (!effect) continue;
    if (effect.status !== null && !statuses.includes(effect.status)) {
      errors.push({
        path: `effects.${category}.status`,
        message: `Unknown status "${effect.status}". Allowed: ${statuses.join(", ")}`,
      });
    }
    // Only categories that do something are stored: "nothing" is the default anyway.
    if (effect.status !== null || effect.temperature !== null || effect.notifyOwner) {
      replyEffects[category] = effect;
    }
  }
  if (errors.length > 0) throw new AppError("validation_error", errors[0]!.message, { errors });
  await ctx.db.transaction(async (tx) => {
    const values = {
      replyEffects,
      createReferralLeads: input.createReferralLeads,
      updatedBy: ctx.actor.userId,
    };
    await tx
      .insert(aiSettings)
      .values({ organizationId: ctx.orgId, ...values })
      .onConflictDoUpdate({
        target: aiSettings.organizationId,
        set: { ...values, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, {
      action: "ai_settings.reply_effects_updated",
      resourceType: "organization",
      resourceId: ctx.orgId,
      changes: { replyEffects, createReferralLeads: input.createReferralLeads },
    });
  });
  return toDto(replyEffects, input.createReferralLeads);
}
