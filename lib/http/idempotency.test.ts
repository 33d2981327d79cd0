import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, idempotencyKeys } from "@/db/schema";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { newId } from "@/lib/crypto/ids";

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("Idem");
});

const keyCount = async (name: string) =>
  (
    await (
      await getDb()
    )
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.organizationId, org.id), eq(apiKeys.name, name)))
  ).length;

describe("Idempotency-Key", () => {
  it("replays the first answer without doing the work twice", async () => {
    const key = newId();
    const first = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      headers: { "idempotency-key": key },
      body: { name: "once", role: "integration" },
    });
    // Same body with keys in another order is the same request.
    const again = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      headers: { "idempotency-key": key },
      body: { role: "integration", name: "once" },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await keyCount("once")).toBe(1);
  });

  it("answers 409 when the key is reused with a different body", async () => {
    const key = newId();
    await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      headers: { "idempotency-key": key },
      body: { name: "a" },
    });
    const other = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      headers: { "idempotency-key": key },
      body: { name: "b" },
    });
    expect(other.status).toBe(409);
    expect(other.json.code).toBe("idempotency_conflict");
    expect(await keyCount("b")).toBe(0);
  });

  it("answers 409 with Retry-After while the first request is still running", async () => {
    const key = newId();
    const db = await getDb();
    const first = api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      headers: { "idempotency-key": key },
      body: { name: "racing" },
    });
    const second = api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      headers: { "idempotency-key": key },
      body: { name: "racing" },
    });
    const statuses = (await Promise.all([first, second])).map((r) => r.status).sort();
    // Either the duplicate arrived while the first was in flight (409) or after (replayed 201).
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    expect(await keyCount("racing")).toBe(1);
    // An in-flight record, made explicit.
    const pending = newId();
    await db.insert(idempotencyKeys).values({
      organizationId: org.id,
      actorId: org.members.owner.id,
      key: pending,
      method: "POST",
      path: "/api/v1/api-keys",
      requestHash: "will-not-match-but-in-progress-is-checked-after",
      expiresAt: new Date(Date.now() + 60_000),
    });
    const res = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      headers: { "idempotency-key": pending },
      body: { name: "x" },
    });
    expect(res.status).toBe(409);
  });

  it("scopes keys per caller, stores failed validations and expires after 24 hours", async () => {
    const key = newId();
    const a = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      headers: { "idempotency-key": key },
      body: { name: "scoped" },
    });
    const b = await api("POST", "/api/v1/api-keys", {
      token: org.members.admin.token,
      headers: { "idempotency-key": key },
      body: { name: "scoped" },
    });
    expect(a.json.id).not.toBe(b.json.id);
    const db = await getDb();
    await db
      .update(idempotencyKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(idempotencyKeys.key, key));
    const fresh = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      headers: { "idempotency-key": key },
      body: { name: "scoped" },
    });
    expect(fresh.json.id).not.toBe(a.json.id);
    const invalid = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      headers: { "idempotency-key": "x".repeat(300) },
      body: { name: "y" },
    });
    expect(invalid.status).toBe(400);
  });
});
