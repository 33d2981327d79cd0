import { Badge } from "@/components/ui/badge";
import type { CampaignStatus, RecipientState } from "./campaign-types";

const CAMPAIGN_TONES = {
  draft: "neutral",
  scheduled: "blue",
  active: "green",
  paused: "amber",
  completed: "blue",
  stopped: "red",
} as const satisfies Record<CampaignStatus, string>;

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  active: "Active",
  paused: "Paused",
  completed: "Completed",
  stopped: "Stopped",
};

/** In lifecycle order; typed from the labels so a new status can't be left out. */
export const CAMPAIGN_STATUSES = Object.keys(CAMPAIGN_STATUS_LABELS) as CampaignStatus[];

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge tone={CAMPAIGN_TONES[status]}>{CAMPAIGN_STATUS_LABELS[status]}</Badge>;
}

const RECIPIENT_TONES = {
  queued: "neutral",
  active: "green",
  replied: "blue",
  bounced: "red",
  unsubscribed: "amber",
  completed: "blue",
  removed: "neutral",
  manual: "amber",
} as const satisfies Record<RecipientState, string>;

export const RECIPIENT_STATE_LABELS: Record<RecipientState, string> = {
  queued: "Queued",
  active: "Active",
  replied: "Replied",
  bounced: "Bounced",
  unsubscribed: "Unsubscribed",
  completed: "Completed",
  removed: "Removed",
  manual: "Handled manually",
};

export const RECIPIENT_STATES = Object.keys(RECIPIENT_STATE_LABELS) as RecipientState[];

export function RecipientStateBadge({ state }: { state: RecipientState }) {
  return <Badge tone={RECIPIENT_TONES[state]}>{RECIPIENT_STATE_LABELS[state]}</Badge>;
}
