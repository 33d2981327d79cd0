import { parseReportBlocks } from "./report-fields";
import type { ComplaintInfo } from "./types";

/** Feedback type and the complained-about message's id from an RFC 5965 (ARF) report. */
export function complaintInfo(
  feedbackReport: string | null,
  originalHeaders: string | null,
): ComplaintInfo {
  const info: ComplaintInfo = {};
  const fields = feedbackReport
    ? Object.assign({}, ...parseReportBlocks(feedbackReport).reverse())
    : {};
  if (fields["feedback-type"]) info.feedbackType = fields["feedback-type"].toLowerCase();
  const fromHeaders = originalHeaders
    ? /^message-id:\s*(<[^>\r\n]+>|\S+)/im.exec(originalHeaders)
    : null;
  const originalMessageId = fields["original-message-id"] ?? fromHeaders?.[1];
  if (originalMessageId) info.originalMessageId = originalMessageId.trim();
  return info;
}

/**
 * Outlook.com's junk-mail reporting programme (JMRP) sends complaints that are not ARF: a
 * message from staff@hotmail.com with the reported message attached.
 */
export function looksLikeComplaint(fromAddress: string, subject: string): boolean {
  return fromAddress === "staff@hotmail.com" || /^\s*complaint about message from\b/i.test(subject);
}
