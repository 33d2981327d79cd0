import { z } from "zod";
import { SUPPRESSION_REASONS } from "@/db/schema";
import { pageQuerySchema } from "@/lib/http/pagination";

export const suppressionSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    reason: z.enum(SUPPRESSION_REASONS),
    detail: z.string().nullable(),
    campaignId: z.uuid().nullable(),
    messageId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Suppression" });
export type SuppressionDto = z.infer<typeof suppressionSchema>;

export const listSuppressionsQuery = pageQuerySchema
  .extend({
    q: z.string().trim().max(200).optional().meta({ description: "Part of the address" }),
    reason: z.enum(SUPPRESSION_REASONS).optional(),
  })
  .strict()
  .meta({ id: "SuppressionsQuery" });

/** A manual entry; bounces, complaints and unsubscribes arrive on their own. */
export const createSuppressionInput = z
  .strictObject({
    email: z.email().max(320).meta({ example: "no-more@example.com" }),
    detail: z.string().trim().max(500).optional().meta({ example: "Asked by phone" }),
  })
  .meta({ id: "CreateSuppression" });
