import type { Transaction } from "@/db/client";
import { conversationMessages, conversations, leadActivities, userActivities } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { pick, type Random } from "./fake-leads";
import type { LeadHistory } from "./demo-lead-history";

const MAILBOX = "sales@northwind.demo.test";

const FIRST_EMAILS = [
  {
    subject: "Thanks for getting in touch",
    text: "Hi {name},\n\nThanks for reaching out to Northwind Realty. When would suit you for a quick call about what you're looking for?",
  },
  {
    subject: "Homes that match your search",
    text: "Hi {name},\n\nI've picked three listings that match what you described. Shall I send the details and set up viewings?",
  },
  {
    subject: "Your enquiry about our listings",
    text: "Hi {name},\n\nThe home you asked about is still available. Would a viewing this week or next work for you?",
  },
];
const REPLIES = [
  "Thanks! Tomorrow afternoon works for a call.",
  "Yes please, send them over — we're flexible on the area.",
  "Great, could we see it on Saturday morning?",
  "We're still looking. Is there anything with a garden under 600k?",
  "Thanks for the quick answer. Can you tell me more about the neighbourhood?",
];
const ANSWERS = [
  "Perfect — I've put it in the calendar. Talk soon.",
  "Sent! Let me know which ones you'd like to view.",
  "Saturday at 10 works. I'll meet you at the door.",
  "I'll put together a few options and send them by tomorrow.",
];

const preview = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 160);

/**
 * The email side of the demo leads' past: the rep's first email, the lead's answer (read, and
 * answered by the rep — unless it came in too recently), as conversations with their messages,
 * timeline entries and the team's activity, at the times the history planned.
 */
export async function seedDemoThreads(
  tx: Transaction,
  orgId: string,
  histories: LeadHistory[],
  leadRows: { id: string; email: string | null; firstName: string | null }[],
  random: Random,
) {
  const byId = new Map(leadRows.map((l) => [l.id, l]));
  const threads: (typeof conversations.$inferInsert)[] = [];
  const messages: (typeof conversationMessages.$inferInsert)[] = [];
  const timeline: (typeof leadActivities.$inferInsert)[] = [];
  const work: (typeof userActivities.$inferInsert)[] = [];
  for (const h of histories) {
    const lead = byId.get(h.id);
    if (h.contact?.channel !== "email" || !lead?.email) continue;
    const conversationId = newId();
    const { userId } = h.contact;
    const first = pick(random, FIRST_EMAILS);
    const base = { organizationId: orgId, conversationId, leadId: h.id, channel: "email" as const };
    const sent = (at: Date, subject: string, body: string) => {
      const id = newId();
      messages.push({
        ...base,
        id,
        direction: "outbound",
        author: "user",
        authorUserId: userId,
        status: "sent",
        subject,
        body,
        fullText: body,
        fromAddress: MAILBOX,
        toAddress: lead.email,
        occurredAt: at,
        createdAt: at,
        updatedAt: at,
      });
      const stamps = { occurredAt: at, createdAt: at, updatedAt: at };
      timeline.push({
        organizationId: orgId,
        leadId: h.id,
        type: "message_sent",
        actorType: "user",
        actorId: userId,
        data: { channel: "email", subject, messageId: id },
        ...stamps,
      });
      work.push({
        organizationId: orgId,
        userId,
        kind: "email",
        leadId: h.id,
        data: { messageId: id },
        ...stamps,
      });
    };
    const opening = first.text.replace("{name}", lead.firstName ?? "there");
    sent(h.contact.at, first.subject, opening);
    let last = { at: h.contact.at, text: opening };
    if (h.replyAt) {
      const id = newId();
      const body = pick(random, REPLIES);
      const externalId = `<demo-${id}@mail.demo.test>`;
      messages.push({
        ...base,
        id,
        direction: "inbound",
        author: "lead",
        status: "received",
        subject: `Re: ${first.subject}`,
        body,
        fullText: body,
        fromAddress: lead.email,
        toAddress: MAILBOX,
        externalId,
        inboundKind: "human_reply",
        matchedBy: "thread",
        dedupeKey: `mime:${externalId}`,
        readAt: h.answerAt
          ? new Date(h.replyAt.getTime() + (h.answerAt.getTime() - h.replyAt.getTime()) / 2)
          : null,
        occurredAt: h.replyAt,
        createdAt: h.replyAt,
        updatedAt: h.replyAt,
      });
      timeline.push({
        organizationId: orgId,
        leadId: h.id,
        type: "message_received",
        actorType: "system",
        actorId: null,
        data: {
          messageId: id,
          channel: "email",
          preview: body,
          campaignId: null,
          stoppedCampaignIds: [],
        },
        occurredAt: h.replyAt,
        createdAt: h.replyAt,
        updatedAt: h.replyAt,
      });
      last = { at: h.replyAt, text: body };
    }
    if (h.answerAt) {
      const body = pick(random, ANSWERS);
      sent(h.answerAt, `Re: ${first.subject}`, body);
      last = { at: h.answerAt, text: body };
    }
    const waiting = Boolean(h.replyAt && !h.answerAt);
    threads.push({
      id: conversationId,
      organizationId: orgId,
      leadId: h.id,
      unreadCount: waiting ? 1 : 0,
      needsReply: waiting,
      lastMessageAt: last.at,
      lastInboundAt: h.replyAt,
      lastOutboundAt: h.answerAt ?? h.contact.at,
      lastChannel: "email",
      preview: preview(last.text),
      createdAt: h.contact.at,
      updatedAt: last.at,
    });
  }
  const chunks = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 300) await insert(rows.slice(i, i + 300));
  };
  await chunks(threads, (c) => tx.insert(conversations).values(c));
  await chunks(messages, (c) => tx.insert(conversationMessages).values(c));
  await chunks(timeline, (c) => tx.insert(leadActivities).values(c));
  await chunks(work, (c) => tx.insert(userActivities).values(c));
}
