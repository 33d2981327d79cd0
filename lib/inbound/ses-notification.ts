import type { BounceInfo, ComplaintInfo } from "./types";

export type SesNotification =
  { kind: "bounce"; bounce: BounceInfo } | { kind: "complaint"; complaint: ComplaintInfo } | null;

const field = (json: string, name: string) =>
  new RegExp(`"${name}"\\s*:\\s*"([^"]*)"`).exec(json)?.[1];

/**
 * Amazon SES bounce/complaint notifications delivered by e-mail through SNS: a JSON document as
 * the body. Read with patterns rather than JSON.parse because the mail relay folds long lines
 * ("!" + line break + space), which leaves the JSON unparseable.
 */
export function sesNotification(fromAddress: string, text: string): SesNotification {
  if (!/amazonaws\.com$|amazonses\.com$/.test(fromAddress)) return null;
  const json = text
    .slice(0, 20000)
    .replace(/!\r?\n /g, "")
    .replace(/\\"/g, '"');
  // (SNS's JSON envelope carries the notification as an escaped string in "Message".)
  const type = field(json, "notificationType");
  if (type === "Complaint") {
    const complaint: ComplaintInfo = {};
    const feedbackType = field(json, "complaintFeedbackType");
    if (feedbackType) complaint.feedbackType = feedbackType;
    const mailId = /"mail"\s*:\s*\{[^]*?"messageId"\s*:\s*"([^"]+)"/.exec(json)?.[1];
    if (mailId) complaint.originalMessageId = mailId;
    return { kind: "complaint", complaint };
  }
  if (type === "Bounce" || type === "Delivery") {
    const status = field(json, "status");
    const diagnosticCode = field(json, "diagnosticCode");
    const recipient = field(json, "emailAddress");
    const delivered = type === "Delivery";
    // SES says "Permanent" for addresses it will not retry and suppresses them itself.
    const permanent = !delivered && field(json, "bounceType") === "Permanent";
    const subType = field(json, "bounceSubType");
    const addressGone = /^5\.1\.(1|2|3|6|10)$/.test(status ?? "") || subType === "NoEmail";
    const bounce: BounceInfo = {
      hard: permanent && addressGone,
      permanent,
      action: delivered ? "delivered" : field(json, "action"),
    };
    if (status) bounce.status = status;
    if (diagnosticCode) bounce.diagnosticCode = diagnosticCode;
    if (recipient) bounce.recipient = recipient;
    if (!bounce.action) delete bounce.action;
    return { kind: "bounce", bounce };
  }
  return null;
}
