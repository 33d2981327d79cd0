import type { RecipientState } from "@/db/schema";

/** Which sequence run this is: one recipient of one campaign, at one (re)start. */
export interface SequenceRef {
  organizationId: string;
  campaignId: string;
  recipientId: string;
  leadId: string;
  /** The recipient's generation when this run was started; a newer one supersedes the run. */
  generation: number;
}

/** How a lead's sequence ends early, and why (shown on the recipient). */
export interface RecipientStop {
  state: Exclude<RecipientState, "queued" | "active">;
  reason: string;
}

const HOUR_MS = 3600_000;

/** A step's wait after the previous one (after launch, for the first). */
export function stepDelayMs(step: { delayDays: number; delayHours: number }): number {
  return (step.delayDays * 24 + step.delayHours) * HOUR_MS;
}
