import { and, count, desc, eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import {
  apiKeys,
  customFieldDefinitions,
  emailMessages,
  invitations,
  leadImports,
  leadNotes,
  leads,
  memberships,
  notifications,
  reminders,
  savedViews,
  emailTemplates,
  templateFavorites,
} from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { queueEmail } from "@/lib/email/queue-email";
import { inviteMember } from "@/lib/users/invite-member";
import { createLead } from "@/lib/leads/create-lead";
import { deleteLead } from "@/lib/leads/delete-lead";
import { addNote } from "@/lib/leads/notes";
import { createCustomField } from "@/lib/leads/manage-options";
import { DEFAULT_SCORING } from "@/lib/leads/scoring/default-config";
import { createReminder } from "@/lib/reminders/reminders";
import { createNotification } from "@/lib/notifications/notifications";
import { newId } from "@/lib/crypto/ids";
import type { TestOrg } from "./fixtures";
import type { Ctx } from "@/lib/context";
import { startImport } from "@/lib/leads/import/start-import";
import { createSavedView } from "@/lib/saved-views/saved-views";
import { EMAIL_FIXTURES } from "./email-fixtures";
import { ENGINE_FIXTURES } from "./engine-fixtures";
import { TRACKING_FIXTURES } from "./tracking-fixtures";
import { CAMPAIGN_FIXTURES } from "./campaign-fixtures";
import { CAMPAIGN_ANALYTICS_FIXTURES } from "./campaign-analytics-fixtures";
import { CHANNELS_FIXTURES } from "./channels-fixtures";
import { CONVERSATION_FIXTURES } from "./conversation-fixtures";
import { LLM_FIXTURES } from "./llm-fixtures";
import { AI_FIXTURES } from "./ai-fixtures";
import { PRODUCT_CONTEXT_FIXTURES } from "./product-context-fixtures";
import { APPROVALS_FIXTURES } from "./approvals-fixtures";
import { AI_EFFECTS_FIXTURES } from "./ai-effects-fixtures";
import { AUTO_RESPONDER_FIXTURES } from "./auto-responder-fixtures";
import { LEAD_ANALYSIS_FIXTURES } from "./lead-analysis-fixtures";
import { CAMPAIGN_PEOPLE_ANALYTICS_FIXTURES } from "./campaign-people-analytics-fixtures";
import { LISTINGS_FIXTURES } from "./listings-fixtures";
import { ACTIVITY_FIXTURES } from "./activity-fixtures";
import { DRAFTING_FIXTURES } from "./drafting-fixtures";
import { REPORTS_FIXTURES } from "./reports-fixtures";
import { ATTACHMENT_FIXTURES } from "./attachment-fixtures";
import { createTemplate } from "@/lib/templates/templates";

export interface PreparedCall {
  params?: Record<string, string>;
  body?: unknown;
  /** A body that isn't JSON (a CSV upload), with its headers. */
  rawBody?: string;
  headers?: Record<string, string>;
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
export interface Caller {
  /** The calling member's user id; null for an API key. */
  userId: string | null;
}

export interface OperationFixture {
  prepare(org: TestOrg, caller: Caller): Promise<PreparedCall>;
  snapshot?(org: TestOrg, call: PreparedCall): Promise<unknown>;
  /** Path parameters that aren't record ids (e.g. a picklist kind) can't be another tenant's. */
  crossTenant?: false;
}

const viewState = {
  query: { status: "new" },
  columns: ["name", "status"],
  density: "compact" as const,
};

/** A view owned by the caller (an API key, having no views, gets the owner's: still a 404). */
async function savedViewOf(org: TestOrg, caller: Caller): Promise<PreparedCall> {
  const role = caller.userId
    ? (Object.entries(org.members).find(([, m]) => m.id === caller.userId)?.[0] as
        keyof TestOrg["members"] | undefined)
    : undefined;
  const view = await createSavedView(org.ctx(role ?? "owner"), {
    resource: "leads",
    name: `View ${newId()}`,
    state: viewState,
  });
  return { params: { id: view.id } };
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

/** A template in the organization (templates are shared, so every role may act on it). */
async function freshTemplate(org: TestOrg): Promise<PreparedCall> {
  const template = await createTemplate(org.ctx("owner"), {
    name: `Template ${newId()}`,
    subject: "Hi {{firstName|there}}",
    html: '<p>Hello</p><a href="{{unsubscribeUrl}}">Unsubscribe</a>',
  });
  return { params: { id: template.id } };
}

const templateState = async (org: TestOrg, call: PreparedCall) => {
  const db = await getDb();
  const row = await rowById(emailTemplates)(org, call);
  const favorites = await db
    .select({ userId: templateFavorites.userId })
    .from(templateFavorites)
    .where(eq(templateFavorites.templateId, call.params!.id!));
  return { row, favorites };
};

const onTemplate = (body?: () => unknown): OperationFixture => ({
  prepare: async (org) => ({ ...(await freshTemplate(org)), body: body?.() }),
  snapshot: templateState,
});

const templateIds = async (org: TestOrg) => ({
  body: { ids: [(await freshTemplate(org)).params!.id] },
});

const templateBody = () => ({
  name: `Template ${newId()}`,
  category: "Fixture",
  subject: "Hello {{firstName}}",
  html: "<p>Hi</p>",
  text: null,
});

/** A snapshot: the row the call's `id` parameter names, as it is in the database. */
const rowById =
  (table: PgTable & { id: AnyPgColumn }) => async (_org: TestOrg, call: PreparedCall) =>
    (await (await getDb()).select().from(table).where(eq(table.id, call.params!.id!)))[0];

const leadState = rowById(leads);

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

/** A queued import started by the caller (imports are visible to their starter and admins). */
async function importBy(org: TestOrg, caller: Caller, status?: "failed") {
  const ctx: Ctx = caller.userId
    ? {
        ...org.ctx("owner"),
        actor: { type: "user", id: caller.userId, userId: caller.userId },
        role: roleOf(org, caller.userId),
      }
    : {
        ...org.ctx("owner"),
        actor: { type: "api_key", id: org.keys.integration.id, userId: null },
        role: "integration",
      };
  const started = await startImport(
    ctx,
    [Buffer.from(`Email\nimp-${newId().slice(-12)}@example.test\n`)],
    {
      mode: "upsert",
      dryRun: false,
    },
  );
  if (status)
    await (await getDb()).update(leadImports).set({ status }).where(eq(leadImports.id, started.id));
  return { params: { id: started.id } };
}

function roleOf(org: TestOrg, userId: string) {
  return Object.values(org.members).find((m) => m.id === userId)!.role;
}

const importState = rowById(leadImports);

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
    snapshot: rowById(apiKeys),
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
    snapshot: rowById(emailMessages),
  },
};

// Lead sub-resources, settings, reminders and notifications.

async function noteOn(org: TestOrg, caller: Caller) {
  const lead = await freshLead(org);
  const ctx = caller.userId
    ? {
        ...org.ctx("owner"),
        actor: { type: "user" as const, id: caller.userId, userId: caller.userId },
      }
    : org.ctx("owner");
  const note = await addNote(ctx, lead.id, { body: "A fixture note" });
  return { params: { id: lead.id, noteId: note.id } };
}

const noteState = async (_org: TestOrg, call: PreparedCall) =>
  (await (await getDb()).select().from(leadNotes).where(eq(leadNotes.id, call.params!.noteId!)))[0];

async function reminderOn(org: TestOrg) {
  const lead = await freshLead(org);
  const reminder = await createReminder(org.ctx("owner"), lead.id, {
    dueAt: new Date(Date.now() + 3600_000).toISOString(),
    message: "Fixture",
  });
  return { params: { id: reminder.id } };
}

const reminderState = rowById(reminders);

Object.assign(OPERATION_FIXTURES, {
  "GET /api/v1/leads/{id}/notes": onLead(),
  "POST /api/v1/leads/{id}/notes": onLead(() => ({ body: "Called, left a message" })),
  "PATCH /api/v1/leads/{id}/notes/{noteId}": {
    prepare: async (org: TestOrg, caller: Caller) => ({
      ...(await noteOn(org, caller)),
      body: { body: "Edited" },
    }),
    snapshot: noteState,
  },
  "DELETE /api/v1/leads/{id}/notes/{noteId}": { prepare: noteOn, snapshot: noteState },
  "POST /api/v1/leads/{id}/tags": onLead(() => ({ tags: ["fixture"] })),
  "DELETE /api/v1/leads/{id}/tags/{tag}": {
    prepare: async (org: TestOrg) => ({
      params: { id: (await freshLead(org, { tags: ["keep"] })).id, tag: "keep" },
    }),
    snapshot: leadState,
  },
  "GET /api/v1/leads/{id}/timeline": onLead(),
  "GET /api/v1/leads/{id}/inquiries": onLead(),
  "POST /api/v1/leads/{id}/inquiries": onLead(() => ({ message: "Is it still available?" })),
  "POST /api/v1/leads/{id}/events": onLead(() => ({ type: "page_view", value: "/pricing" })),
  "GET /api/v1/leads/{id}/analytics": onLead(),
  "POST /api/v1/leads/{id}/score": onLead(),
  "POST /api/v1/leads/{id}/reminders": {
    prepare: async (org: TestOrg, caller: Caller) => ({
      params: { id: (await freshLead(org)).id },
      body: {
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        message: "Follow up",
        assigneeId: caller.userId ?? org.members.owner.id,
      },
    }),
    snapshot: leadState,
  },
  "PATCH /api/v1/reminders/{id}": {
    prepare: async (org: TestOrg) => ({ ...(await reminderOn(org)), body: { status: "done" } }),
    snapshot: reminderState,
  },
  "DELETE /api/v1/reminders/{id}": { prepare: reminderOn, snapshot: reminderState },
  "PATCH /api/v1/notifications/{id}": {
    prepare: async (org: TestOrg, caller: Caller) => {
      const userId = caller.userId ?? org.members.owner.id;
      await createNotification(await getDb(), {
        organizationId: org.id,
        userId,
        type: "test",
        title: "Fixture",
        dedupeKey: newId(),
      });
      const [row] = await (
        await getDb()
      )
        .select()
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.createdAt))
        .limit(1);
      return { params: { id: row!.id }, body: { read: true } };
    },
    snapshot: rowById(notifications),
  },
  "PUT /api/v1/lead-options/{kind}": {
    prepare: async () => ({
      params: { kind: "lost_reason" },
      body: {
        options: [
          { value: "budget", label: "Budget" },
          { value: "timing", label: "Timing" },
          { value: "competitor", label: "Competitor" },
          { value: "no_response", label: "No response" },
          { value: "not_a_fit", label: "Not a fit" },
          { value: "no_decision", label: "No decision" },
          { value: "other", label: "Other" },
        ],
      },
    }),
    crossTenant: false,
  },
  "POST /api/v1/custom-fields": {
    prepare: async () => ({ body: { label: `Field ${newId().slice(-6)}`, type: "text" } }),
  },
  "PATCH /api/v1/custom-fields/{id}": {
    prepare: async (org: TestOrg) => ({
      params: {
        id: (
          await createCustomField(org.ctx("owner"), {
            label: `F ${newId().slice(-6)}`,
            type: "text",
          })
        ).id,
      },
      body: { label: "Renamed" },
    }),
    snapshot: rowById(customFieldDefinitions),
  },
  "DELETE /api/v1/custom-fields/{id}": {
    prepare: async (org: TestOrg) => ({
      params: {
        id: (
          await createCustomField(org.ctx("owner"), {
            label: `F ${newId().slice(-6)}`,
            type: "text",
          })
        ).id,
      },
    }),
    snapshot: rowById(customFieldDefinitions),
  },
  "PUT /api/v1/scoring-rules": { prepare: async () => ({ body: DEFAULT_SCORING }) },
  "POST /api/v1/leads/batch": {
    prepare: async () => ({ body: { leads: [{ firstName: "Batch", ownerId: null }] } }),
  },
  "POST /api/v1/leads/bulk": {
    prepare: async (org: TestOrg) => ({
      body: { action: "add_tags", ids: [(await freshLead(org)).id], data: { tags: ["bulk"] } },
    }),
  },
  "POST /api/v1/leads/merge": {
    prepare: async (org: TestOrg) => ({
      body: {
        primaryId: (await freshLead(org)).id,
        duplicateIds: [(await freshLead(org, { email: null })).id],
      },
    }),
  },
  "POST /api/v1/leads/search": {
    prepare: async () => ({ body: { filter: { field: "score", op: "gte", value: 0 } } }),
  },
  "POST /api/v1/scoring-rules/preview": {
    prepare: async () => ({ body: { lead: { email: "a@b.co" } } }),
  },
  "POST /api/v1/leads/import": {
    prepare: async () => ({
      rawBody: `Email,Company\nfixture-${newId().slice(-12)}@example.test,Fixture Co\n`,
      headers: { "content-type": "text/csv" },
    }),
  },
  "POST /api/v1/leads/import/propose-mapping": {
    prepare: async () => ({ body: { headers: ["Email", "Company"] } }),
  },
  "GET /api/v1/imports/{id}": { prepare: importBy, snapshot: importState },
  "GET /api/v1/imports/{id}/errors": { prepare: importBy, snapshot: importState },
  "POST /api/v1/imports/{id}/cancel": { prepare: importBy, snapshot: importState },
  "POST /api/v1/imports/{id}/resume": {
    prepare: (org: TestOrg, caller: Caller) => importBy(org, caller, "failed"),
    snapshot: importState,
  },
  "GET /api/v1/saved-views": { prepare: async () => ({ query: { resource: "leads" } }) },
  "POST /api/v1/saved-views": {
    prepare: async () => ({
      body: { resource: "leads", name: `View ${newId()}`, state: viewState },
    }),
  },
  "PATCH /api/v1/saved-views/{id}": {
    prepare: async (org: TestOrg, caller: Caller) => ({
      ...(await savedViewOf(org, caller)),
      body: { name: `Renamed ${newId()}` },
    }),
    snapshot: rowById(savedViews),
  },
  "DELETE /api/v1/saved-views/{id}": { prepare: savedViewOf, snapshot: rowById(savedViews) },
  "POST /api/v1/templates": { prepare: async () => ({ body: templateBody() }) },
  "GET /api/v1/templates/{id}": onTemplate(),
  "PUT /api/v1/templates/{id}": onTemplate(templateBody),
  "PATCH /api/v1/templates/{id}": onTemplate(() => ({ name: `Renamed ${newId()}` })),
  "DELETE /api/v1/templates/{id}": onTemplate(),
  "POST /api/v1/templates/{id}/duplicate": onTemplate(),
  "PATCH /api/v1/templates/{id}/category": onTemplate(() => ({ category: "Moved" })),
  "POST /api/v1/templates/{id}/favorite": onTemplate(),
  "DELETE /api/v1/templates/{id}/favorite": onTemplate(),
  "POST /api/v1/templates/{id}/preview": onTemplate(() => ({})),
  "POST /api/v1/templates/{id}/validate": onTemplate(),
  "POST /api/v1/templates/{id}/test": onTemplate(() => ({})),
  "POST /api/v1/templates/batch-duplicate": { prepare: templateIds },
  "POST /api/v1/templates/batch-delete": { prepare: templateIds },
  "DELETE /api/v1/templates/batch-delete": { prepare: templateIds },
  "POST /api/v1/templates/render": {
    prepare: async () => ({ body: { subject: "Hi {{firstName|there}}", html: "<p>x</p>" } }),
  },
} satisfies Record<string, OperationFixture>);

Object.assign(OPERATION_FIXTURES, EMAIL_FIXTURES);
Object.assign(OPERATION_FIXTURES, CAMPAIGN_ANALYTICS_FIXTURES);
Object.assign(OPERATION_FIXTURES, CAMPAIGN_FIXTURES);
Object.assign(OPERATION_FIXTURES, ENGINE_FIXTURES);
Object.assign(OPERATION_FIXTURES, TRACKING_FIXTURES);
Object.assign(OPERATION_FIXTURES, CHANNELS_FIXTURES);
Object.assign(OPERATION_FIXTURES, CONVERSATION_FIXTURES);
Object.assign(OPERATION_FIXTURES, LLM_FIXTURES);
Object.assign(OPERATION_FIXTURES, AI_FIXTURES);
Object.assign(OPERATION_FIXTURES, PRODUCT_CONTEXT_FIXTURES);
Object.assign(OPERATION_FIXTURES, APPROVALS_FIXTURES);
Object.assign(OPERATION_FIXTURES, AI_EFFECTS_FIXTURES);
Object.assign(OPERATION_FIXTURES, AUTO_RESPONDER_FIXTURES);
Object.assign(OPERATION_FIXTURES, LEAD_ANALYSIS_FIXTURES);
Object.assign(OPERATION_FIXTURES, CAMPAIGN_PEOPLE_ANALYTICS_FIXTURES);
Object.assign(OPERATION_FIXTURES, LISTINGS_FIXTURES);
Object.assign(OPERATION_FIXTURES, ACTIVITY_FIXTURES);
Object.assign(OPERATION_FIXTURES, DRAFTING_FIXTURES);
Object.assign(OPERATION_FIXTURES, REPORTS_FIXTURES);
Object.assign(OPERATION_FIXTURES, ATTACHMENT_FIXTURES);
