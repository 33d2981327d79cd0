import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobRuns, outboxEvents } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { organizationCreated } from "@/inngest/events";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createUser } from "@/lib/users/create-user";
import { newId } from "@/lib/crypto/ids";
import { relayOutbox } from "../relay";
import { EmbeddedJobEngine } from "./engine";

describe("outbox → relay → embedded engine → function", () => {
  it("runs a function for an event recorded inside a domain transaction", async () => {
    const db = await getDb();
    const seen: string[] = [];
    const onOrgCreated = inngest.createFunction(
      { id: "t-on-org-created", triggers: [organizationCreated] },
      async ({ event, step }) =>
        step.run("note", () => (seen.push(event.data.name), event.data.organizationId)),
    );
    const engine = new EmbeddedJobEngine(db, [onOrgCreated]);
    const org = await db.transaction(async (tx) => {
      const user = await createUser(tx, { email: `${newId()}@example.test`, name: "Founder" });
      return createOrganization(tx, { name: "Relay Test Co", ownerUserId: user.id });
    });
    const delivered = await relayOutbox(db, (events) =>
      engine.dispatch(
        events.map((e) => ({ id: e.id, name: e.name, data: e.data, ts: e.createdAt.getTime() })),
      ),
    );
    expect(delivered.delivered).toBeGreaterThanOrEqual(1);
    await engine.drain();
    const [run] = await db.select().from(jobRuns).where(eq(jobRuns.functionId, "t-on-org-created"));
    expect(run).toMatchObject({ status: "completed", output: org.id, organizationId: org.id });
    expect(seen).toEqual(["Relay Test Co"]);
    const [event] = await db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.organizationId, org.id));
    expect(event!.sentAt).not.toBeNull();
    expect(run!.triggerKey).toBe(event!.id);
  });
});
