import { z } from "zod";
import {
  listNotifications,
  listNotificationsQuery,
  notificationSchema,
} from "@/lib/notifications/notifications";
import { route } from "@/lib/http/route";

// GET /api/v1/notifications — the caller's notifications and unread count
export const GET = route(
  {
    summary: "List my notifications",
    tags: ["Notifications"],
    auth: "notifications:read",
    query: listNotificationsQuery,
    responses: {
      200: {
        description: "Newest first",
        schema: z.object({ data: z.array(notificationSchema), unreadCount: z.number().int() }),
      },
    },
  },
  ({ ctx, query }) => listNotifications(ctx, query),
);
