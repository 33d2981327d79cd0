/** What an inbound message is, as far as outreach automation cares. */
export type InboundKind = "human_reply" | "auto_reply" | "bounce" | "complaint";

export type InboundAddress = { address: string; name: string };

export type AutoReplyInfo = {
  /** ISO date (YYYY-MM-DD) the sender says they are back, when the message states one. */
  returnDate?: string;
};

export type BounceInfo = {
  /**
   * The address itself is undeliverable for good (unknown user or domain, account moved or
   * closed): safe to suppress. A permanent (5.x.x) refusal for policy, spam or content reasons
   * is not hard — the address works, the message was refused.
   */
  hard: boolean;
  /** 5.x.x / 5yy: the server will not retry this message. 4.x.x and full mailboxes are not. */
  permanent: boolean;
  /** DSN action when reported (failed, delayed, delivered, relayed, expanded). */
  action?: string;
  /** Enhanced status code, e.g. "5.1.1". */
  status?: string;
  diagnosticCode?: string;
  recipient?: string;
};

export type ComplaintInfo = {
  feedbackType?: string;
  originalMessageId?: string;
};

export type ParsedInboundEmail = {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: InboundAddress | null;
  to: InboundAddress[];
  subject: string;
  /** ISO timestamp of the Date header, null when absent or unparseable. */
  date: string | null;
  /** Lower-cased header names; a repeated header keeps its first (top-most) value. */
  headers: Record<string, string>;
  text: string;
  html: string | null;
  /** The reply's own words: quoted history, attribution lines and signatures removed. */
  newText: string;
  kind: InboundKind;
  autoReply?: AutoReplyInfo;
  bounce?: BounceInfo;
  complaint?: ComplaintInfo;
};
