import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { leads } from "@/db/schema";
import { systemCtx, type Ctx } from "@/lib/context";
import { receiveInboundEmail } from "@/lib/conversations/inbound/receive-inbound-email";
import { sendLeadEmail } from "@/lib/conversations/send-lead-email";

function rawEmail(headers: Record<string, string>, body: string) {
  const head = Object.entries({
    Date: new Date().toUTCString(),
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=utf-8",
    ...headers,
  })
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n");
  return `${head}\r\n\r\n${body}\r\n`;
}

/**
 * A conversations inbox with something in it: a rep's email to one of their leads and the lead's
 * answer (unread, waiting for a reply), and a message from a stranger in the unmatched inbox —
 * both received through the real inbound path, as a provider's webhook would deliver them.
 */
export async function seedDemoConversations(tx: Transaction, orgId: string, repId: string) {
  const db = tx as unknown as Database;
  const rep: Ctx = {
    ...systemCtx(db, orgId),
    actor: { type: "user", id: repId, userId: repId },
    role: "sales_rep",
  };
  const [lead] = await tx
    .select({ id: leads.id, email: leads.email, firstName: leads.firstName })
    .from(leads)
    .where(and(eq(leads.organizationId, orgId), eq(leads.ownerId, repId), isNotNull(leads.email)))
    .orderBy(asc(leads.createdAt))
    .limit(1);
  if (!lead?.email) return;
  const sent = await sendLeadEmail(
    rep,
    {
      leadId: lead.id,
      subject: "Viewing the harbour apartment",
      text: `Hi ${lead.firstName ?? "there"},\n\nThe harbour apartment is free for viewings on Thursday and Saturday. Would either suit you?`,
    },
    db,
  );
  await receiveInboundEmail(db, {
    source: "mime",
    organizationId: orgId,
    raw: rawEmail(
      {
        From: lead.email,
        To: "sales@northwind.demo.test",
        Subject: "Re: Viewing the harbour apartment",
        "Message-ID": `<demo-reply-${sent.emailMessageId}@mail.demo.test>`,
        "In-Reply-To": `<${sent.emailMessageId}@leadline>`,
      },
      "Saturday morning works for me. Is parking included?\n\nOn Thursday, Northwind Realty wrote:\n> The harbour apartment is free for viewings on Thursday and Saturday.",
    ),
  });
  await receiveInboundEmail(db, {
    source: "mime",
    organizationId: orgId,
    raw: rawEmail(
      {
        From: "Jordan Blake <jordan.blake@mail.demo.test>",
        To: "sales@northwind.demo.test",
        Subject: "Selling my flat",
        "Message-ID": `<demo-unmatched-${orgId}@mail.demo.test>`,
      },
      "Hello, I'm thinking of selling my two-bedroom flat in the old town. Could someone call me?",
    ),
  });
}
