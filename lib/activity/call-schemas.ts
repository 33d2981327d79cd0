import { z } from "zod";
import { CALL_OUTCOMES } from "@/db/schema";

export const logCallInput = z
  .strictObject({
    outcome: z.enum(CALL_OUTCOMES),
    durationSeconds: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600)
      .meta({ description: "How long the call lasted; 0 for one nobody answered" }),
    notes: z.string().trim().max(5000).optional(),
    occurredAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: "When the call took place; defaults to now" }),
    userId: z.uuid().optional().meta({
      description:
        "The member who made the call: required for an API key (a phone system logging its calls), and for a person only themselves (the default)",
    }),
  })
  .refine((c) => !c.occurredAt || Date.parse(c.occurredAt) <= Date.now() + 5 * 60_000, {
    message: "Can't be in the future",
    path: ["occurredAt"],
  })
  .meta({ id: "LogCall" });
export type LogCallInput = z.infer<typeof logCallInput>;

export const callSchema = z
  .object({
    id: z.uuid(),
    leadId: z.uuid(),
    user: z.object({ id: z.uuid(), name: z.string() }),
    outcome: z.enum(CALL_OUTCOMES),
    durationSeconds: z.number().int(),
    notes: z.string().nullable(),
    occurredAt: z.iso.datetime(),
  })
  .meta({ id: "Call" });
export type CallDto = z.infer<typeof callSchema>;

export const callListSchema = z.object({ data: z.array(callSchema) }).meta({ id: "CallList" });
