import type { Inngest } from "inngest";
import { inngest } from "@/inngest/client";
import type { DeliverEvents } from "./relay";

/** Outbox → Inngest. The row id is the event id, so Inngest drops any redelivered duplicate. */
export function createInngestDeliverer(client: Inngest.Any): DeliverEvents {
  return async (events) => {
    await client.send(
      events.map((e) => ({ id: e.id, name: e.name, data: e.data, ts: e.createdAt.getTime() })),
    );
  };
}

export const deliverToInngest = createInngestDeliverer(inngest);
