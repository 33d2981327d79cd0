import { z } from "zod";
import { listReminders, listRemindersQuery, reminderSchema } from "@/lib/reminders/reminders";
import { route } from "@/lib/http/route";

// GET /api/v1/reminders — follow-ups: overdue, today, upcoming (e.g. ?due=today&assigneeId=me)
export const GET = route(
  {
    summary: "List reminders",
    tags: ["Reminders"],
    auth: "reminders:read",
    query: listRemindersQuery,
    responses: {
      200: {
        description: "Reminders, soonest first",
        schema: z.object({ data: z.array(reminderSchema) }),
      },
    },
  },
  ({ ctx, query }) => listReminders(ctx, query),
);
