import type { z } from "zod";
import type {
  addRecipientsResultSchema,
  campaignSchema,
  recipientSchema,
  stepInput,
  variantInput,
} from "@/lib/campaigns/campaign-schemas";
import type { Page } from "@/lib/http/pagination";

// Response shapes come from the API's own zod schemas, so a server change breaks the build here.
export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignStatus = Campaign["status"];
export type CampaignPage = Page<Campaign>;
export type Recipient = z.infer<typeof recipientSchema>;
export type RecipientState = Recipient["state"];
export type RecipientPage = Page<Recipient>;
export type AddRecipientsResult = z.infer<typeof addRecipientsResultSchema>;
export type ExclusionReason = keyof AddRecipientsResult["excludedByReason"];
export type StepBody = z.input<typeof stepInput>;
export type VariantBody = z.input<typeof variantInput>;
