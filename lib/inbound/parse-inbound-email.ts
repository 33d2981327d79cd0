import PostalMime, { type Address, type Attachment } from "postal-mime";
import { autoReplyInfo, hasAutoReplyHeaders, hasAutoReplySubject } from "./auto-reply";
import { bounceInfo, looksLikeBounce } from "./bounce";
import { complaintInfo, looksLikeComplaint } from "./complaint";
import { htmlToReplyText } from "./html-text";
import { extractReplyText } from "./reply-text";
import { sesNotification } from "./ses-notification";
import type { InboundAddress, ParsedInboundEmail } from "./types";

function mailbox(address: Address | undefined): InboundAddress | null {
  if (!address) return null;
  const first = address.address === undefined ? address.group[0] : address;
  return first ? { address: first.address.toLowerCase(), name: first.name ?? "" } : null;
}

function mailboxes(addresses: Address[] | undefined): InboundAddress[] {
  return (addresses ?? [])
    .flatMap((address) => (address.address === undefined ? address.group : [address]))
    .map((entry) => ({ address: entry.address.toLowerCase(), name: entry.name ?? "" }));
}

function messageIds(value: string | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function attachmentText(attachment: Attachment): string {
  const { content } = attachment;
  return typeof content === "string" ? content : new TextDecoder().decode(content);
}

/**
 * Parses a raw RFC 5322 message (as received from an inbound webhook) into what threading,
 * conversations and outreach automation need: ids for matching, the reply's own text, and
 * whether it is a person, an auto-reply, a bounce or a spam complaint.
 */
export async function parseInboundEmail(raw: string | Uint8Array): Promise<ParsedInboundEmail> {
  // Nested messages (returned originals, forwarded mail) stay attachments so their text and
  // headers are not mistaken for the sender's.
  const email = await PostalMime.parse(raw, {
    rfc822Attachments: true,
    attachmentEncoding: "utf8",
  });
  const headers: Record<string, string> = {};
  for (const header of email.headers) {
    if (!(header.key in headers)) headers[header.key] = header.value;
  }
  const from = mailbox(email.from);
  const subject = email.subject ?? "";
  const html = email.html ?? null;
  const text = email.text ?? (html ? htmlToReplyText(html, false) : "");
  const date = isoDate(email.date);

  const partOf = (...types: string[]) => {
    const part = email.attachments.find((attachment) =>
      types.includes(attachment.mimeType.toLowerCase()),
    );
    return part ? attachmentText(part) : null;
  };
  const contentType = (headers["content-type"] ?? "").toLowerCase();
  const reportType = /report-type\s*=\s*"?([\w-]+)/.exec(contentType)?.[1];

  const base = {
    messageId: email.messageId ?? null,
    inReplyTo: messageIds(email.inReplyTo)[0] ?? null,
    references: messageIds(email.references),
    from,
    to: mailboxes(email.to),
    subject,
    date,
    headers,
    text,
    html,
  };
  const newText = () =>
    email.text ? extractReplyText(email.text) : html ? htmlToReplyText(html, true) : "";

  const feedbackReport = partOf("message/feedback-report");
  if (
    reportType === "feedback-report" ||
    feedbackReport ||
    looksLikeComplaint(from?.address ?? "", subject)
  ) {
    const original = partOf("message/rfc822", "text/rfc822-headers", "message/rfc822-headers");
    return {
      ...base,
      newText: "",
      kind: "complaint",
      complaint: complaintInfo(feedbackReport, original),
    };
  }

  // Apple Mail's one-click "Unsubscribe" sends an auto-submitted message marked this way: the
  // lead asked to stop hearing from us, which outreach must treat like a complaint.
  if (headers["x-apple-unsubscribe"]?.trim().toLowerCase() === "true") {
    return { ...base, newText: "", kind: "complaint", complaint: { feedbackType: "unsubscribe" } };
  }

  const ses = sesNotification(from?.address ?? "", text);
  if (ses?.kind === "complaint")
    return { ...base, newText: "", kind: "complaint", complaint: ses.complaint };
  if (ses?.kind === "bounce") return { ...base, newText: "", kind: "bounce", bounce: ses.bounce };

  const deliveryStatus = partOf("message/delivery-status", "message/global-delivery-status");
  if (
    reportType === "delivery-status" ||
    deliveryStatus ||
    looksLikeBounce(from?.address ?? "", from?.name ?? "", subject)
  ) {
    return { ...base, newText: "", kind: "bounce", bounce: bounceInfo(deliveryStatus, text) };
  }

  const replyText = newText();
  if (hasAutoReplyHeaders(headers) || hasAutoReplySubject(subject)) {
    return {
      ...base,
      newText: replyText,
      kind: "auto_reply",
      autoReply: autoReplyInfo(subject, text, date ? new Date(date) : null),
    };
  }
  return { ...base, newText: replyText, kind: "human_reply" };
}
