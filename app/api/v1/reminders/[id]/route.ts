import {
  deleteReminder,
  reminderSchema,
  updateReminder,
  updateReminderInput,
} from "@/lib/reminders/reminders";
import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// PATCH /api/v1/reminders/{id} — complete, reopen, snooze, reschedule or reassign
export const PATCH = route(
  {
    summary: "Update a reminder",
    tags: ["Reminders"],
    auth: "reminders:write",
    params: idParams,
    body: updateReminderInput,
    responses: { 200: { description: "Updated", schema: reminderSchema } },
  },
  ({ ctx, params, body }) => updateReminder(ctx, params.id, body),
);

// DELETE /api/v1/reminders/{id} — remove a reminder
export const DELETE = route(
  {
    summary: "Delete a reminder",
    tags: ["Reminders"],
    auth: "reminders:write",
    params: idParams,
    responses: { 204: { description: "Deleted" } },
  },
  async ({ ctx, params }) => {
    await deleteReminder(ctx, params.id);
    return noContent();
  },
);
