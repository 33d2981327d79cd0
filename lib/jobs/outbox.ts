import type { EventType } from "inngest";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { outboxEvents } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { kickRelay } from "./relay-trigger";

type EventData<E> =
  E extends EventType<string, infer S>
    ? S extends StandardSchemaV1<infer D>
      ? D
      : Record<string, unknown>
    : never;

/**
 * Record an event in the outbox, inside the caller's transaction: if the change rolls back, the
 * event never existed; if it commits, the event will be delivered even if the job engine is down
 * right now. The payload is validated against the event's schema before anything is written.
 */
export async function enqueueEvent<
  E extends EventType<string, StandardSchemaV1<Record<string, unknown>> | undefined>,
>(
  db: Queryable,
  type: E,
  data: EventData<E>,
  options: { organizationId: string | null; availableAt?: Date },
): Promise<string> {
  const schema = type.schema as StandardSchemaV1 | undefined;
  if (schema) {
    const result = await schema["~standard"].validate(data);
    if (result.issues) {
      throw new Error(
        `Invalid payload for event ${type.name}: ${result.issues.map((i) => i.message).join("; ")}`,
      );
    }
  }
  const [row] = await db
    .insert(outboxEvents)
    .values({
      name: type.name,
      data: data as Record<string, unknown>,
      organizationId: options.organizationId,
      availableAt: options.availableAt ?? new Date(),
    })
    .returning({ id: outboxEvents.id });
  kickRelay();
  return row!.id;
}
