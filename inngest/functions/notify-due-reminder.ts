import { getDb } from "@/db/client";
import { notifyDueReminder } from "@/lib/reminders/reminders";
import { inngest } from "../client";
import { reminderChanged, reminderScheduled } from "../events";

/**
 * Sleep until a reminder is due, then notify its assignee. Any change to the reminder cancels
 * this run (a new one is scheduled for its new time), and the notification step re-checks the
 * reminder anyway, so a late or duplicate run never notifies wrongly or twice.
 */
export const notifyDueReminderFn = inngest.createFunction(
  {
    id: "notify-due-reminder",
    triggers: [reminderScheduled],
    cancelOn: [{ event: reminderChanged, match: "data.reminderId" }],
    retries: 5,
  },
  async ({ event, step }) => {
    await step.sleepUntil("wait-until-due", new Date(event.data.dueAt));
    return step.run("notify", async () =>
      notifyDueReminder(await getDb(), event.data.reminderId, event.data.dueAt),
    );
  },
);
