import { beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { jobRuns, type StoredEvent } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { newId } from "@/lib/crypto/ids";
import { EmbeddedJobEngine } from "./engine";
import { registerFunctions } from "./registry";

// Like send-email: at most one run per mailbox and two per provider, whichever is tighter.
const limited = inngest.createFunction(
  {
    id: "t-two-limits",
    triggers: [{ event: "test/two-limits" }],
    concurrency: [
      { limit: 1, key: "event.data.mailbox" },
      { limit: 2, key: "event.data.provider" },
    ],
  },
  async ({ event }) => `sent ${String(event.data.name)}`,
);

const clock = new Date("2026-05-04T10:00:00Z");
let db: Database;
let engine: EmbeddedJobEngine;

beforeAll(async () => {
  db = await getDb();
  engine = new EmbeddedJobEngine(db, [limited], () => clock);
});

function event(name: string, mailbox: string, provider: string): StoredEvent {
  return { id: newId(), name: "test/two-limits", data: { name, mailbox, provider }, ts: 0 };
}

async function statusByName() {
  const runs = await db.select().from(jobRuns).where(eq(jobRuns.functionId, "t-two-limits"));
  return Object.fromEntries(runs.map((r) => [String(r.event.data.name), r.status]));
}

/** Pretend another process is executing these runs right now. */
async function holdRunning(names: string[]) {
  const runs = await db.select().from(jobRuns).where(eq(jobRuns.functionId, "t-two-limits"));
  const ids = runs.filter((r) => names.includes(String(r.event.data.name))).map((r) => r.id);
  await db
    .update(jobRuns)
    .set({ status: "running", leaseUntil: new Date(clock.getTime() + 60_000) })
    .where(inArray(jobRuns.id, ids));
  return ids;
}

describe("embedded engine concurrency with several keys", () => {
  it("registers every concurrency entry and refuses keys it can't compare", () => {
    const [fn] = registerFunctions([limited]).values();
    expect(fn!.concurrency).toEqual([
      { limit: 1, key: "event.data.mailbox" },
      { limit: 2, key: "event.data.provider" },
    ]);
    const odd = inngest.createFunction(
      { id: "t-odd-key", triggers: [{ event: "x/y" }], concurrency: { limit: 1, key: "1 + 1" } },
      async () => null,
    );
    expect(() => registerFunctions([odd])).toThrow(/Unsupported concurrency key/);
  });

  it("holds a run back while any one of its keys is at its limit", async () => {
    await engine.dispatch([
      event("a", "m1", "p1"),
      event("b", "m1", "p1"),
      event("c", "m2", "p1"),
      event("d", "m3", "p1"),
      event("e", "m4", "p2"),
    ]);
    const held = await holdRunning(["a", "c"]);
    await engine.drain();
    // b shares mailbox m1 with a; d is the third run of provider p1; e is free on both counts.
    expect(await statusByName()).toMatchObject({
      b: "queued",
      d: "queued",
      e: "completed",
    });
    await db
      .update(jobRuns)
      .set({ status: "queued", leaseUntil: null })
      .where(inArray(jobRuns.id, held));
    await engine.drain();
    expect(Object.values(await statusByName()).every((s) => s === "completed")).toBe(true);
  });
});
