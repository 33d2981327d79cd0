import type { z } from "zod";
import type { Database } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { updateCampaignInput } from "./campaign-schemas";
import { getCampaign, getCampaignRowOrThrow, updateCampaign } from "./campaigns";
import { launchCampaign, pauseCampaign, resumeCampaign, stopCampaign } from "./lifecycle";

/**
 * PATCH /campaigns/{id}: the settings, and — as seed 001 allows — the status, which goes through
 * the same lifecycle as /launch, /resume, /pause and /stop (same checks, events and 409s). Both
 * in one transaction: a refused status change leaves the settings unchanged too.
 */
export async function patchCampaign(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof updateCampaignInput>,
) {
  const { status, ...fields } = input;
  if (!status) return updateCampaign(ctx, id, fields);
  return ctx.db.transaction(async (tx) => {
    const inner: Ctx = { ...ctx, db: tx as unknown as Database };
    if (Object.keys(fields).length) await updateCampaign(inner, id, fields);
    const current = await getCampaignRowOrThrow(inner, id, tx);
    if (current.status === status) return getCampaign(inner, id, tx);
    const change =
      status === "paused"
        ? pauseCampaign
        : status === "stopped"
          ? stopCampaign
          : current.status === "paused"
            ? resumeCampaign
            : launchCampaign;
    return change(inner, id);
  });
}
