import { z } from "zod";

/** Free text kept short enough for prompts and screens. */
const line = z.string().trim().min(1).max(300);
const longText = z.string().trim().max(4_000);

export const personaSchema = z
  .object({
    title: line.meta({ description: "Role or title, e.g. Head of Finance" }),
    pains: z.array(line).max(20).meta({ description: "What hurts them that the product helps" }),
  })
  .meta({ id: "ProductPersona" });

export const objectionSchema = z
  .object({
    objection: line,
    answer: z.string().trim().max(1_000).nullable().meta({ description: "How the team answers" }),
  })
  .meta({ id: "ProductObjection" });

/** The structured fields, as stored and as a PUT replaces them. */
export const productContextFieldsSchema = z
  .object({
    productName: z.string().trim().max(200).nullable(),
    description: longText.nullable(),
    valuePropositions: z.array(line).max(30),
    targetIndustries: z.array(line).max(30),
    personas: z.array(personaSchema).max(20),
    objections: z.array(objectionSchema).max(30),
    pricingNotes: z.string().trim().max(2_000).nullable(),
    competitors: z.array(line).max(30),
  })
  .meta({ id: "ProductContextFields" });
export type ProductContextFieldsInput = z.infer<typeof productContextFieldsSchema>;

/** PUT /product-context: the fields to replace (others stay as they are). */
export const updateProductContextInput = productContextFieldsSchema
  .partial()
  .strict()
  .meta({ id: "ProductContextUpdate" });

export const PRODUCT_CONTEXT_SECTIONS = [
  "product",
  "value_propositions",
  "target_industries",
  "personas",
  "objections",
  "pricing",
  "competitors",
] as const;
export type ProductContextSection = (typeof PRODUCT_CONTEXT_SECTIONS)[number];

export const aiModeSchema = z.enum(["llm", "offline"]);

export const sectionCompletenessSchema = z
  .object({
    section: z.enum(PRODUCT_CONTEXT_SECTIONS),
    label: z.string(),
    score: z.number().min(0).max(1).meta({ description: "0 (nothing known) to 1 (complete)" }),
    hint: z.string().nullable().meta({ description: "What would make it complete" }),
  })
  .meta({ id: "ProductContextSectionCompleteness" });

export const productContextSchema = productContextFieldsSchema
  .extend({
    completeness: z.object({
      overall: z.number().min(0).max(1),
      sections: z.array(sectionCompletenessSchema),
    }),
    mode: aiModeSchema.meta({
      description: "Whether the chat uses a model or the offline interviewer",
    }),
    nextQuestion: z
      .string()
      .nullable()
      .meta({ description: "What the interviewer would ask next (null when complete)" }),
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: z.uuid().nullable(),
  })
  .meta({ id: "ProductContext" });
export type ProductContextDto = z.infer<typeof productContextSchema>;

export const productContextChatInput = z
  .strictObject({ message: z.string().trim().min(1).max(4_000) })
  .meta({ id: "ProductContextChatInput" });

/** What one chat turn changed: field → its new value. */
export const productContextChangesSchema = productContextFieldsSchema
  .partial()
  .meta({ id: "ProductContextChanges" });
export type ProductContextChanges = z.infer<typeof productContextChangesSchema>;

export const productContextChatResultSchema = z
  .object({
    reply: z.string(),
    questions: z.array(z.string()),
    changes: productContextChangesSchema,
    context: productContextSchema,
    mode: aiModeSchema,
  })
  .meta({ id: "ProductContextChatResult" });

export const productContextLogEntrySchema = z
  .object({
    id: z.uuid(),
    role: z.enum(["user", "assistant"]),
    content: z.string(),
    changes: productContextChangesSchema,
    questions: z.array(z.string()),
    mode: aiModeSchema.nullable(),
    authorId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ProductContextLogEntry" });
export type ProductContextLogEntry = z.infer<typeof productContextLogEntrySchema>;
