import type { Queryable } from "@/db/client";
import { sentSince } from "@/lib/email/send-counters";
import { isValidTimeZone, localTime, offsetAt } from "../send-window";
import type { CampaignRow } from "./load-sequence";
import type { MailboxRow } from "./pick-mailbox";

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** A paused mailbox has no resume event; look again this often. */
export const PAUSED_MAILBOX_RECHECK_MS = HOUR_MS;

export interface CapDeferral {
  until: Date;
  reason: string;
}

/** Messages queued from a mailbox in the rolling window before `now` (see sentSince). */
function mailboxUsage(db: Queryable, mailbox: MailboxRow, now: Date, windowMs: number) {
  return sentSince(
    db,
    { organizationId: mailbox.organizationId, scope: "mailbox", scopeId: mailbox.id },
    new Date(now.getTime() - windowMs),
    windowMs,
  );
}

/** Midnight at the start of `now`'s day in the zone, and the next one. */
export function localDayBounds(now: Date, timeZone: string): { start: Date; end: Date } {
  const l = localTime(now, timeZone);
  const wallMidnight = Date.UTC(l.year, l.month - 1, l.day);
  // The offset at noon avoids an hour-off result on days whose midnight DST shifts.
  const startGuess = wallMidnight - offsetAt(new Date(wallMidnight + 12 * HOUR_MS), timeZone);
  const nextWall = wallMidnight + DAY_MS;
  const endGuess = nextWall - offsetAt(new Date(nextWall + 12 * HOUR_MS), timeZone);
  return { start: new Date(startGuess), end: new Date(endGuess) };
}

/**
 * Whether one more message may leave now: the mailbox isn't paused and is under its hourly and
 * daily caps (counted over every message it sent, across campaigns), and the campaign is under
 * its daily limit (since midnight in the campaign's zone). When not, until when to wait — the
 * moment the oldest counted message leaves the window, or the campaign's next local midnight.
 * Called under the mailbox's advisory lock, so concurrent sends count each other.
 */
export async function checkSendCaps(
  db: Queryable,
  mailbox: MailboxRow,
  campaign: CampaignRow,
  now: Date,
): Promise<CapDeferral | null> {
  if (mailbox.status !== "active") {
    return {
      until: new Date(now.getTime() + PAUSED_MAILBOX_RECHECK_MS),
      reason: `mailbox ${mailbox.name} is paused`,
    };
  }
  const hour = await mailboxUsage(db, mailbox, now, HOUR_MS);
  if (hour.count >= mailbox.hourlyCap) {
    return {
      until: hour.freesAt,
      reason: `mailbox hourly cap of ${mailbox.hourlyCap} reached`,
    };
  }
  const day = await mailboxUsage(db, mailbox, now, DAY_MS);
  if (day.count >= mailbox.dailyCap) {
    return {
      until: day.freesAt,
      reason: `mailbox daily cap of ${mailbox.dailyCap} reached`,
    };
  }
  const zone = isValidTimeZone(campaign.timezone) ? campaign.timezone : "UTC";
  const today = localDayBounds(now, zone);
  const sentToday = await sentSince(
    db,
    { organizationId: campaign.organizationId, scope: "campaign", scopeId: campaign.id },
    today.start,
    DAY_MS,
  );
  if (sentToday.count >= campaign.dailyLimit) {
    return { until: today.end, reason: `campaign daily limit of ${campaign.dailyLimit} reached` };
  }
  return null;
}
