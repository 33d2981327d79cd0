import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { sendCounters } from "@/db/schema";
import { createTestMailbox } from "@/lib/campaigns/sequence/test-campaign";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { queueEmail } from "./queue-email";
import { purgeSendCounters, sentSince } from "./send-counters";

let db: Database;
let org: TestOrg;
let mailboxId: string;

beforeAll(async () => {
  db = await getDb();
  org = await createTestOrg("Send counters");
  mailboxId = (await createTestMailbox(org.id)).id;
});

function queueAt(createdAt: string, extra: { campaignId?: string } = {}) {
  return queueEmail(db, {
    organizationId: org.id,
    kind: "manual",
    to: "someone@example.test",
    subject: "Hi",
    text: "Hi",
    mailboxId,
    createdAt: new Date(createdAt),
    ...extra,
  });
}

const key = () => ({ organizationId: org.id, scope: "mailbox" as const, scopeId: mailboxId });
const HOUR = 3600_000;

describe("send counters", () => {
  it("counts queued mail per minute and sums a window from the minute holding its start", async () => {
    await queueAt("2026-05-01T09:10:05Z");
    await queueAt("2026-05-01T09:10:50Z");
    await queueAt("2026-05-01T09:40:00Z");
    await queueAt("2026-05-01T10:05:00Z");
    const rows = await db
      .select()
      .from(sendCounters)
      .where(and(eq(sendCounters.organizationId, org.id), eq(sendCounters.scopeId, mailboxId)));
    expect(rows.map((r) => [r.minute.toISOString(), r.sent]).sort()).toEqual([
      ["2026-05-01T09:10:00.000Z", 2],
      ["2026-05-01T09:40:00.000Z", 1],
      ["2026-05-01T10:05:00.000Z", 1],
    ]);
    // An hour before 10:10:30 starts inside 09:10, which counts whole: at most a minute early.
    const usage = await sentSince(db, key(), new Date("2026-05-01T09:10:30Z"), HOUR);
    expect(usage).toEqual({ count: 4, freesAt: new Date("2026-05-01T10:11:00Z") });
    const later = await sentSince(db, key(), new Date("2026-05-01T09:11:00Z"), HOUR);
    expect(later).toEqual({ count: 2, freesAt: new Date("2026-05-01T10:41:00Z") });
  });

  it("keeps mailboxes and campaigns of other organizations apart", async () => {
    const other = await createTestOrg("Other counters");
    const usage = await sentSince(
      db,
      { organizationId: other.id, scope: "mailbox", scopeId: mailboxId },
      new Date("2026-05-01T00:00:00Z"),
      HOUR,
    );
    expect(usage.count).toBe(0);
  });

  it("purges minutes older than two days", async () => {
    await queueAt("2026-04-20T08:00:00Z");
    const purged = await purgeSendCounters(db, new Date("2026-05-03T09:00:00Z"));
    expect(purged).toBeGreaterThanOrEqual(1);
    // The cutoff is 2026-05-01T09:00: 04-20 goes, the first test's four messages stay.
    const left = await sentSince(db, key(), new Date("2026-04-01T00:00:00Z"), HOUR);
    expect(left.count).toBe(4);
  });
});
