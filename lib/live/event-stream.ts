import { getDatabase } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { log } from "@/lib/log";
import { countUnreadNotifications } from "@/lib/notifications/notifications";
import { liveHub } from "./live-hub";
import type { LiveMessage } from "./live-messages";

/** Proxies close idle connections after about a minute; a comment line keeps ours open. */
const HEARTBEAT_MS = 25_000;
/** What a browser's EventSource waits before reconnecting after the stream drops. */
const RETRY_MS = 5_000;

const frame = (event: string, data: unknown) =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * The caller's live event stream (Server-Sent Events): first the unread-notification count, then
 * one event per change that concerns them — `notifications` with the new count, or the change's
 * own type for everything else — until the client goes away.
 */
export async function openEventStream(ctx: Ctx, signal: AbortSignal): Promise<Response> {
  const encoder = new TextEncoder();
  const unread = async () => ({ unreadCount: await countUnreadNotifications(ctx) });
  // Frames produced before the stream exists wait here, so nothing between the two is lost.
  const early: string[] = [];
  let send = (text: string) => void early.push(text);
  const onMessage = (message: LiveMessage) => {
    if (message.type !== "notifications.changed") {
      send(frame(message.type, message.data));
      return;
    }
    unread().then(
      (data) => send(frame("notifications", data)),
      (error) => log.warn("live unread count failed", { error: String(error) }),
    );
  };
  // Listen first, then count: a change in between is in the count or in a later event.
  const unsubscribe = await liveHub(await getDatabase()).subscribe(
    ctx.orgId,
    ctx.actor.userId,
    onMessage,
  );
  let first: { unreadCount: number };
  try {
    first = await unread();
  } catch (error) {
    unsubscribe();
    throw error;
  }

  let closed = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const close = (controller?: ReadableStreamDefaultController<Uint8Array>) => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    try {
      controller?.close();
    } catch {
      // Already closed by the runtime.
    }
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      send = (text) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      send(`retry: ${RETRY_MS}\n\n${frame("notifications", first)}`);
      early.splice(0).forEach(send);
      heartbeat = setInterval(() => send(": ping\n\n"), HEARTBEAT_MS);
      if (signal.aborted) close(controller);
      else signal.addEventListener("abort", () => close(controller), { once: true });
    },
    cancel() {
      close();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      // Nginx and similar proxies would otherwise buffer the stream.
      "x-accel-buffering": "no",
    },
  });
}
