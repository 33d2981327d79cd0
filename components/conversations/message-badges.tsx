import { Badge } from "@/components/ui/badge";
import type { ConversationMessage } from "./conversation-types";

const STATUS: Record<string, { label: string; tone: "neutral" | "green" | "amber" | "red" }> = {
  queued: { label: "Queued", tone: "neutral" },
  sent: { label: "Sent", tone: "neutral" },
  delivered: { label: "Delivered", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  bounced: { label: "Bounced", tone: "red" },
  complained: { label: "Marked as spam", tone: "red" },
};

const KIND: Record<string, { label: string; tone: "amber" | "red" }> = {
  auto_reply: { label: "Auto-reply", tone: "amber" },
  bounce: { label: "Bounce", tone: "red" },
  complaint: { label: "Complaint", tone: "red" },
};

/** Delivery state of an outbound email, or what kind of inbound message it is. */
export function MessageBadges({ message }: { message: ConversationMessage }) {
  if (message.direction === "inbound") {
    const kind = message.inboundKind ? KIND[message.inboundKind] : undefined;
    return kind ? <Badge tone={kind.tone}>{kind.label}</Badge> : null;
  }
  const status = STATUS[message.status];
  return (
    <>
      {status && <Badge tone={status.tone}>{status.label}</Badge>}
      {message.events?.openedAt && <Badge tone="blue">Opened</Badge>}
      {message.events?.clickedAt && <Badge tone="blue">Clicked</Badge>}
    </>
  );
}
