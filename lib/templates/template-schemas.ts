import { z } from "zod";
import { pageQuerySchema } from "@/lib/http/pagination";

const name = z.string().trim().min(1, "Name the template").max(120);
const category = z
  .string()
  .trim()
  .max(60)
  .nullable()
  .transform((c) => c || null)
  .meta({ description: "Free-form group, e.g. Follow-up; null or empty for none" });
const subject = z.string().max(500);
const html = z.string().max(200_000);
const text = z
  .string()
  .max(200_000)
  .nullable()
  .meta({ description: "Plain-text part; null to derive it from the HTML" });

export const templateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    category: z.string().nullable(),
    subject: z.string(),
    html: z.string(),
    text: z.string().nullable(),
    variables: z.array(z.string()).meta({ description: "Variables the parts use (derived)" }),
    favorite: z.boolean().meta({ description: "Starred by the caller" }),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "EmailTemplate" });
export type TemplateDto = z.infer<typeof templateSchema>;

export const listTemplatesQuery = pageQuerySchema
  .extend({
    q: z.string().trim().max(200).optional().meta({ description: "Matches name or subject" }),
    category: z.string().trim().max(60).optional(),
    favorite: z
      .enum(["true", "false"])
      .optional()
      .meta({ description: "true: only the caller's favorites" }),
  })
  .strict()
  .meta({ id: "TemplatesQuery" });

export const createTemplateInput = z
  .strictObject({
    name,
    category: category.optional(),
    subject,
    html,
    text: text.optional(),
  })
  .meta({ id: "CreateTemplate" });

export const replaceTemplateInput = z
  .strictObject({ name, category, subject, html, text })
  .meta({ id: "ReplaceTemplate" });

export const updateTemplateInput = z
  .strictObject({
    name: name.optional(),
    category: category.optional(),
    subject: subject.optional(),
    html: html.optional(),
    text: text.optional(),
  })
  .meta({ id: "UpdateTemplate" });

export const setCategoryInput = z.strictObject({ category }).meta({ id: "SetTemplateCategory" });

export const templateIdsInput = z
  .strictObject({ ids: z.array(z.uuid()).min(1).max(100) })
  .meta({ id: "TemplateIds" });

export const batchResultSchema = z
  .object({
    succeeded: z.number().int(),
    failed: z.number().int(),
    results: z.array(
      z.object({
        index: z.number().int(),
        id: z.uuid(),
        ok: z.boolean(),
        newId: z.uuid().optional(),
        error: z.string().optional(),
      }),
    ),
  })
  .meta({ id: "TemplateBatchResult" });

export const findingSchema = z
  .object({
    level: z.enum(["error", "warning"]),
    code: z.string(),
    message: z.string(),
    part: z.enum(["subject", "html", "text"]),
  })
  .meta({ id: "TemplateFinding" });

export const validationResultSchema = z
  .object({ valid: z.boolean(), findings: z.array(findingSchema) })
  .meta({ id: "TemplateValidation" });

export const renderedSchema = z
  .object({
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    findings: z.array(findingSchema),
  })
  .meta({ id: "RenderedTemplate" });

export const previewInput = z
  .strictObject({ leadId: z.uuid().optional() })
  .meta({ id: "PreviewTemplate" });

export const renderInput = z
  .strictObject({
    subject,
    html,
    text: text.optional(),
    leadId: z.uuid().optional(),
    variables: z
      .record(z.string().max(100), z.string().max(10_000))
      .optional()
      .meta({ description: "Values by variable name; they win over the lead's" }),
  })
  .meta({ id: "RenderTemplate" });

export const testSendInput = z
  .strictObject({ leadId: z.uuid().optional() })
  .meta({ id: "TestSendTemplate" });

export const testSendResultSchema = z
  .object({ emailMessageId: z.uuid(), to: z.string() })
  .meta({ id: "TemplateTestSend" });
