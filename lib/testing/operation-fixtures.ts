import { and, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, emailMessages, invitations, leads, memberships } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { queueEmail } from "@/lib/email/queue-email";
import { inviteMember } from "@/lib/users/invite-member";
import { createLead } from "@/lib/leads/create-lead";
import { deleteLead } from "@/lib/leads/delete-lead";
import { newId } from "@/lib/crypto/ids";
import type { TestOrg } from "./fixtures";

export interface PreparedCall {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}

/**
 * How to make a valid call to each operation that needs more than its path: `prepare` creates
 * what the call acts on inside the given organization (fresh every time, so destructive calls
 * can run once per role) and returns params and body; `snapshot` reads that resource's state so
 * the cross-tenant suite can prove a refused call changed nothing. The cross-tenant and role
 * suites fail for any operation with path parameters or a body that has no entry here, so every
 * new route must say how to exercise it.
 */
export interface OperationFixture {
  prepare(org: TestOrg): Promise<PreparedCall>;
  snapshot?(org: TestOrg, call: PreparedCall): Promise<unknown>;
}

/** An unassigned lead, so every role's visibility includes it. */
async function freshLead(org: TestOrg, extra: Record<string, unknown> = {}) {
  return createLead(org.ctx("owner"), {
    firstName: "Fixture",
    email: `lead-${newId().slice(-12)}@example.test`,
    ownerId: null,
    ...extra,
  });
}

const leadState = async (_org: TestOrg, call: PreparedCall) =>
  (await (await getDb()).select().from(leads).where(eq(leads.id, call.params!.id!)))[0];

const onLead = (body?: (org: TestOrg) => unknown): OperationFixture => ({
  prepare: async (org) => ({ params: { id: (await freshLead(org)).id }, body: body?.(org) }),
  snapshot: leadState,
});

async function freshInvitee(org: TestOrg) {
  return inviteMember(org.ctx("owner"), {
    email: `invitee-${newId().slice(-10)}@example.test`,
    role: "sales_rep",
  });
}

const memberState = async (org: TestOrg, call: PreparedCall) => {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, call.params!.id!)));
  const [inv] = await db
    .select({ n: count() })
    .from(invitations)
    .where(eq(invitations.userId, call.params!.id!));
  return { ...row, invitations: inv!.n };
};

export const OPERATION_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/leads": {
    prepare: async () => ({
      body: { firstName: "New", email: `new-${newId().slice(-12)}@example.test`, ownerId: null },
    }),
  },
  "GET /api/v1/leads/{id}": onLead(),
  "PATCH /api/v1/leads/{id}": onLead(() => ({ jobTitle: "Changed" })),
  "PUT /api/v1/leads/{id}": onLead(() => ({ firstName: "Replaced" })),
  "DELETE /api/v1/leads/{id}": onLead(),
  "POST /api/v1/leads/{id}/restore": {
    prepare: async (org) => {
      const lead = await freshLead(org);
      await deleteLead(org.ctx("owner"), lead.id);
      return { params: { id: lead.id } };
    },
    snapshot: leadState,
  },
  "PATCH /api/v1/auth/me": { prepare: async () => ({ body: { name: "Renamed Person" } }) },
  "POST /api/v1/auth/switch-organization": {
    prepare: async (org) => ({ body: { organizationId: org.id } }),
  },
  "POST /api/v1/users": {
    prepare: async () => ({
      body: { email: `invited-${newId().slice(-10)}@example.test`, role: "sales_rep" },
    }),
  },
  "GET /api/v1/users/{id}": {
    prepare: async (org) => ({ params: { id: (await freshInvitee(org)).id } }),
    snapshot: memberState,
  },
  "PATCH /api/v1/users/{id}": {
    prepare: async (org) => ({
      params: { id: (await freshInvitee(org)).id },
      body: { role: "manager" },
    }),
    snapshot: memberState,
  },
  "DELETE /api/v1/users/{id}": {
    prepare: async (org) => ({ params: { id: (await freshInvitee(org)).id } }),
    snapshot: memberState,
  },
  "POST /api/v1/users/{id}/invitation": {
    prepare: async (org) => ({ params: { id: (await freshInvitee(org)).id } }),
    snapshot: memberState,
  },
  "POST /api/v1/api-keys": {
    prepare: async () => ({ body: { name: `key ${newId().slice(-6)}` } }),
  },
  "DELETE /api/v1/api-keys/{id}": {
    prepare: async (org) => ({
      params: {
        id: (await createApiKey(org.ctx("owner"), { name: "doomed", role: "integration" })).id,
      },
    }),
    snapshot: async (_org, call) =>
      (await (await getDb()).select().from(apiKeys).where(eq(apiKeys.id, call.params!.id!)))[0],
  },
  "PATCH /api/v1/organization": {
    prepare: async () => ({ body: { name: `Org ${newId().slice(-6)}` } }),
  },
  "GET /api/v1/email-outbox/{id}": {
    prepare: async (org) => {
      const db = await getDb();
      const id = await queueEmail(db, {
        organizationId: org.id,
        kind: "system",
        to: "x@example.test",
        subject: "Hello",
        text: "Hi",
      });
      return { params: { id } };
    },
    snapshot: async (_org, call) =>
      (
        await (
          await getDb()
        )
          .select()
          .from(emailMessages)
          .where(eq(emailMessages.id, call.params!.id!))
      )[0],
  },
};
