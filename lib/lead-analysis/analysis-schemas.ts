import { z } from "zod";
import { AI_MODES } from "@/lib/ai/reply-classification";

export const SIGNAL_STRENGTHS = ["weak", "medium", "strong"] as const;

export const buyingSignalSchema = z
  .object({
    signal: z.string().max(200).meta({ description: "What points towards a purchase" }),
    evidence: z.string().max(500).meta({ description: "The fact it rests on (a reply, an event)" }),
    strength: z.enum(SIGNAL_STRENGTHS),
  })
  .meta({ id: "BuyingSignal" });
export type BuyingSignal = z.infer<typeof buyingSignalSchema>;

export const nextStepSchema = z
  .object({
    action: z.string().max(300),
    why: z.string().max(500),
    dueInDays: z.number().int().min(0).max(365).nullable().optional(),
  })
  .meta({ id: "SuggestedNextStep" });
export type NextStep = z.infer<typeof nextStepSchema>;

/** What an analysis says, whoever wrote it (the model or the offline rules). */
export const analysisVerdictSchema = z.object({
  summary: z.string().min(1).max(3_000),
  buyingSignals: z.array(buyingSignalSchema).max(12),
  risks: z.array(z.string().max(300)).max(10),
  nextStep: nextStepSchema,
  fitScore: z.number().int().min(0).max(100).nullable(),
  intentScore: z.number().int().min(0).max(100).nullable(),
});
export type AnalysisVerdict = z.infer<typeof analysisVerdictSchema>;

export const leadAnalysisSchema = analysisVerdictSchema
  .extend({
    id: z.uuid(),
    leadId: z.uuid(),
    mode: z.enum(AI_MODES).meta({ description: "offline: written by the built-in rules" }),
    model: z.string().nullable().meta({ description: "The model that wrote it (llm mode)" }),
    createdBy: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "LeadAnalysis" });
export type LeadAnalysisDto = z.infer<typeof leadAnalysisSchema>;

export const summarizeInput = z
  .union([
    z.strictObject({ text: z.string().trim().min(1).max(50_000) }),
    z.strictObject({ leadId: z.uuid() }),
  ])
  .meta({ id: "SummarizeInput", description: "Either a text to summarize or a lead's id" });
export type SummarizeInput = z.infer<typeof summarizeInput>;

export const summarySchema = z
  .object({
    summary: z.string(),
    bullets: z.array(z.string()),
    mode: z.enum(AI_MODES),
  })
  .meta({ id: "Summary" });
export type SummaryDto = z.infer<typeof summarySchema>;

export const extractInfoInput = z
  .strictObject({
    text: z.string().trim().min(1).max(20_000),
    defaultCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .optional()
      .meta({ description: "ISO 3166 country for phone numbers written without +prefix" }),
  })
  .meta({ id: "ExtractInfoInput" });
export type ExtractInfoInput = z.infer<typeof extractInfoInput>;

export const EXTRACTED_FIELDS = [
  "name",
  "title",
  "company",
  "email",
  "phone",
  "website",
  "linkedin",
  "address",
] as const;
export type ExtractedField = (typeof EXTRACTED_FIELDS)[number];

export const extractedValueSchema = z
  .object({
    value: z.string().nullable(),
    confidence: z.number().min(0).max(1),
  })
  .meta({ id: "ExtractedValue" });
export type ExtractedValue = z.infer<typeof extractedValueSchema>;

export const extractedInfoSchema = z
  .object({
    fields: z.object(
      Object.fromEntries(EXTRACTED_FIELDS.map((f) => [f, extractedValueSchema])) as Record<
        ExtractedField,
        typeof extractedValueSchema
      >,
    ),
    mode: z.enum(AI_MODES),
  })
  .meta({
    id: "ExtractedInfo",
    description: "Each field with its value (null when not found) and a 0–1 confidence",
  });
export type ExtractedInfo = z.infer<typeof extractedInfoSchema>;
export type ExtractedFields = ExtractedInfo["fields"];
