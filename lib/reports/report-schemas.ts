import { z } from "zod";
import { REPORT_FREQUENCIES } from "@/db/schema";
import { analyticsPeriodSchema, byCurrencySchema } from "@/lib/analytics/analytics-schemas";
import { REPORT_VALUE_TYPES } from "./report-catalog";
import { reportDefinitionSchema } from "./report-definition";

export const REPORT_EXPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];
export const reportExportFormatSchema = z.enum(REPORT_EXPORT_FORMATS);

export const reportColumnSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    type: z.enum(REPORT_VALUE_TYPES),
    role: z.enum(["dimension", "metric"]),
    valueKey: z.string().optional().meta({
      description:
        "Dimensions: the row key holding the machine value (slug, id, bucket) behind the label shown, for drill-down",
    }),
  })
  .meta({ id: "ReportColumn" });

const cellSchema = z.union([z.string(), z.number(), z.null()]);

export const reportResultSchema = z
  .object({
    columns: z.array(reportColumnSchema),
    rows: z.array(z.record(z.string(), cellSchema)).meta({
      description:
        "One object per group: dimension columns hold the label, `<key>Value` the machine value; metrics are numbers (ratios 0..1, durations in seconds, money in `currency`) or null",
    }),
    totals: z.record(z.string(), z.number().nullable()).meta({
      description: "Each metric over every row the filters match (not only the rows shown)",
    }),
    truncated: z.boolean().meta({ description: "More groups exist than the limit shows" }),
    period: analyticsPeriodSchema,
    currency: z.string(),
    byCurrency: byCurrencySchema,
    generatedAt: z.iso.datetime(),
  })
  .meta({ id: "ReportResult" });
export type ReportResult = z.infer<typeof reportResultSchema>;
export type ReportColumn = z.infer<typeof reportColumnSchema>;

export const generateReportInput = z
  .strictObject({ definition: reportDefinitionSchema })
  .meta({ id: "GenerateReportInput" });

export const reportScheduleSchema = z
  .object({
    frequency: z.enum(REPORT_FREQUENCIES).nullable(),
    format: z.enum(REPORT_EXPORT_FORMATS),
    recipientIds: z.array(z.uuid()),
    lastSentAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ReportSchedule" });

export const savedReportSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    definition: reportDefinitionSchema,
    schedule: reportScheduleSchema,
    createdById: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "SavedReport" });
export type SavedReportDto = z.infer<typeof savedReportSchema>;

export const savedReportListSchema = z
  .object({
    data: z.array(savedReportSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "SavedReportList" });

export const listReportsQuery = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(500).optional(),
  })
  .meta({ id: "ListReportsQuery" });

const scheduleInput = z.strictObject({
  frequency: z.enum(REPORT_FREQUENCIES).nullable(),
  format: reportExportFormatSchema
    .default("csv")
    .meta({ description: "The file attached to each email (over 5 MB: the link only)" }),
  recipientIds: z
    .array(z.uuid())
    .max(50)
    .default([])
    .meta({ description: "Members of the organization who receive it" }),
});

export const createReportInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).nullable().optional(),
    definition: reportDefinitionSchema,
    schedule: scheduleInput.optional(),
  })
  .meta({ id: "CreateReportInput" });

export const updateReportInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(2000).nullable().optional(),
    definition: reportDefinitionSchema.optional(),
    schedule: scheduleInput.optional().meta({ description: "`frequency: null` stops the emails" }),
  })
  .meta({ id: "UpdateReportInput" });

export const reportIdParams = z.strictObject({ id: z.uuid() });

export const reportExportQuery = z
  .strictObject({ format: z.enum(REPORT_EXPORT_FORMATS).default("csv") })
  .meta({ id: "ReportExportQuery" });
