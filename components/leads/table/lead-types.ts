import type { z } from "zod";
import type { paginationSchema } from "@/lib/http/pagination";
import type { bulkActionInput } from "@/lib/leads/bulk-actions";
import type { leadSchema, updateLeadInput } from "@/lib/leads/lead-schemas";
import type { savedViewSchema } from "@/lib/saved-views/saved-views";

export type Lead = z.infer<typeof leadSchema>;
export type LeadPatch = z.infer<typeof updateLeadInput>;
export type LeadPage = { data: Lead[]; pagination: z.infer<typeof paginationSchema> };
export type BulkAction = z.input<typeof bulkActionInput>;
export type SavedView = z.infer<typeof savedViewSchema>;
