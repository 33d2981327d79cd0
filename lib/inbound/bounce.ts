import { parseReportBlocks, stripAddressType } from "./report-fields";
import type { BounceInfo } from "./types";

// Local parts and display names mail servers send bounces from.
const BOUNCE_SENDER =
  /^(mailer-daemon|mailerdaemon|mail-daemon|postmaster|post_master|mail-delivery-subsystem|mdaemon|bounce|bounces)@/i;
const BOUNCE_SENDER_NAME =
  /^(mail delivery (subsystem|system|service)|mailer-daemon|postmaster|mail administrator|microsoft outlook)$/i;

// Subjects of non-standard (non-DSN) bounces, in English and the languages of common providers.
const BOUNCE_SUBJECT =
  /undeliver(ed|able)|returned mail|returned to sender|delivery status notification \((failure|delay)\)|mail delivery (failed|failure|system|problem)|failure notice|delivery (failure|failed|has failed|problem|notification)|non[- ]?delivery|could not be delivered|not delivered|nondeliverable|delayed mail|warning: could not send|mail system error|message (was )?(rejected|bounced|blocked)|unzustellbar|nicht zustellbar|non remis|no entregado|non recapitabile|onbestelbaar|delivery (report|notice)|delivery status notification|メールエラー|配信エラー|mail could not be delivered|transmission failure/i;

export function looksLikeBounce(fromAddress: string, fromName: string, subject: string): boolean {
  return (
    BOUNCE_SENDER.test(fromAddress) ||
    BOUNCE_SENDER_NAME.test(fromName.trim()) ||
    BOUNCE_SUBJECT.test(subject)
  );
}

const MAILBOX_FULL =
  /mailbox (is |was )?full|over ?quota|quota (exceeded|exceed)|exceed(ed|s)? (the |his |her )?(storage|quota)|insufficient (system )?storage|mailbox size limit|disk full|not enough (space|storage)/i;
// Wording for "this address does not exist": user or domain unknown, account moved.
const ADDRESS_GONE =
  /user unknown|unknown (user|recipient|local[- ]part|mailbox|address)|no such (user|mailbox|recipient|address|account)|(user|mailbox|recipient|address|account)( name)? (does not|doesn't|did not) exist|(invalid|unknown|non-?existent|bad) (recipient|mailbox|address|user)|recipient (address )?(unknown|not found)|(user|recipient) (doesn't|does not) have an? [\w.-]+ account|(mailbox|user|recipient) not found|not a valid (mailbox|recipient|user)|user not found|host (not found|unknown)|domain (not found|does not exist|unknown)|(no|unrouteable) (mail )?(mail )?host|unrouteable address|name or service not known|has moved|no longer (valid|available|in use|with)|address (is )?(invalid|unknown)|account (does not exist|not found)|unknown domain|no such domain|domain is not reachable|(host|domain) does not accept mail|recipient address rejected: (user unknown|undeliverable)|no mailbox here|unknown or illegal alias|mailbox unavailable|addressee unknown|invalid mailbox/i;

const ENHANCED_STATUS = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const SMTP_REPLY = /(?:^|[\s(:])([45])[0-9]{2}[\s-]/m;

function statusClass(status: string | undefined, text: string): "2" | "4" | "5" | undefined {
  if (status) return status[0] as "2" | "4" | "5";
  const smtp = SMTP_REPLY.exec(text);
  return smtp ? (smtp[1] as "4" | "5") : undefined;
}

/**
 * Bounce details from the DSN's machine-readable part when there is one, otherwise from the
 * human-readable text of the bounce (status codes, SMTP replies and wording).
 */
export function bounceInfo(deliveryStatus: string | null, text: string): BounceInfo {
  const info: Partial<BounceInfo> = {};
  if (deliveryStatus) {
    const blocks = parseReportBlocks(deliveryStatus);
    const recipient = blocks.find(
      (block) => block["final-recipient"] || block["original-recipient"] || block.status,
    );
    if (recipient) {
      const address = recipient["final-recipient"] ?? recipient["original-recipient"];
      if (address) info.recipient = stripAddressType(address);
      if (recipient.action) info.action = recipient.action.toLowerCase();
      const status = recipient.status && ENHANCED_STATUS.exec(recipient.status);
      if (status) info.status = status[0];
      if (recipient["diagnostic-code"])
        info.diagnosticCode = stripAddressType(recipient["diagnostic-code"]);
    }
  }
  // Only the start of the bounce text: the returned original message follows and may quote
  // codes of its own.
  const explanation = text.slice(0, 5000);
  if (!info.status) {
    const status =
      ENHANCED_STATUS.exec(info.diagnosticCode ?? "") ?? ENHANCED_STATUS.exec(explanation);
    if (status && status[1] !== "2") info.status = status[0];
  }
  const evidence = `${info.diagnosticCode ?? ""}\n${explanation}`;
  const mailboxFull =
    MAILBOX_FULL.test(evidence) || info.status === "5.2.2" || info.status === "4.2.2";
  const failed =
    info.action !== "delivered" && info.action !== "relayed" && info.action !== "expanded";
  const permanent = failed && !mailboxFull && (statusClass(info.status, evidence) ?? "5") === "5";
  const addressStatus = /^5\.1\.(1|2|3|6|10)$/.test(info.status ?? "") || info.status === "5.4.4";
  const hard = permanent && (addressStatus || ADDRESS_GONE.test(evidence));
  return { ...info, hard, permanent };
}
