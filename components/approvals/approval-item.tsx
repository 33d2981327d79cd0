"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { STATUS_LABELS, type ApprovalDto } from "./approval-queries";
import { ApprovalReview } from "./approval-review";

const STATUS_TONES = {
  pending: "amber",
  changes_requested: "blue",
  approved: "green",
  rejected: "red",
  expired: "neutral",
} as const;

/** One held message in the queue: who it goes to, why it waits, and its review when opened. */
export function ApprovalItem({ item, canDecide }: { item: ApprovalDto; canDecide: boolean }) {
  const [open, setOpen] = useState(false);
  const label = `${item.subject} to ${item.lead.name}`;
  return (
    <li
      aria-label={label}
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/leads/${item.lead.id}`}
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            {item.lead.name}
          </Link>
          {item.campaign && (
            <span className="text-slate-600 dark:text-slate-400">
              · {item.campaign.name}
              {item.stepIndex !== null ? `, step ${item.stepIndex + 1}` : ""}
            </span>
          )}
          <Badge tone={STATUS_TONES[item.status]}>{STATUS_LABELS[item.status]}</Badge>
          {item.urgent && item.status === "pending" && <Badge tone="red">Urgent</Badge>}
          {item.aiDrafted && (
            <Badge tone="blue">AI-drafted{item.mode === "offline" ? " · offline" : ""}</Badge>
          )}
        </div>
        <span className="text-xs text-slate-500">
          {item.status === "pending" || item.status === "changes_requested" ? (
            <>
              Due <time dateTime={item.dueAt}>{new Date(item.dueAt).toLocaleString()}</time>
            </>
          ) : item.decidedAt ? (
            <>
              Decided{" "}
              <time dateTime={item.decidedAt}>{new Date(item.decidedAt).toLocaleString()}</time>
            </>
          ) : null}
        </span>
      </div>
      <p className="font-medium">{item.subject}</p>
      <p className="text-slate-600 dark:text-slate-400">Held by: {item.reason}</p>
      {item.decisionNote && (
        <p className="text-slate-700 dark:text-slate-300">Note: {item.decisionNote}</p>
      )}
      <Button
        size="sm"
        variant="secondary"
        aria-expanded={open}
        aria-label={`${open ? "Close" : "Review"} ${label}`}
        onClick={() => setOpen((v) => !v)}
      >
        {open ? "Close" : "Review"}
      </Button>
      {open && <ApprovalReview id={item.id} canDecide={canDecide} />}
    </li>
  );
}
