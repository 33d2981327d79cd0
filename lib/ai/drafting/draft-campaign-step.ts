import type { Database } from "@/db/client";
import type { CampaignStep, CampaignVariant } from "@/db/schema";
import { loadSequence } from "@/lib/campaigns/sequence/load-sequence";
import { pickVariant } from "@/lib/campaigns/sequence/pick-variant";
import type { SequenceRef } from "@/lib/campaigns/sequence/sequence-types";
import { variantParts } from "@/lib/campaigns/sequence/step-content";
import { systemCtx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { TemplateParts } from "@/lib/templates/render-template";
import { loadDraftContext } from "./draft-context";
import {
  callDraftModel,
  offlineNote,
  recordOfflineDraft,
  resolveDraftModel,
  type OfflineReason,
} from "./draft-model";
import { DRAFT_SYSTEM_PROMPT, draftPrompt, modelDraftSchema } from "./draft-prompt";
import type { DraftOptions } from "./generate-draft";
import { contextFirstLine, textToHtml } from "./offline-draft";
import type { StepAiDraft } from "./step-ai-draft";

const MAX_FIRST_LINE = 400;
const MAX_SUBJECT = 200;
const MAX_TEXT = 10_000;

/** One sentence on one line: an opener that spills into paragraphs would break the step. */
const oneLine = (text: string | null | undefined) =>
  text?.replace(/\s+/g, " ").trim().slice(0, MAX_FIRST_LINE) || null;

function stepInstructions(step: CampaignStep, personalize: "first_line" | "whole_step") {
  const own = step.ai?.instructions?.trim();
  const how =
    personalize === "whole_step"
      ? "Rewrite the template for this lead: keep its offer, intent and call to action, and its language. Do not add facts it doesn't state."
      : "The opener goes where the template has {{aiFirstLine}}: it must lead into the rest of the template.";
  return [how, own].filter(Boolean).join("\n");
}

/**
 * Personalises one campaign step for one lead, per the step's AI option: `first_line` writes the
 * opener for `{{aiFirstLine}}`; `whole_step` rewrites subject and body from the step's content
 * as the brief. With the organization's model (tokens recorded as "drafting"), else — or when
 * the call fails — offline: an opener from the lead's own fields, the step as written. Null when
 * the step isn't personalised or the lead is gone. Nothing is stored; the send composes with it.
 */
export async function draftCampaignStep(
  db: Database,
  input: {
    organizationId: string;
    leadId: string;
    step: CampaignStep;
    variant: CampaignVariant;
    parts: TemplateParts;
  },
  options: DraftOptions = {},
): Promise<StepAiDraft | null> {
  const personalize = input.step.ai?.personalize ?? "off";
  if (personalize === "off") return null;
  const ctx = systemCtx(db, input.organizationId);
  let context;
  try {
    context = await loadDraftContext(ctx, { leadId: input.leadId, withThread: false });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
  const base = { stepId: input.step.id, variantId: input.variant.id };
  const resolved = await resolveDraftModel(db, input.organizationId, options.model);
  let reason: OfflineReason;
  if (resolved.mode === "llm") {
    const answer = await callDraftModel(db, input.organizationId, resolved, {
      schema: modelDraftSchema,
      name: "campaign_step",
      description: "A campaign email personalised for one lead",
      system: DRAFT_SYSTEM_PROMPT,
      prompt: draftPrompt({
        purpose: personalize === "whole_step" ? "email" : "first_line",
        context,
        template: input.parts,
        instructions: stepInstructions(input.step, personalize),
      }),
    });
    if (answer.ok) {
      const firstLine = oneLine(answer.object.firstLine) ?? oneLine(answer.object.text);
      const text = answer.object.text.trim().slice(0, MAX_TEXT);
      const subject = answer.object.subject.replace(/\s+/g, " ").trim().slice(0, MAX_SUBJECT);
      if (personalize === "first_line" && firstLine) {
        return { ...base, mode: "llm", firstLine, whole: null, notes: null };
      }
      if (personalize === "whole_step" && text && subject) {
        return {
          ...base,
          mode: "llm",
          firstLine: oneLine(answer.object.firstLine),
          whole: { subject, text, html: textToHtml(text) },
          notes: null,
        };
      }
    }
    reason = answer.ok ? "malformed_output" : answer.reason;
  } else {
    reason = resolved.reason;
    await recordOfflineDraft(db, input.organizationId);
  }
  return {
    ...base,
    mode: "offline",
    firstLine: contextFirstLine(context),
    whole: null,
    notes:
      personalize === "whole_step"
        ? `${offlineNote(reason)} The step goes out as written.`
        : offlineNote(reason),
  };
}

/**
 * The draft for step `stepIndex` of a sequence run, with the variant the send will pick (the
 * same deterministic choice). Meant for the sequence job to run in its own step before the send
 * and pass to it (draftFitsStep guards against a step edited in between). Null when there is
 * nothing to personalise.
 */
export async function draftSequenceStep(
  db: Database,
  ref: SequenceRef,
  input: { stepIndex: number },
  options: DraftOptions = {},
): Promise<StepAiDraft | null> {
  const { campaign, recipient } = await loadSequence(db, ref);
  const step = campaign?.steps[input.stepIndex];
  if (!campaign || !recipient || !step || (step.ai?.personalize ?? "off") === "off") return null;
  const variant = pickVariant(step, recipient.id, recipient.variants[step.id]);
  const parts = variant ? await variantParts(db, ref.organizationId, variant) : null;
  if (!variant || !parts) return null;
  return draftCampaignStep(
    db,
    { organizationId: ref.organizationId, leadId: ref.leadId, step, variant, parts },
    options,
  );
}
