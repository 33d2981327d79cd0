import { z } from "zod";
import { markAllNotificationsRead } from "@/lib/notifications/notifications";
import { route } from "@/lib/http/route";

// POST /api/v1/notifications/read-all — mark every notification read
export const POST = route(
  {
    summary: "Mark all notifications read",
    tags: ["Notifications"],
    auth: "notifications:read",
    responses: {
      200: { description: "How many changed", schema: z.object({ updated: z.number().int() }) },
    },
  },
  async ({ ctx }) => ({ updated: await markAllNotificationsRead(ctx) }),
);
