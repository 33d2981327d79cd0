import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { leadInquiries } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { assertListingOfOrg } from "@/lib/listings/listings";
import { recordActivity } from "./activity";
import { getLeadOrThrow } from "./get-lead";
import { rescoreLead } from "./scoring/rescore-lead";

export const inquiryInput = z
  .strictObject({
    message: z.string().trim().min(1).max(5000),
    channel: z
      .string()
      .trim()
      .max(50)
      .optional()
      .meta({ description: "e.g. website_form, phone, email" }),
    listingId: z.uuid().optional(),
  })
  .meta({ id: "InquiryInput" });

export const inquirySchema = z
  .object({
    id: z.uuid(),
    leadId: z.uuid(),
    message: z.string(),
    channel: z.string().nullable(),
    listingId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Inquiry" });

/** An inquiry from the lead (seed 000): recorded, put on the timeline, and the lead re-scored. */
export async function addInquiry(ctx: Ctx, leadId: string, input: z.infer<typeof inquiryInput>) {
  assertCan(ctx, "leads:write");
  await getLeadOrThrow(ctx, leadId);
  if (input.listingId) await assertListingOfOrg(ctx.db, ctx.orgId, input.listingId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leadInquiries)
      .values({
        organizationId: ctx.orgId,
        leadId,
        message: input.message,
        channel: input.channel ?? null,
        listingId: input.listingId ?? null,
      })
      .returning();
    await recordActivity(tx, ctx, leadId, "inquiry_received", {
      inquiryId: row!.id,
      excerpt: input.message.slice(0, 200),
      channel: input.channel ?? null,
    });
    const newScore = await rescoreLead(tx, ctx, leadId, "inquiry");
    return { inquiryId: row!.id, newScore };
  });
}

export async function listInquiries(ctx: Ctx, leadId: string) {
  await getLeadOrThrow(ctx, leadId);
  const rows = await ctx.db
    .select()
    .from(leadInquiries)
    .where(and(eq(leadInquiries.organizationId, ctx.orgId), eq(leadInquiries.leadId, leadId)))
    .orderBy(desc(leadInquiries.createdAt))
    .limit(200);
  return {
    data: rows.map((r) => ({
      id: r.id,
      leadId: r.leadId,
      message: r.message,
      channel: r.channel,
      listingId: r.listingId,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
