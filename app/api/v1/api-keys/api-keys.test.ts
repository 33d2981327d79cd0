import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("Keys");
});

describe("API keys", () => {
  it("shows the secret once, stores only a hash, and authenticates with it", async () => {
    const made = await api("POST", "/api/v1/api-keys", {
      token: org.members.admin.token,
      body: { name: "Zapier" },
    });
    expect(made.status).toBe(201);
    expect(made.json.secret).toMatch(/^ll_live_[0-9A-Za-z]{40}$/);
    expect(made.json).toMatchObject({
      role: "integration",
      status: "active",
      prefix: made.json.secret.slice(0, 14),
    });
    const [row] = await (await getDb()).select().from(apiKeys).where(eq(apiKeys.id, made.json.id));
    expect(JSON.stringify(row)).not.toContain(made.json.secret);
    const me = await api("GET", "/api/v1/auth/me", { token: made.json.secret });
    expect(me.json).toMatchObject({
      user: null,
      role: "integration",
      organization: { id: org.id },
      apiKey: { id: made.json.id },
    });
    const list = await api("GET", "/api/v1/api-keys", { token: org.members.owner.token });
    expect(JSON.stringify(list.json)).not.toContain(made.json.secret);
    const listed = list.json.data.find((k: { id: string }) => k.id === made.json.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it("stops working the moment it is revoked", async () => {
    const made = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      body: { name: "temp" },
    });
    expect((await api("GET", "/api/v1/organization", { token: made.json.secret })).status).toBe(
      200,
    );
    expect(
      (await api("DELETE", `/api/v1/api-keys/${made.json.id}`, { token: org.members.owner.token }))
        .status,
    ).toBe(204);
    const after = await api("GET", "/api/v1/organization", { token: made.json.secret });
    expect(after.status).toBe(401);
    expect(after.json.code).toBe("invalid_token");
    const revoked = await api("GET", "/api/v1/api-keys", {
      token: org.members.owner.token,
      query: { status: "revoked" },
    });
    expect(revoked.json.data.map((k: { id: string }) => k.id)).toContain(made.json.id);
  });

  it("refuses an expired key, a past expiry and keys above the creator's role", async () => {
    const made = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      body: { name: "short-lived", expiresAt: new Date(Date.now() + 60_000).toISOString() },
    });
    await (
      await getDb()
    )
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, made.json.id));
    expect((await api("GET", "/api/v1/organization", { token: made.json.secret })).status).toBe(
      401,
    );
    const past = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      body: { name: "x", expiresAt: "2001-01-01T00:00:00Z" },
    });
    expect(past.status).toBe(400);
    const ownerKey = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      body: { name: "x", role: "owner" },
    });
    expect(ownerKey.status).toBe(400);
  });

  it("gives integration keys no user or key administration", async () => {
    const key = org.keys.integration.secret;
    expect((await api("GET", "/api/v1/users", { token: key })).status).toBe(403);
    expect(
      (await api("POST", "/api/v1/api-keys", { token: key, body: { name: "escalate" } })).status,
    ).toBe(403);
    expect((await api("GET", "/api/v1/audit-logs", { token: key })).status).toBe(403);
  });

  it("records creation and revocation in the audit log", async () => {
    const made = await api("POST", "/api/v1/api-keys", {
      token: org.members.owner.token,
      body: { name: "audited" },
    });
    await api("DELETE", `/api/v1/api-keys/${made.json.id}`, { token: org.members.owner.token });
    const log = await api("GET", "/api/v1/audit-logs", {
      token: org.members.owner.token,
      query: { resourceId: made.json.id },
    });
    expect(log.json.data.map((e: { action: string }) => e.action).sort()).toEqual([
      "api_key.created",
      "api_key.revoked",
    ]);
  });
});
