import type { z } from "zod";
import type { inquirySchema } from "@/lib/leads/inquiries";
import type { leadDetailSchema } from "@/lib/leads/lead-schemas";
import type { noteSchema } from "@/lib/leads/notes";
import type { timelineItemSchema, timelinePageSchema } from "@/lib/leads/timeline";
import type { leadAnalyticsSchema } from "@/lib/leads/tracked-events";
import type { reminderSchema } from "@/lib/reminders/reminders";

// Response shapes come from the API's own zod schemas, so a server change breaks the build here.
export type LeadDetail = z.infer<typeof leadDetailSchema>;
export type Note = z.infer<typeof noteSchema>;
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export type TimelinePage = z.infer<typeof timelinePageSchema>;
export type Inquiry = z.infer<typeof inquirySchema>;
export type Reminder = z.infer<typeof reminderSchema>;
export type LeadAnalytics = z.infer<typeof leadAnalyticsSchema>;

/** What the signed-in member may do here, decided by the server page from the role. */
export interface LeadPermissions {
  userId: string;
  canDelete: boolean;
  canOverrideScore: boolean;
  /** Owners and admins may edit or delete anyone's note; others only their own. */
  canEditAnyNote: boolean;
}
