import { z } from "zod";
import { TEMPERATURES, type leads } from "@/db/schema";

const text = (max: number) => z.string().trim().max(max);
const nullableText = (max: number) => text(max).nullable();
const instant = z.iso.datetime({ offset: true });

/** An ISO 4217 currency code such as EUR or USD. */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, "An ISO 4217 currency code such as EUR or USD (three capital letters)")
  .meta({ example: "EUR" });
/** A money amount: non-negative, at most 12 digits before the decimal point and 2 after. */
export const moneyAmount = z
  .number()
  .min(0)
  .max(999_999_999_999.99)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, "At most two decimal places");

/**
 * The fields a client may set on a lead. One shape, many uses: create (POST), partial update
 * (PATCH), replace (PUT), batch rows, and — field by field — the CSV importer and the forms.
 * `id`, `organizationId`, timestamps and the computed fields are not in it, so sending them is a
 * 400 (strict objects), never a silent write.
 */
export const leadFieldsShape = {
  firstName: nullableText(100),
  lastName: nullableText(100),
  email: text(254).pipe(z.email("Invalid email address")).nullable(),
  phone: nullableText(40),
  company: nullableText(200),
  jobTitle: nullableText(200),
  website: nullableText(300),
  industry: nullableText(100),
  source: nullableText(100),
  status: text(100).min(1),
  lostReason: nullableText(100),
  ownerId: z.uuid().nullable(),
  score: z.number().int().min(0).max(1000).nullable().meta({
    description: "A manual override of the computed score (managers and admins); null clears it",
  }),
  tags: z.array(text(50)).max(50),
  city: nullableText(100),
  region: nullableText(100),
  country: nullableText(100),
  postalCode: nullableText(20),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  timezone: nullableText(64),
  doNotContact: z.boolean(),
  unsubscribed: z.boolean(),
  customFields: z.record(z.string(), z.unknown()),
  lastContactedAt: instant.nullable(),
  nextFollowUpAt: instant.nullable(),
  dealValue: moneyAmount
    .nullable()
    .meta({ description: "What the deal is worth, in dealCurrency" }),
  dealCurrency: currencyCode.nullable().meta({
    description: "Defaults to the organization's currency when a deal value is set without one",
  }),
  expectedCloseDate: z.iso.date().nullable().meta({ description: "YYYY-MM-DD" }),
  wonAt: instant.nullable().meta({
    description:
      "Set automatically when the status enters a won-category status; send it to backdate (only on a won lead)",
  }),
  lostAt: instant.nullable().meta({
    description:
      "Set automatically when the status enters a lost-category status; send it to backdate (only on a lost lead)",
  }),
};

export const createLeadInput = z.strictObject(leadFieldsShape).partial().meta({ id: "CreateLead" });
export type CreateLeadInput = z.infer<typeof createLeadInput>;
export const updateLeadInput = createLeadInput.meta({ id: "UpdateLead" });
export type UpdateLeadInput = CreateLeadInput;

export const leadSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    jobTitle: z.string().nullable(),
    website: z.string().nullable(),
    domain: z.string().nullable(),
    industry: z.string().nullable(),
    source: z.string().nullable(),
    status: z.string(),
    lostReason: z.string().nullable(),
    ownerId: z.uuid().nullable(),
    owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    score: z.number().int(),
    scoreOverridden: z.boolean(),
    temperature: z.enum(TEMPERATURES),
    tags: z.array(z.string()),
    city: z.string().nullable(),
    region: z.string().nullable(),
    country: z.string().nullable(),
    postalCode: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    timezone: z.string().nullable(),
    doNotContact: z.boolean(),
    unsubscribed: z.boolean(),
    customFields: z.record(z.string(), z.unknown()),
    lastContactedAt: z.iso.datetime().nullable(),
    nextFollowUpAt: z.iso.datetime().nullable(),
    dealValue: z.number().nullable(),
    dealCurrency: z.string().nullable(),
    expectedCloseDate: z.iso.date().nullable(),
    wonAt: z.iso.datetime().nullable(),
    lostAt: z.iso.datetime().nullable(),
    assignedAt: z.iso.datetime().nullable().meta({ description: "When the current owner got it" }),
    createdById: z.uuid().nullable(),
    updatedById: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deletedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Lead" });
export type LeadDto = z.infer<typeof leadSchema>;

export const leadDetailSchema = leadSchema
  .extend({
    scoreBreakdown: z.array(z.object({ rule: z.string(), label: z.string(), points: z.number() })),
  })
  .meta({ id: "LeadDetail" });

export type LeadRow = typeof leads.$inferSelect;
type Owner = { id: string; name: string; email: string };

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toLeadDto(row: LeadRow, owner: Owner | null = null): LeadDto {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    displayName: row.displayName,
    email: row.email,
    phone: row.phone,
    company: row.company,
    jobTitle: row.jobTitle,
    website: row.website,
    domain: row.domain,
    industry: row.industry,
    source: row.source,
    status: row.status,
    lostReason: row.lostReason,
    ownerId: row.ownerId,
    owner: row.ownerId ? owner : null,
    score: row.score,
    scoreOverridden: row.scoreOverride !== null,
    temperature: row.temperature,
    tags: row.tags,
    city: row.city,
    region: row.region,
    country: row.country,
    postalCode: row.postalCode,
    latitude: row.latitude,
    longitude: row.longitude,
    timezone: row.timezone,
    doNotContact: row.doNotContact,
    unsubscribed: row.unsubscribed,
    customFields: row.customFields,
    lastContactedAt: iso(row.lastContactedAt),
    nextFollowUpAt: iso(row.nextFollowUpAt),
    dealValue: row.dealValue,
    dealCurrency: row.dealCurrency,
    expectedCloseDate: row.expectedCloseDate,
    wonAt: iso(row.wonAt),
    lostAt: iso(row.lostAt),
    assignedAt: iso(row.assignedAt),
    createdById: row.createdById,
    updatedById: row.updatedById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: iso(row.deletedAt),
  };
}
