import { beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, emailMessages } from "@/db/schema";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, TEST_PASSWORD, type TestOrg } from "@/lib/testing/fixtures";
import { runPendingJobs } from "@/lib/testing/jobs";
import { newId } from "@/lib/crypto/ids";

let org: TestOrg;
const email = () => `new-${newId().slice(-10)}@example.test`;

beforeAll(async () => {
  org = await createTestOrg("Users");
});

async function invitationToken(address: string) {
  await runPendingJobs();
  const [mail] = await (
    await getDb()
  )
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.toAddress, address))
    .orderBy(desc(emailMessages.createdAt));
  return /accept-invitation\?token=(\w+)/.exec(mail!.text!)![1]!;
}

describe("members", () => {
  it("lists members with filters, search and sort; everyone can see the directory", async () => {
    const all = await api("GET", "/api/v1/users", {
      token: org.members.rep.token,
      query: { sort: "email" },
    });
    expect(all.status).toBe(200);
    expect(all.json.pagination.total).toBe(5);
    expect(all.headers.get("x-total-count")).toBe("5");
    const emails = all.json.data.map((m: { email: string }) => m.email);
    expect(emails).toEqual([...emails].sort());
    const reps = await api("GET", "/api/v1/users", {
      token: org.members.manager.token,
      query: { role: "sales_rep" },
    });
    expect(reps.json.data).toHaveLength(2);
    const team = await api("GET", "/api/v1/users", {
      token: org.members.owner.token,
      query: { managerId: org.members.manager.id },
    });
    expect(team.json.data.map((m: { id: string }) => m.id).sort()).toEqual(
      [org.members.rep.id, org.members.rep2.id].sort(),
    );
    const search = await api("GET", "/api/v1/users", {
      token: org.members.owner.token,
      query: { q: "rep2" },
    });
    expect(search.json.data.map((m: { id: string }) => m.id)).toEqual([org.members.rep2.id]);
    const one = await api("GET", `/api/v1/users/${org.members.rep.id}`, {
      token: org.members.rep2.token,
    });
    expect(one.json).toMatchObject({
      id: org.members.rep.id,
      role: "sales_rep",
      status: "active",
      managerId: org.members.manager.id,
    });
    expect(JSON.stringify(all.json)).not.toMatch(/password|hash/i);
  });

  it("invites by email; the invitee accepts, sets a password and is signed in", async () => {
    const address = email();
    const invited = await api("POST", "/api/v1/users", {
      token: org.members.admin.token,
      body: {
        email: address,
        name: "Nia New",
        role: "sales_rep",
        managerId: org.members.manager.id,
      },
    });
    expect(invited.status).toBe(201);
    expect(invited.headers.get("location")).toBe(`/api/v1/users/${invited.json.id}`);
    expect(invited.json).toMatchObject({ email: address, status: "invited", role: "sales_rep" });
    const token = await invitationToken(address);
    const preview = await api("GET", `/api/v1/invitations/${token}`);
    expect(preview.json).toMatchObject({
      email: address,
      role: "sales_rep",
      accountExists: false,
      organization: { name: org.name },
    });
    const accepted = await api("POST", "/api/v1/auth/accept-invitation", {
      body: { token, password: "nia's own password" },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({
      organization: { id: org.id },
      user: { email: address, role: "sales_rep" },
    });
    expect((await api("GET", "/api/v1/auth/me", { token: accepted.json.accessToken })).status).toBe(
      200,
    );
    expect(
      (
        await api("POST", "/api/v1/auth/accept-invitation", {
          body: { token, password: "again and again" },
        })
      ).status,
    ).toBe(404);
    const member = await api("GET", `/api/v1/users/${invited.json.id}`, {
      token: org.members.owner.token,
    });
    expect(member.json.status).toBe("active");
  });

  it("makes an existing account prove its password to join, and refuses duplicates", async () => {
    const other = await createTestOrg("Other");
    const existing = other.members.rep;
    const dup = await api("POST", "/api/v1/users", {
      token: org.members.owner.token,
      body: { email: org.members.rep.email },
    });
    expect(dup.status).toBe(409);
    expect(dup.json.existingId).toBe(org.members.rep.id);
    await api("POST", "/api/v1/users", {
      token: org.members.owner.token,
      body: { email: existing.email, role: "manager" },
    });
    const token = await invitationToken(existing.email);
    expect((await api("GET", `/api/v1/invitations/${token}`)).json.accountExists).toBe(true);
    const wrong = await api("POST", "/api/v1/auth/accept-invitation", {
      body: { token, password: "not their password" },
    });
    expect(wrong.status).toBe(401);
    const right = await api("POST", "/api/v1/auth/accept-invitation", {
      body: { token, password: TEST_PASSWORD },
    });
    expect(right.json).toMatchObject({ organization: { id: org.id }, user: { role: "manager" } });
  });

  it("resends an invitation, and only the newest link works", async () => {
    const address = email();
    const invited = await api("POST", "/api/v1/users", {
      token: org.members.owner.token,
      body: { email: address },
    });
    const first = await invitationToken(address);
    expect(
      (
        await api("POST", `/api/v1/users/${invited.json.id}/invitation`, {
          token: org.members.owner.token,
        })
      ).status,
    ).toBe(202);
    const second = await invitationToken(address);
    expect(second).not.toBe(first);
    expect((await api("GET", `/api/v1/invitations/${first}`)).status).toBe(404);
    expect((await api("GET", `/api/v1/invitations/${second}`)).status).toBe(200);
  });

  it("changes roles with an audit entry; nobody grants more than they hold", async () => {
    const changed = await api("PATCH", `/api/v1/users/${org.members.rep2.id}`, {
      token: org.members.admin.token,
      body: { role: "manager", managerId: null },
    });
    expect(changed.json).toMatchObject({ role: "manager", managerId: null });
    const [entry] = await (
      await getDb()
    )
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.organizationId, org.id),
          eq(auditLogs.action, "user.role_changed"),
          eq(auditLogs.resourceId, org.members.rep2.id),
        ),
      );
    expect(entry!.changes).toMatchObject({ role: { from: "sales_rep", to: "manager" } });
    expect(entry!.actorId).toBe(org.members.admin.id);
    const toOwner = await api("PATCH", `/api/v1/users/${org.members.rep2.id}`, {
      token: org.members.admin.token,
      body: { role: "owner" },
    });
    expect(toOwner.status).toBe(403);
    const badManager = await api("PATCH", `/api/v1/users/${org.members.rep.id}`, {
      token: org.members.admin.token,
      body: { managerId: org.members.rep.id },
    });
    expect(badManager.status).toBe(400);
    const integrationRole = await api("PATCH", `/api/v1/users/${org.members.rep.id}`, {
      token: org.members.owner.token,
      body: { role: "integration" },
    });
    expect(integrationRole.status).toBe(400);
  });

  it("never removes or demotes the last owner", async () => {
    const solo = await createTestOrg("Solo");
    const demote = await api("PATCH", `/api/v1/users/${solo.members.owner.id}`, {
      token: solo.members.owner.token,
      body: { role: "admin" },
    });
    expect(demote.status).toBe(409);
    const remove = await api("DELETE", `/api/v1/users/${solo.members.owner.id}`, {
      token: solo.members.owner.token,
    });
    expect(remove.status).toBe(409);
    const byAdmin = await api("DELETE", `/api/v1/users/${solo.members.owner.id}`, {
      token: solo.members.admin.token,
    });
    expect(byAdmin.status).toBe(403);
    // With a second owner, the first may step down.
    await api("PATCH", `/api/v1/users/${solo.members.admin.id}`, {
      token: solo.members.owner.token,
      body: { role: "owner" },
    });
    const stepDown = await api("PATCH", `/api/v1/users/${solo.members.owner.id}`, {
      token: solo.members.owner.token,
      body: { role: "admin" },
    });
    expect(stepDown.status).toBe(200);
  });

  it("cuts a deactivated member off at once, and lets them back in when reactivated", async () => {
    const target = await createTestOrg("Deact");
    const rep = target.members.rep;
    const login = await api("POST", "/api/v1/auth/login", {
      body: { email: rep.email, password: TEST_PASSWORD },
    });
    expect((await api("GET", "/api/v1/auth/me", { token: rep.token })).status).toBe(200);
    expect(
      (await api("DELETE", `/api/v1/users/${rep.id}`, { token: target.members.admin.token }))
        .status,
    ).toBe(204);
    expect((await api("GET", "/api/v1/auth/me", { token: rep.token })).status).toBe(401);
    expect(
      (
        await api("POST", "/api/v1/auth/refresh", {
          body: { refreshToken: login.json.refreshToken },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await api("POST", "/api/v1/auth/login", {
          body: { email: rep.email, password: TEST_PASSWORD },
        })
      ).status,
    ).toBe(401);
    const self = await api("DELETE", `/api/v1/users/${target.members.admin.id}`, {
      token: target.members.admin.token,
    });
    expect(self.status).toBe(409);
    await api("PATCH", `/api/v1/users/${rep.id}`, {
      token: target.members.admin.token,
      body: { status: "active" },
    });
    expect((await api("GET", "/api/v1/auth/me", { token: rep.token })).status).toBe(200);
  });
});

describe("organization, audit log and email outbox", () => {
  it("renames the organization and records it", async () => {
    const renamed = await api("PATCH", "/api/v1/organization", {
      token: org.members.owner.token,
      body: { name: "Renamed Realty" },
    });
    expect(renamed.json.name).toBe("Renamed Realty");
    expect(
      (await api("GET", "/api/v1/organization", { token: org.keys.integration.secret })).json.name,
    ).toBe("Renamed Realty");
    const logs = await api("GET", "/api/v1/audit-logs", {
      token: org.members.admin.token,
      query: { resourceType: "organization", action: "organization.updated" },
    });
    expect(logs.json.data[0]).toMatchObject({
      actorId: org.members.owner.id,
      changes: { name: { to: "Renamed Realty" } },
    });
  });

  it("filters the audit log by user and date range", async () => {
    const byOwner = await api("GET", "/api/v1/audit-logs", {
      token: org.members.owner.token,
      query: { userId: org.members.owner.id, perPage: "100" },
    });
    expect(byOwner.json.data.length).toBeGreaterThan(0);
    expect(
      byOwner.json.data.every((e: { actorId: string }) => e.actorId === org.members.owner.id),
    ).toBe(true);
    const future = await api("GET", "/api/v1/audit-logs", {
      token: org.members.owner.token,
      query: { startDate: "2999-01-01T00:00:00Z" },
    });
    expect(future.json.data).toEqual([]);
    const bad = await api("GET", "/api/v1/audit-logs", {
      token: org.members.owner.token,
      query: { startDate: "yesterday" },
    });
    expect(bad.status).toBe(400);
  });

  it("shows admins the mail the organization sent, with its content", async () => {
    const address = email();
    await api("POST", "/api/v1/users", {
      token: org.members.owner.token,
      body: { email: address },
    });
    await runPendingJobs();
    const list = await api("GET", "/api/v1/email-outbox", {
      token: org.members.admin.token,
      query: { q: address },
    });
    expect(list.json.data).toHaveLength(1);
    expect(list.json.data[0]).toMatchObject({
      to: address,
      status: "sent",
      transport: "local_outbox",
      kind: "system",
    });
    const detail = await api("GET", `/api/v1/email-outbox/${list.json.data[0].id}`, {
      token: org.members.admin.token,
    });
    expect(detail.json.html).toContain("accept-invitation?token=");
    expect(
      (await api("GET", "/api/v1/email-outbox", { token: org.members.rep.token })).status,
    ).toBe(403);
  });
});
