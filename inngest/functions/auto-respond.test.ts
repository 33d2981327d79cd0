import { InngestTestEngine, mockCtx } from "@inngest/test";
import type { Context } from "inngest";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  autoResponderRules,
  conversations,
  autoResponderRuns,
  conversationMessages,
  leadActivities,
  leads,
  memberships,
  notifications,
} from "@/db/schema";
import { classifyConversationMessage } from "@/lib/ai/classify-message";
import { correctClassification, reclassifyLatestReply } from "@/lib/ai/reply-reviews";
import type { RuleInput } from "@/lib/auto-responder/rule-schemas";
import { recordInboundMessage } from "@/lib/conversations/record-message";
import { newId } from "@/lib/crypto/ids";
import {
  createTestRule,
  defaultMailbox,
  replyTemplate,
  unassignedLead,
} from "@/lib/testing/auto-responder-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { runPendingJobs } from "@/lib/testing/jobs";
import { conversationMessageReceived } from "../events";
import { autoRespondFn } from "./auto-respond";

async function reply(org: TestOrg, body: string, leadPatch: Record<string, unknown> = {}) {
  const db = await getDb();
  const lead = await unassignedLead(org, { ownerId: org.members.rep.id, ...leadPatch });
  const message = await recordInboundMessage(db, {
    organizationId: org.id,
    leadId: lead.id,
    channel: "email",
    matchedBy: "sender",
    inboundKind: "human_reply",
    subject: "Re: Hello",
    body,
    dedupeKey: `test:${newId()}`,
  });
  // Offline classifier: deterministic, as the job would run it without a provider.
  const classified = await classifyConversationMessage(
    db,
    { organizationId: org.id, messageId: message!.id },
    { model: null },
  );
  return { leadId: lead.id, messageId: message!.id, state: classified!.state };
}

/** Run the function for a message; every step body runs twice when `twice` (a lost result). */
function run(org: TestOrg, messageId: string, leadId: string, options: { twice?: boolean } = {}) {
  // The function is replayed from the top: a sleep's mock is called on each replay.
  const sleeps = new Set<string>();
  const engine = new InngestTestEngine({
    function: autoRespondFn,
    events: [
      {
        name: "ai/reply.classified",
        data: {
          organizationId: org.id,
          messageId,
          leadId,
          category: "interested",
          state: "applied",
        },
      },
    ],
    transformCtx: (raw) => {
      const ctx = mockCtx(raw) as Context.Any;
      const stepRun = ctx.step.run.bind(ctx.step);
      ctx.step.run = (async (id: string, fn: () => unknown) =>
        stepRun(id, async () => {
          if (options.twice) await fn();
          return fn();
        })) as typeof ctx.step.run;
      ctx.step.sleepUntil = (async (id: string) => {
        sleeps.add(id);
      }) as typeof ctx.step.sleepUntil;
      return ctx;
    },
  });
  return engine.execute().then((out) => ({ ...out, sleeps }));
}

async function outboundCount(leadId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(conversationMessages)
    .where(
      and(eq(conversationMessages.leadId, leadId), eq(conversationMessages.direction, "outbound")),
    );
  return row!.n;
}

async function runsOf(messageId: string) {
  const db = await getDb();
  return db.select().from(autoResponderRuns).where(eq(autoResponderRuns.messageId, messageId));
}

function interestedRule(patch: Partial<RuleInput["actions"]>, rule: Partial<RuleInput> = {}) {
  return {
    ...rule,
    actions: {
      sendTemplateId: null,
      sendDelayMinutes: 0,
      notify: { owner: false, admins: false, userIds: [] },
      setStatus: null,
      setOwnerId: null,
      addTags: [],
      ...patch,
    },
  };
}

let org: TestOrg;
let templateId: string;
beforeAll(async () => {
  org = await createTestOrg("Auto-respond job");
  await defaultMailbox(org);
  templateId = (await replyTemplate(org)).id;
});

describe("auto-respond job", () => {
  it("a confidently classified reply runs the matching rule's actions once, even when steps repeat", async () => {
    const fresh = await createTestOrg("Auto-respond actions");
    await defaultMailbox(fresh);
    const template = await replyTemplate(fresh);
    const rule = await createTestRule(
      fresh,
      interestedRule({
        setStatus: "qualified",
        setOwnerId: fresh.members.rep2.id,
        addTags: ["Auto Replied"],
        notify: { owner: true, admins: true, userIds: [] },
        sendTemplateId: template.id,
      }),
    );
    const other = await createTestRule(fresh, {
      conditions: {
        categories: ["unsubscribe"],
        campaignIds: [],
        keywords: [],
        leadFields: [],
        minConfidence: null,
      },
    });
    const r = await reply(fresh, "Sounds great, I'm interested — tell me more.", {
      firstName: "Linus",
    });
    expect(r.state).toBe("applied");

    const { result } = await run(fresh, r.messageId, r.leadId, { twice: true });
    expect(result).toMatchObject({ skipped: false, runs: [rule.id] });

    const db = await getDb();
    const [lead] = await db.select().from(leads).where(eq(leads.id, r.leadId));
    expect(lead).toMatchObject({ status: "qualified", ownerId: fresh.members.rep2.id });
    expect(lead!.tags).toContain("auto replied");
    expect(await outboundCount(r.leadId)).toBe(1);
    const [sent] = await db
      .select()
      .from(conversationMessages)
      .where(
        and(
          eq(conversationMessages.leadId, r.leadId),
          eq(conversationMessages.direction, "outbound"),
        ),
      );
    expect(sent!.subject).toBe("Thanks, Linus");
    // Automation answered, not a person: recorded as the system's, the lead isn't taken over.
    expect(sent).toMatchObject({ author: "system", authorUserId: null });
    const [conversation] = await db
      .select({ mode: conversations.mode })
      .from(conversations)
      .where(eq(conversations.id, sent!.conversationId!));
    expect(conversation!.mode).toBe("automated");

    const notified = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(
        and(eq(notifications.organizationId, fresh.id), eq(notifications.type, "auto_responder")),
      );
    // The owner the rule just assigned (actions run in order), the owner and the admin, once each.
    expect(notified.map((n) => n.userId).sort()).toEqual(
      [fresh.members.rep2.id, fresh.members.owner.id, fresh.members.admin.id].sort(),
    );

    const [runRow] = await runsOf(r.messageId);
    expect(runRow).toMatchObject({ ruleId: rule.id, category: "interested", leadId: r.leadId });
    expect(
      Object.fromEntries(Object.entries(runRow!.actions).map(([k, v]) => [k, v!.outcome])),
    ).toEqual({
      set_status: "done",
      set_owner: "done",
      add_tags: "done",
      notify: "done",
      send_template: "done",
    });
    const [counted] = await db
      .select()
      .from(autoResponderRules)
      .where(eq(autoResponderRules.id, rule.id));
    expect(counted!.matchCount).toBe(1);
    expect(counted!.lastMatchedAt).not.toBeNull();
    const [untouched] = await db
      .select()
      .from(autoResponderRules)
      .where(eq(autoResponderRules.id, other.id));
    expect(untouched!.matchCount).toBe(0);
    const timeline = await db
      .select({ type: leadActivities.type })
      .from(leadActivities)
      .where(eq(leadActivities.leadId, r.leadId));
    expect(timeline.map((t) => t.type)).toEqual(
      expect.arrayContaining([
        "auto_responder_matched",
        "status_changed",
        "owner_changed",
        "tags_added",
        "message_sent",
      ]),
    );

    // A retried job (the event delivered again) sends, notifies and counts nothing more.
    const again = await run(fresh, r.messageId, r.leadId);
    expect(again.result).toMatchObject({ skipped: false, runs: [rule.id] });
    expect(await outboundCount(r.leadId)).toBe(1);
    expect((await runsOf(r.messageId)).length).toBe(1);
    const [still] = await db
      .select()
      .from(autoResponderRules)
      .where(eq(autoResponderRules.id, rule.id));
    expect(still!.matchCount).toBe(1);
    const notifiedAgain = await db
      .select({ n: count() })
      .from(notifications)
      .where(
        and(eq(notifications.organizationId, fresh.id), eq(notifications.type, "auto_responder")),
      );
    expect(notifiedAgain[0]!.n).toBe(3);
  });

  it("a low-confidence verdict does nothing until a person confirms it; then the rules act (via the outbox)", async () => {
    const fresh = await createTestOrg("Auto-respond review");
    const rule = await createTestRule(fresh, interestedRule({ addTags: ["confirmed"] }));
    const r = await reply(fresh, "hmm");
    expect(r.state).toBe("review");

    const { result } = await run(fresh, r.messageId, r.leadId);
    expect(result).toEqual({ skipped: true, runs: [] });
    expect(await runsOf(r.messageId)).toEqual([]);

    await correctClassification(fresh.ctx("admin"), r.messageId, { category: "interested" });
    await runPendingJobs();
    const [runRow] = await runsOf(r.messageId);
    expect(runRow).toMatchObject({ ruleId: rule.id, category: "interested" });
    expect(runRow!.actions.add_tags?.outcome).toBe("done");
  });

  it("never sends to an unsubscribed or do-not-contact lead: the send is skipped with the reason", async () => {
    const rule = await createTestRule(
      org,
      interestedRule({ sendTemplateId: templateId, addTags: ["seen"] }),
    );
    const unsubscribed = await reply(org, "I'm interested, tell me more please.", {
      unsubscribed: true,
    });
    const dnc = await reply(org, "I'm interested, tell me more please.", { doNotContact: true });
    for (const [r, reason] of [
      [unsubscribed, "The lead unsubscribed"],
      [dnc, "The lead is marked do not contact"],
    ] as const) {
      await run(org, r.messageId, r.leadId);
      const [runRow] = await runsOf(r.messageId);
      expect(runRow!.ruleId).toBe(rule.id);
      expect(runRow!.actions.send_template).toMatchObject({ outcome: "skipped", detail: reason });
      expect(runRow!.actions.add_tags?.outcome).toBe("done");
      expect(await outboundCount(r.leadId)).toBe(0);
    }
    await (await getDb()).delete(autoResponderRules).where(eq(autoResponderRules.id, rule.id));
  });

  it("a delayed send waits, then goes; once-per-lead rules act on a lead's first matching reply only", async () => {
    const fresh = await createTestOrg("Auto-respond delay");
    await defaultMailbox(fresh);
    const template = await replyTemplate(fresh);
    const rule = await createTestRule(
      fresh,
      interestedRule(
        { sendTemplateId: template.id, sendDelayMinutes: 30, addTags: ["x"] },
        { oncePerLead: true },
      ),
    );
    const first = await reply(fresh, "I'm interested, tell me more.");
    const out = await run(fresh, first.messageId, first.leadId);
    expect([...out.sleeps]).toEqual([`wait-${rule.id}`]);
    expect(await outboundCount(first.leadId)).toBe(1);

    const db = await getDb();
    const second = await recordInboundMessage(db, {
      organizationId: fresh.id,
      leadId: first.leadId,
      channel: "email",
      matchedBy: "sender",
      inboundKind: "human_reply",
      body: "I'm interested, tell me more again.",
      dedupeKey: `test:${newId()}`,
    });
    await classifyConversationMessage(
      db,
      { organizationId: fresh.id, messageId: second!.id },
      { model: null },
    );
    const again = await run(fresh, second!.id, first.leadId);
    expect(again.result).toMatchObject({ skipped: false, runs: [] });
    expect(await runsOf(second!.id)).toEqual([]);
  });

  it("end to end in the embedded engine: an inbound reply is classified, announced and answered", async () => {
    const fresh = await createTestOrg("Auto-respond e2e");
    await defaultMailbox(fresh);
    const template = await replyTemplate(fresh);
    const rule = await createTestRule(fresh, interestedRule({ sendTemplateId: template.id }));
    const db = await getDb();
    const lead = await unassignedLead(fresh, { firstName: "Edsger" });
    const message = await recordInboundMessage(db, {
      organizationId: fresh.id,
      leadId: lead.id,
      channel: "email",
      matchedBy: "sender",
      inboundKind: "human_reply",
      body: "Sounds great, I'm interested — tell me more.",
      dedupeKey: `test:${newId()}`,
    });
    await enqueueEvent(
      db,
      conversationMessageReceived,
      {
        organizationId: fresh.id,
        conversationId: message!.conversationId,
        messageId: message!.id,
        leadId: lead.id,
        kind: "human_reply",
      },
      { organizationId: fresh.id },
    );
    await runPendingJobs();

    const [runRow] = await runsOf(message!.id);
    expect(runRow).toMatchObject({ ruleId: rule.id, category: "interested" });
    expect(runRow!.actions.send_template?.outcome).toBe("done");
    expect(await outboundCount(lead.id)).toBe(1);
  });

  it("an action the lead functions refuse is recorded as failed; the others still run", async () => {
    const fresh = await createTestOrg("Auto-respond refused");
    const rule = await createTestRule(
      fresh,
      interestedRule({ setOwnerId: fresh.members.rep2.id, addTags: ["still-tagged"] }),
    );
    // The chosen owner left the organization after the rule was saved.
    await (
      await getDb()
    )
      .update(memberships)
      .set({ status: "deactivated" })
      .where(
        and(
          eq(memberships.organizationId, fresh.id),
          eq(memberships.userId, fresh.members.rep2.id),
        ),
      );
    const r = await reply(fresh, "Sounds great, I'm interested — tell me more.");
    const { result } = await run(fresh, r.messageId, r.leadId);
    expect(result).toMatchObject({ skipped: false, runs: [rule.id] });
    const [runRow] = await runsOf(r.messageId);
    expect(runRow!.actions.set_owner).toMatchObject({ outcome: "failed" });
    expect(runRow!.actions.set_owner!.detail).toContain("validation_error");
    expect(runRow!.actions.add_tags?.outcome).toBe("done");
    const [lead] = await (await getDb()).select().from(leads).where(eq(leads.id, r.leadId));
    expect(lead!.ownerId).toBe(fresh.members.rep.id);
  });

  it("reclassifying a lead's reply on demand runs the rules too", async () => {
    const fresh = await createTestOrg("Auto-respond reclassify");
    const r = await reply(fresh, "Sounds great, I'm interested — tell me more.");
    const rule = await createTestRule(fresh, interestedRule({ addTags: ["reclassified"] }));
    await reclassifyLatestReply(fresh.ctx("admin"), r.leadId);
    await runPendingJobs();
    const [runRow] = await runsOf(r.messageId);
    expect(runRow).toMatchObject({ ruleId: rule.id });
    expect(runRow!.actions.add_tags?.outcome).toBe("done");
  });

  it("ignores a message of another organization", async () => {
    const r = await reply(org, "I'm interested, tell me more.");
    const other = await createTestOrg("Auto-respond other");
    const { result } = await run(other, r.messageId, r.leadId);
    expect(result).toEqual({ skipped: true, runs: [] });
  });
});
