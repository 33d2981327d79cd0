import { z } from "zod";
import { markNotificationRead } from "@/lib/notifications/notifications";
import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// PATCH /api/v1/notifications/{id} — mark read or unread
export const PATCH = route(
  {
    summary: "Mark a notification read",
    tags: ["Notifications"],
    auth: "notifications:read",
    params: idParams,
    body: z.strictObject({ read: z.boolean() }).meta({ id: "MarkNotification" }),
    responses: { 204: { description: "Done" } },
  },
  async ({ ctx, params, body }) => {
    await markNotificationRead(ctx, params.id, body.read);
    return noContent();
  },
);
