import { describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { idempotencyKeys, organizations, outboxEvents, refreshTokens, users } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { purgeExpiredRecordsFn } from "./purge-expired-records";

const DAY = 86_400_000;

describe("purge-expired-records", () => {
  it("deletes what can no longer be used and keeps what can", async () => {
    const db = await getDb();
    const [org] = await db
      .insert(organizations)
      .values({ name: "P", slug: `p-${newId()}` })
      .returning();
    const [user] = await db
      .insert(users)
      .values({ email: `${newId()}@x.test` })
      .returning();
    const now = Date.now();
    const key = (expiresAt: number) => ({
      organizationId: org!.id,
      actorId: user!.id,
      key: newId(),
      method: "POST",
      path: "/api/v1/x",
      requestHash: "h",
      expiresAt: new Date(expiresAt),
    });
    await db.insert(idempotencyKeys).values([key(now - 1000), key(now + DAY)]);
    const token = (expiresAt: number, revokedAt?: number) => ({
      organizationId: org!.id,
      userId: user!.id,
      familyId: newId(),
      tokenHash: newId(),
      expiresAt: new Date(expiresAt),
      revokedAt: revokedAt ? new Date(revokedAt) : null,
    });
    await db.insert(refreshTokens).values([
      token(now - 8 * DAY), // long expired → purged
      token(now - 1 * DAY), // recently expired → kept for reuse detection
      token(now + DAY, now - 9 * DAY), // revoked long ago → purged
      token(now + DAY), // live → kept
    ]);
    await db.insert(outboxEvents).values([
      { name: "x/old", data: {}, sentAt: new Date(now - 8 * DAY) },
      { name: "x/recent", data: {}, sentAt: new Date(now - DAY) },
      { name: "x/pending", data: {} },
    ]);

    const engine = new InngestTestEngine({ function: purgeExpiredRecordsFn });
    const { result } = await engine.execute();
    expect(result).toEqual({ idempotencyKeys: 1, refreshTokens: 2, outboxEvents: 1, other: 0 });

    expect(
      await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.organizationId, org!.id)),
    ).toHaveLength(1);
    expect(
      await db.select().from(refreshTokens).where(eq(refreshTokens.userId, user!.id)),
    ).toHaveLength(2);
    const names = (await db.select({ name: outboxEvents.name }).from(outboxEvents)).map(
      (r) => r.name,
    );
    expect(names).toEqual(expect.arrayContaining(["x/recent", "x/pending"]));
    expect(names).not.toContain("x/old");
  });
});
