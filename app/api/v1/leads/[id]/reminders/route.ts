import { createReminder, createReminderInput, reminderSchema } from "@/lib/reminders/reminders";
import { idParams } from "@/lib/http/params";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/{id}/reminders — schedule a follow-up; its assignee is notified when due
export const POST = route(
  {
    summary: "Add a reminder",
    tags: ["Reminders"],
    auth: "reminders:write",
    params: idParams,
    body: createReminderInput,
    responses: { 201: { description: "Scheduled", schema: reminderSchema } },
  },
  async ({ ctx, params, body }) => {
    const reminder = await createReminder(ctx, params.id, body);
    return created(reminder, `/api/v1/reminders/${reminder.id}`);
  },
);
