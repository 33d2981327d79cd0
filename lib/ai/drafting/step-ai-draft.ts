import { z } from "zod";
import { AI_MODES } from "../reply-classification";

/**
 * A campaign step personalised for one lead, ready for composeCampaignEmail: the opener for
 * `{{aiFirstLine}}`, or the whole step rewritten. JSON-safe, so a sequence job can draft it in
 * its own step (memoized: retries send the same words, and an approval shows what will go out)
 * and hand it to the send. `stepId`/`variantId` say which content it was drafted from: a step
 * edited since must not go out with a draft of its old content (see draftFitsStep).
 */
export const stepAiDraftSchema = z.object({
  stepId: z.string(),
  variantId: z.string(),
  mode: z.enum(AI_MODES),
  firstLine: z.string().nullable(),
  whole: z.object({ subject: z.string(), html: z.string(), text: z.string() }).nullable(),
  notes: z.string().nullable(),
});
export type StepAiDraft = z.infer<typeof stepAiDraftSchema>;

/** The draft, when it was made for this step and variant; else null (compose without it). */
export function draftFitsStep(
  draft: StepAiDraft | null | undefined,
  stepId: string,
  variantId: string,
): StepAiDraft | null {
  return draft && draft.stepId === stepId && draft.variantId === variantId ? draft : null;
}
