import type { ExclusionReason } from "./campaign-types";

export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  do_not_contact: "marked do-not-contact",
  unsubscribed: "unsubscribed",
  suppressed: "on the suppression list",
  no_email: "without an email address",
  in_other_campaign: "already in another active campaign",
  taken_over: "a rep has taken the conversation over from automation",
  already_in_campaign: "already in this campaign",
  not_found: "not found or not visible to you",
};
