import { describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { getDb } from "@/db/client";
import { auditLogs, emailMessages, users } from "@/db/schema";
import { LIMITS } from "@/lib/auth/login-throttle";
import { api } from "@/lib/testing/api-client";
import { runPendingJobs } from "@/lib/testing/jobs";
import { newId } from "@/lib/crypto/ids";

const password = "a strong passphrase";
const email = () => `person-${newId().slice(-10)}@example.test`;

async function register(address = email(), extra: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/auth/register", {
    body: { email: address, password, name: "Pat Doe", ...extra },
  });
  expect(res.status).toBe(201);
  return res.json;
}

describe("registration and login", () => {
  it("registers a user with a new organization they own", async () => {
    const address = email();
    const session = await register(address.toUpperCase(), { organizationName: "Acme Realty" });
    expect(session).toMatchObject({
      tokenType: "Bearer",
      expiresIn: 900,
      user: { email: address, name: "Pat Doe", role: "owner" },
      organization: { name: "Acme Realty" },
    });
    expect(session.refreshToken).toMatch(/^llr_/);
    const me = await api("GET", "/api/v1/auth/me", { token: session.accessToken });
    expect(me.json).toMatchObject({
      role: "owner",
      organization: { id: session.organization.id },
      user: { email: address },
    });
    const [user] = await (await getDb()).select().from(users).where(eq(users.email, address));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(me.json)).not.toContain("argon2");
  });

  it("refuses a duplicate email, a short password and unknown fields", async () => {
    const address = email();
    await register(address);
    const dup = await api("POST", "/api/v1/auth/register", { body: { email: address, password } });
    expect(dup.status).toBe(409);
    const short = await api("POST", "/api/v1/auth/register", {
      body: { email: email(), password: "short" },
    });
    expect(short.status).toBe(400);
    expect(short.json.errors[0].path).toBe("password");
    const long = await api("POST", "/api/v1/auth/register", {
      body: { email: email(), password: "x".repeat(129) },
    });
    expect(long.status).toBe(400);
    const massAssign = await api("POST", "/api/v1/auth/register", {
      body: { email: email(), password, role: "owner", organizationId: newId() },
    });
    expect(massAssign.status).toBe(400);
    expect(massAssign.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "organizationId",
      "role",
    ]);
  });

  it("gives the same 401 for a wrong email and a wrong password", async () => {
    const address = email();
    await register(address);
    const ok = await api("POST", "/api/v1/auth/login", {
      body: { email: address, password },
      headers: { "x-forwarded-for": "10.0.0.1" },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ tokenType: "Bearer", user: { email: address } });
    const wrongPassword = await api("POST", "/api/v1/auth/login", {
      body: { email: address, password: "nope nope nope" },
      headers: { "x-forwarded-for": "10.0.0.1" },
    });
    const wrongEmail = await api("POST", "/api/v1/auth/login", {
      body: { email: email(), password },
      headers: { "x-forwarded-for": "10.0.0.1" },
    });
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(wrongPassword.json).toEqual(wrongEmail.json);
    expect(wrongPassword.json.code).toBe("invalid_credentials");
    const [failure] = await (
      await getDb()
    )
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.organizationId, ok.json.organization.id),
          eq(auditLogs.action, "auth.login_failed"),
        ),
      );
    expect(failure).toMatchObject({ ip: "10.0.0.1", resourceId: ok.json.user.id });
  });
});

describe("throttling sign-in", () => {
  it("blocks an account from an address after repeated failures, with Retry-After", async () => {
    const address = email();
    await register(address);
    const from = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < LIMITS.pair; i++) {
      const res = await api("POST", "/api/v1/auth/login", {
        body: { email: address, password: "wrong password" },
        headers: from,
      });
      expect(res.status).toBe(401);
    }
    const blocked = await api("POST", "/api/v1/auth/login", {
      body: { email: address, password },
      headers: from,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.json.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
    // The right password from another address still works: the block is not an account lock.
    const elsewhere = await api("POST", "/api/v1/auth/login", {
      body: { email: address, password },
      headers: { "x-forwarded-for": "198.51.100.2" },
    });
    expect(elsewhere.status).toBe(200);
  });

  it("blocks distributed guessing of one account, except from addresses that signed in before", async () => {
    const address = email();
    await register(address);
    const home = { "x-forwarded-for": "192.0.2.10" };
    expect(
      (
        await api("POST", "/api/v1/auth/login", {
          body: { email: address, password },
          headers: home,
        })
      ).status,
    ).toBe(200);
    for (let i = 0; i < LIMITS.account; i++) {
      await api("POST", "/api/v1/auth/login", {
        body: { email: address, password: "guess guess" },
        headers: { "x-forwarded-for": `198.18.${Math.floor(i / 4)}.${i}` },
      });
    }
    const stranger = await api("POST", "/api/v1/auth/login", {
      body: { email: address, password },
      headers: { "x-forwarded-for": "198.18.99.99" },
    });
    expect(stranger.status).toBe(429);
    const owner = await api("POST", "/api/v1/auth/login", {
      body: { email: address, password },
      headers: home,
    });
    expect(owner.status).toBe(200);
  });
});

describe("tokens", () => {
  it("rotates refresh tokens, and a reused one revokes the whole family", async () => {
    const session = await register();
    const first = await api("POST", "/api/v1/auth/refresh", {
      body: { refreshToken: session.refreshToken },
    });
    expect(first.status).toBe(200);
    expect(first.json.refreshToken).not.toBe(session.refreshToken);
    const second = await api("POST", "/api/v1/auth/refresh", {
      body: { refreshToken: first.json.refreshToken },
    });
    expect(second.status).toBe(200);
    // The first token again: theft. Everything from that login is revoked, including the newest.
    const replay = await api("POST", "/api/v1/auth/refresh", {
      body: { refreshToken: session.refreshToken },
    });
    expect(replay.status).toBe(401);
    const newest = await api("POST", "/api/v1/auth/refresh", {
      body: { refreshToken: second.json.refreshToken },
    });
    expect(newest.status).toBe(401);
  });

  it("logs out one refresh token, or every session of the caller", async () => {
    const address = email();
    const session = await register(address);
    const other = (await api("POST", "/api/v1/auth/login", { body: { email: address, password } }))
      .json;
    expect(
      (await api("POST", "/api/v1/auth/logout", { body: { refreshToken: session.refreshToken } }))
        .status,
    ).toBe(204);
    expect(
      (await api("POST", "/api/v1/auth/refresh", { body: { refreshToken: session.refreshToken } }))
        .status,
    ).toBe(401);
    expect(
      (await api("POST", "/api/v1/auth/refresh", { body: { refreshToken: other.refreshToken } }))
        .status,
    ).toBe(200);
    const everywhere = await api("POST", "/api/v1/auth/logout", { token: other.accessToken });
    expect(everywhere.status).toBe(204);
    expect((await api("GET", "/api/v1/auth/me", { token: other.accessToken })).status).toBe(401);
    expect((await api("GET", "/api/v1/auth/me", { token: session.accessToken })).status).toBe(401);
  });

  it("rejects alg:none, other keys, other algorithms, garbage and expired tokens", async () => {
    const session = await register();
    const [, payload] = session.accessToken.split(".");
    const none = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payload}.`;
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const otherKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("x".repeat(32)));
    const hs512 = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS512" })
      .sign(new TextEncoder().encode("y".repeat(64)));
    const expired = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("z".repeat(32)));
    for (const token of [none, otherKey, hs512, expired, "garbage", `${session.accessToken}x`]) {
      const res = await api("GET", "/api/v1/auth/me", { token });
      expect(res.status).toBe(401);
      expect(res.json.code).toBe("invalid_token");
    }
    expect(
      (await api("GET", "/api/v1/auth/me", { headers: { authorization: "Basic abc" } })).status,
    ).toBe(401);
    expect((await api("GET", "/api/v1/auth/me")).json.code).toBe("unauthenticated");
  });
});

describe("profile and password", () => {
  it("changes the name, and a new password ends other sessions but not the caller's", async () => {
    const address = email();
    const session = await register(address);
    const elsewhere = (
      await api("POST", "/api/v1/auth/login", { body: { email: address, password } })
    ).json;
    const renamed = await api("PATCH", "/api/v1/auth/me", {
      token: session.accessToken,
      body: { name: "Pat Q. Doe" },
    });
    expect(renamed.json.user.name).toBe("Pat Q. Doe");
    const noCurrent = await api("PATCH", "/api/v1/auth/me", {
      token: session.accessToken,
      body: { newPassword: "another long one" },
    });
    expect(noCurrent.status).toBe(400);
    const wrongCurrent = await api("PATCH", "/api/v1/auth/me", {
      token: session.accessToken,
      body: { currentPassword: "not it at all", newPassword: "another long one" },
    });
    expect(wrongCurrent.status).toBe(400);
    const changed = await api("PATCH", "/api/v1/auth/me", {
      token: session.accessToken,
      body: { currentPassword: password, newPassword: "another long one" },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.accessToken).toBeTruthy();
    expect((await api("GET", "/api/v1/auth/me", { token: changed.json.accessToken })).status).toBe(
      200,
    );
    expect((await api("GET", "/api/v1/auth/me", { token: elsewhere.accessToken })).status).toBe(
      401,
    );
    expect(
      (
        await api("POST", "/api/v1/auth/refresh", {
          body: { refreshToken: elsewhere.refreshToken },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await api("POST", "/api/v1/auth/login", {
          body: { email: address, password: "another long one" },
        })
      ).status,
    ).toBe(200);
  });

  it("resets a forgotten password through an emailed single-use link", async () => {
    const address = email();
    const session = await register(address);
    const unknown = await api("POST", "/api/v1/auth/forgot-password", { body: { email: email() } });
    const known = await api("POST", "/api/v1/auth/forgot-password", { body: { email: address } });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.json).toEqual(unknown.json);
    await runPendingJobs();
    const db = await getDb();
    const [mail] = await db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, address))
      .orderBy(desc(emailMessages.createdAt));
    expect(mail).toMatchObject({
      kind: "system",
      status: "sent",
      transport: "local_outbox",
      organizationId: session.organization.id,
    });
    const token = /reset-password\?token=(\w+)/.exec(mail!.text!)![1]!;
    const reset = await api("POST", "/api/v1/auth/reset-password", {
      body: { token, password: "brand new secret" },
    });
    expect(reset.status).toBe(204);
    expect(
      (
        await api("POST", "/api/v1/auth/reset-password", {
          body: { token, password: "brand new secret 2" },
        })
      ).status,
    ).toBe(400);
    expect((await api("GET", "/api/v1/auth/me", { token: session.accessToken })).status).toBe(401);
    expect(
      (
        await api("POST", "/api/v1/auth/login", {
          body: { email: address, password: "brand new secret" },
        })
      ).status,
    ).toBe(200);
  });
});

describe("organizations", () => {
  it("switches between the caller's organizations; others are a 404", async () => {
    const a = await register();
    const b = await register();
    // Invite a's owner into b's organization and accept.
    await api("POST", "/api/v1/users", {
      token: b.accessToken,
      body: { email: a.user.email, role: "manager" },
    });
    await runPendingJobs();
    const db = await getDb();
    const [mail] = await db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, a.user.email))
      .orderBy(desc(emailMessages.createdAt));
    const token = /token=(\w+)/.exec(mail!.text!)![1]!;
    const joined = await api("POST", "/api/v1/auth/accept-invitation", {
      body: { token, password },
    });
    expect(joined.json.organization.id).toBe(b.organization.id);
    const orgs = await api("GET", "/api/v1/auth/organizations", { token: a.accessToken });
    expect(orgs.json.data.map((o: { id: string }) => o.id).sort()).toEqual(
      [a.organization.id, b.organization.id].sort(),
    );
    const switched = await api("POST", "/api/v1/auth/switch-organization", {
      token: a.accessToken,
      body: { organizationId: b.organization.id },
    });
    expect(switched.status).toBe(200);
    expect(
      (await api("GET", "/api/v1/auth/me", { token: switched.json.accessToken })).json,
    ).toMatchObject({
      role: "manager",
      organization: { id: b.organization.id },
    });
    const stranger = await register();
    const refused = await api("POST", "/api/v1/auth/switch-organization", {
      token: a.accessToken,
      body: { organizationId: stranger.organization.id },
    });
    expect(refused.status).toBe(404);
  });
});
