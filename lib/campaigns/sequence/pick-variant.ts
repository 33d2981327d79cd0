import { createHash } from "node:crypto";
import type { CampaignStep, CampaignVariant } from "@/db/schema";

/** A stable number in [0, 1) for a string: the same recipient and step always land alike. */
export function stableFraction(key: string): number {
  const digest = createHash("sha256").update(key).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * The variant of a step this recipient gets: the one already chosen for it, else one drawn by
 * weight from a hash of recipient and step — deterministic, so a retried send picks the same one,
 * and over many recipients the split follows the weights.
 */
export function pickVariant(
  step: CampaignStep,
  recipientId: string,
  chosenId?: string,
): CampaignVariant | undefined {
  const chosen = chosenId ? step.variants.find((v) => v.id === chosenId) : undefined;
  if (chosen) return chosen;
  const weighted = step.variants.filter((v) => v.weight > 0);
  const pool = weighted.length ? weighted : step.variants;
  const total = pool.reduce((sum, v) => sum + Math.max(v.weight, 0), 0);
  if (total <= 0)
    return pool[Math.floor(stableFraction(`${recipientId}:${step.id}`) * pool.length)];
  let point = stableFraction(`${recipientId}:${step.id}`) * total;
  for (const variant of pool) {
    point -= variant.weight;
    if (point < 0) return variant;
  }
  return pool[pool.length - 1];
}
