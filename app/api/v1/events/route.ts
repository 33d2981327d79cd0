import { z } from "zod";
import { openEventStream } from "@/lib/live/event-stream";
import { route } from "@/lib/http/route";

// GET /api/v1/events — the caller's live updates as Server-Sent Events
export const GET = route(
  {
    summary: "Live updates (Server-Sent Events)",
    description:
      "A text/event-stream that first sends `notifications` ({unreadCount}), then one event per change that concerns the caller, with a comment line every 25 s. Reconnect when it ends (EventSource does so by itself).",
    tags: ["Notifications"],
    auth: "notifications:read",
    responses: {
      200: {
        description: "An event stream",
        contentType: "text/event-stream",
        schema: z.string(),
      },
    },
  },
  ({ ctx, req }) => openEventStream(ctx, req.signal),
);
