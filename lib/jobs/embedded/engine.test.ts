import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { NonRetriableError } from "inngest";
import { getDb, type Database } from "@/db/client";
import { jobRuns, organizations, type StoredEvent } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { newId } from "@/lib/crypto/ids";
import { EmbeddedJobEngine } from "./engine";

// Functions built on the real client, exercising each engine feature. Counters prove that
// memoized steps are not run again when the function is re-entered.
const calls: Record<string, number> = {};
const bump = (key: string) => (calls[key] = (calls[key] ?? 0) + 1);

const twoSteps = inngest.createFunction(
  { id: "t-two-steps", triggers: [{ event: "test/two-steps" }] },
  async ({ event, step }) => {
    const a = await step.run("a", () => (bump(`a:${event.data.n}`), (event.data.n as number) * 2));
    const b = await step.run("b", () => (bump(`b:${event.data.n}`), a + 1));
    return { a, b };
  },
);

const flaky = inngest.createFunction(
  { id: "t-flaky", triggers: [{ event: "test/flaky" }], retries: 2 },
  async ({ event, step }) => {
    await step.run("before", () => bump(`before:${event.data.key}`));
    return step.run("flaky", () => {
      if (bump(`flaky:${event.data.key}`) < 2) throw new Error("transient");
      return "recovered";
    });
  },
);

const fatal = inngest.createFunction(
  { id: "t-fatal", triggers: [{ event: "test/fatal" }], retries: 5 },
  async ({ step }) =>
    step.run("x", () => {
      throw new NonRetriableError("bad input");
    }),
);

const sleeper = inngest.createFunction(
  { id: "t-sleeper", triggers: [{ event: "test/sleep" }] },
  async ({ step }) => {
    await step.sleep("nap", "2h");
    return step.run("after", () => "woke");
  },
);

const waiter = inngest.createFunction(
  {
    id: "t-waiter",
    triggers: [{ event: "test/wait" }],
    cancelOn: [{ event: "test/cancel", match: "data.leadId" }],
  },
  async ({ step }) => {
    const reply = await step.waitForEvent("reply", {
      event: "test/replied",
      timeout: "3d",
      match: "data.leadId",
    });
    return step.run("done", () =>
      reply ? `replied:${(reply.data as { text: string }).text}` : "timed-out",
    );
  },
);

const parallel = inngest.createFunction(
  { id: "t-parallel", triggers: [{ event: "test/parallel" }] },
  async ({ step }) => {
    const [x, y] = await Promise.all([step.run("x", () => "X"), step.run("y", () => "Y")]);
    return x + y;
  },
);

const filtered = inngest.createFunction(
  { id: "t-filtered", triggers: [{ event: "test/filtered", if: "event.data.kind == 'wanted'" }] },
  async () => "ran",
);

const throttled = inngest.createFunction(
  {
    id: "t-throttled",
    triggers: [{ event: "test/throttled" }],
    throttle: { limit: 2, period: "1m", key: "event.data.mailbox" },
  },
  async () => "sent",
);

const cron = inngest.createFunction(
  { id: "t-cron", triggers: [{ cron: "*/5 * * * *" }] },
  async () => "tick",
);

let db: Database;
let clock = new Date("2026-03-01T10:00:00Z");
const now = () => clock;
let engine: EmbeddedJobEngine;

beforeAll(async () => {
  db = await getDb();
  engine = new EmbeddedJobEngine(
    db,
    [twoSteps, flaky, fatal, sleeper, waiter, parallel, filtered, throttled, cron],
    now,
  );
});

function event(name: string, data: Record<string, unknown>): StoredEvent {
  return { id: newId(), name, data, ts: clock.getTime() };
}

async function runsOf(functionId: string) {
  return db.select().from(jobRuns).where(eq(jobRuns.functionId, functionId));
}

async function advance(ms: number) {
  clock = new Date(clock.getTime() + ms);
  await engine.drain();
}

describe("embedded job engine", () => {
  it("runs each step once and stores the function's output", async () => {
    await engine.dispatch([event("test/two-steps", { n: 5 })]);
    await engine.drain();
    const [run] = await runsOf("t-two-steps");
    expect(run).toMatchObject({ status: "completed", output: { a: 10, b: 11 } });
    expect(calls["a:5"]).toBe(1);
    expect(calls["b:5"]).toBe(1);
    expect(run!.stepOrder).toHaveLength(2);
  });

  it("starts one run per function and event, however often the event is delivered", async () => {
    const e = event("test/two-steps", { n: 7 });
    await engine.dispatch([e]);
    await engine.dispatch([e]);
    await engine.drain();
    await engine.dispatch([e]);
    await engine.drain();
    const runs = (await runsOf("t-two-steps")).filter((r) => r.triggerKey === e.id);
    expect(runs).toHaveLength(1);
    expect(calls["a:7"]).toBe(1);
  });

  it("retries a failing step with backoff without re-running the steps before it", async () => {
    await engine.dispatch([event("test/flaky", { key: "k1" })]);
    await engine.drain();
    let [run] = await runsOf("t-flaky");
    expect(run).toMatchObject({
      status: "queued",
      attempt: 1,
      error: expect.stringContaining("transient"),
    });
    expect(run!.wakeAt.getTime()).toBeGreaterThan(clock.getTime());
    await advance(60_000);
    [run] = await runsOf("t-flaky");
    expect(run).toMatchObject({ status: "completed", output: "recovered" });
    expect(calls["before:k1"]).toBe(1);
    expect(calls["flaky:k1"]).toBe(2);
  });

  it("fails at once on a NonRetriableError", async () => {
    await engine.dispatch([event("test/fatal", {})]);
    await engine.drain();
    const [run] = await runsOf("t-fatal");
    expect(run).toMatchObject({ status: "failed" });
    expect(run!.error).toContain("bad input");
  });

  it("sleeps until the time comes, then continues", async () => {
    await engine.dispatch([event("test/sleep", {})]);
    await engine.drain();
    let [run] = await runsOf("t-sleeper");
    expect(run!.status).toBe("sleeping");
    expect(run!.wakeAt.toISOString()).toBe(new Date(clock.getTime() + 2 * 3600_000).toISOString());
    await advance(3600_000);
    [run] = await runsOf("t-sleeper");
    expect(run!.status).toBe("sleeping");
    await advance(3600_000);
    [run] = await runsOf("t-sleeper");
    expect(run).toMatchObject({ status: "completed", output: "woke" });
  });

  it("resumes a waiting run only with the matching event, within its organization", async () => {
    const [a, b] = await db
      .insert(organizations)
      .values([
        { name: "A", slug: `a-${newId()}` },
        { name: "B", slug: `b-${newId()}` },
      ])
      .returning();
    const orgA = a!.id;
    const orgB = b!.id;
    await engine.dispatch([event("test/wait", { leadId: "L1", organizationId: orgA })]);
    await engine.drain();
    let [run] = await runsOf("t-waiter");
    expect(run).toMatchObject({ status: "waiting", waitingEvent: "test/replied" });
    // Another lead, and the same lead id in another organization: neither resumes it.
    await engine.dispatch([
      event("test/replied", { leadId: "L2", organizationId: orgA, text: "other lead" }),
      event("test/replied", { leadId: "L1", organizationId: orgB, text: "other org" }),
    ]);
    await engine.drain();
    [run] = await runsOf("t-waiter");
    expect(run!.status).toBe("waiting");
    await engine.dispatch([
      event("test/replied", { leadId: "L1", organizationId: orgA, text: "yes please" }),
    ]);
    await engine.drain();
    [run] = await runsOf("t-waiter");
    expect(run).toMatchObject({ status: "completed", output: "replied:yes please" });
  });

  it("resumes with null when the wait times out", async () => {
    const e = event("test/wait", { leadId: "L-timeout" });
    await engine.dispatch([e]);
    await engine.drain();
    await advance(3 * 86_400_000 + 1000);
    const run = (await runsOf("t-waiter")).find((r) => r.triggerKey === e.id);
    expect(run).toMatchObject({ status: "completed", output: "timed-out" });
  });

  it("cancels runs matching a cancelOn event, and only those", async () => {
    const keep = event("test/wait", { leadId: "keep" });
    const stop = event("test/wait", { leadId: "stop" });
    await engine.dispatch([keep, stop]);
    await engine.drain();
    await engine.dispatch([event("test/cancel", { leadId: "stop" })]);
    await engine.drain();
    const runs = await runsOf("t-waiter");
    expect(runs.find((r) => r.triggerKey === stop.id)!.status).toBe("cancelled");
    expect(runs.find((r) => r.triggerKey === keep.id)!.status).toBe("waiting");
  });

  it("runs parallel steps", async () => {
    await engine.dispatch([event("test/parallel", {})]);
    await engine.drain();
    const [run] = await runsOf("t-parallel");
    expect(run).toMatchObject({ status: "completed", output: "XY" });
  });

  it("honours trigger filters", async () => {
    await engine.dispatch([
      event("test/filtered", { kind: "other" }),
      event("test/filtered", { kind: "wanted" }),
    ]);
    await engine.drain();
    const runs = await runsOf("t-filtered");
    expect(runs).toHaveLength(1);
    expect(runs[0]!.event.data.kind).toBe("wanted");
  });

  it("throttles run starts per key", async () => {
    await engine.dispatch([1, 2, 3].map((i) => event("test/throttled", { mailbox: "m1", i })));
    await engine.dispatch([event("test/throttled", { mailbox: "m2", i: 4 })]);
    await engine.drain();
    let runs = await runsOf("t-throttled");
    expect(runs.filter((r) => r.status === "completed")).toHaveLength(3);
    const waiting = runs.filter((r) => r.status === "queued");
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.event.data.mailbox).toBe("m1");
    await advance(61_000);
    runs = await runsOf("t-throttled");
    expect(runs.every((r) => r.status === "completed")).toBe(true);
  });

  it("skips a run whose concurrency key is at its limit in another process", async () => {
    const concurrent = inngest.createFunction(
      {
        id: "t-concurrent",
        triggers: [{ event: "test/concurrent" }],
        concurrency: { limit: 1, key: "event.data.org" },
      },
      async () => "done",
    );
    const local = new EmbeddedJobEngine(db, [concurrent], now);
    await local.dispatch([
      event("test/concurrent", { org: "o1" }),
      event("test/concurrent", { org: "o1" }),
    ]);
    const [first] = await runsOf("t-concurrent");
    // Simulate another process holding the only slot for key o1.
    await db
      .update(jobRuns)
      .set({ status: "running", leaseUntil: new Date(clock.getTime() + 60_000) })
      .where(eq(jobRuns.id, first!.id));
    await local.drain();
    let runs = await runsOf("t-concurrent");
    expect(runs.filter((r) => r.status === "queued")).toHaveLength(1);
    await db
      .update(jobRuns)
      .set({ status: "queued", leaseUntil: null })
      .where(eq(jobRuns.id, first!.id));
    await local.drain();
    runs = await runsOf("t-concurrent");
    expect(runs.every((r) => r.status === "completed")).toBe(true);
  });

  it("reclaims a run whose process died mid-run (expired lease)", async () => {
    const e = event("test/two-steps", { n: 11 });
    await engine.dispatch([e]);
    await db
      .update(jobRuns)
      .set({ status: "running", leaseUntil: new Date(clock.getTime() - 1000) })
      .where(and(eq(jobRuns.functionId, "t-two-steps"), eq(jobRuns.triggerKey, e.id)));
    await engine.drain();
    const run = (await runsOf("t-two-steps")).find((r) => r.triggerKey === e.id);
    expect(run!.status).toBe("completed");
  });

  it("schedules each cron tick once, without backfilling before boot", async () => {
    clock = new Date("2026-03-02T10:01:00Z");
    expect(await engine.scheduleCrons()).toBe(0);
    clock = new Date("2026-03-02T10:04:59Z");
    expect(await engine.scheduleCrons()).toBe(0);
    clock = new Date("2026-03-02T10:05:01Z");
    expect(await engine.scheduleCrons()).toBe(1);
    expect(await engine.scheduleCrons()).toBe(0);
    // A second engine (another process) scheduling the same tick adds no duplicate run.
    const other = new EmbeddedJobEngine(db, [cron], () => new Date("2026-03-02T10:04:00Z"));
    await other.scheduleCrons();
    const otherNow = new Date("2026-03-02T10:05:30Z");
    (other as unknown as { now: () => Date }).now = () => otherNow;
    await other.scheduleCrons();
    await engine.drain();
    const runs = await runsOf("t-cron");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "completed", output: "tick" });
  });
});
