import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { StoredEvent } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { newId } from "@/lib/crypto/ids";
import { EmbeddedJobEngine } from "./engine";

// How many runs of each test function are inside their step at the same moment.
const live = { free: 0, keyed: 0 };
const peak = { free: 0, keyed: 0 };

async function occupy(which: keyof typeof live) {
  live[which]++;
  peak[which] = Math.max(peak[which], live[which]);
  await new Promise((resolve) => setTimeout(resolve, 30));
  live[which]--;
}

const free = inngest.createFunction(
  { id: "t-parallel-free", triggers: [{ event: "test/parallel-free" }] },
  async ({ step }) => step.run("work", () => occupy("free")),
);

// One run per account at a time, whatever the engine's parallelism.
const keyed = inngest.createFunction(
  {
    id: "t-parallel-keyed",
    triggers: [{ event: "test/parallel-keyed" }],
    concurrency: { limit: 1, key: "event.data.account" },
  },
  async ({ step }) => step.run("work", () => occupy("keyed")),
);

const events = (name: string, data: (i: number) => Record<string, unknown>): StoredEvent[] =>
  Array.from({ length: 6 }, (_, i) => ({ id: newId(), name, data: data(i), ts: 0 }));

describe("embedded engine running several runs at once", () => {
  it("overlaps executions up to its parallelism, and still honours concurrency keys", async () => {
    const db = await getDb();
    const engine = new EmbeddedJobEngine(db, [free, keyed], undefined, 4);
    await engine.dispatch(events("test/parallel-free", () => ({})));
    await engine.dispatch(events("test/parallel-keyed", () => ({ account: "a" })));
    await engine.drain();
    expect(peak.free).toBeGreaterThan(1);
    expect(peak.free).toBeLessThanOrEqual(4);
    expect(peak.keyed).toBe(1);
  });

  it("runs one at a time by default", async () => {
    const db = await getDb();
    peak.free = 0;
    const engine = new EmbeddedJobEngine(db, [free]);
    await engine.dispatch(events("test/parallel-free", () => ({})));
    await engine.drain();
    expect(peak.free).toBe(1);
  });
});
