"use client";

import Link from "next/link";
import { CATEGORY_LABELS } from "@/components/conversations/message-classification";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ReplyCategory } from "@/lib/ai/reply-classification";
import { errorMessage } from "@/lib/client/api";
import { useRuns } from "./auto-responder-queries";

const ACTION_LABELS: Record<string, string> = {
  set_status: "Status",
  set_owner: "Owner",
  add_tags: "Tags",
  notify: "Notify",
  send_template: "Send",
};

const TONE = {
  done: "green",
  pending_approval: "blue",
  skipped: "amber",
  failed: "red",
} as const;

/** What the rules did lately (leads the viewer may see). */
export function RecentRuns() {
  const runs = useRuns();
  return (
    <Card
      title="Recent runs"
      description="Each rule that acted on a reply, and how each action ended."
    >
      {runs.error ? (
        <Alert tone="error">{errorMessage(runs.error)}</Alert>
      ) : !runs.data ? (
        <p className="text-sm">Loading…</p>
      ) : runs.data.data.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No rule has acted on a reply yet.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-slate-600 dark:text-slate-400">
                <th scope="col" className="py-2 pr-3 font-medium">
                  When
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Rule
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Lead
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Reply
                </th>
                <th scope="col" className="py-2 font-medium">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.data.data.map((run) => (
                <tr
                  key={run.id}
                  className="border-t border-slate-200 align-top dark:border-slate-800"
                >
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {new Date(run.createdAt).toLocaleString()}
                  </td>
                  <td className="py-2 pr-3">{run.ruleName}</td>
                  <td className="py-2 pr-3">
                    <Link href={`/leads/${run.leadId}`} className="text-brand-600 hover:underline">
                      {run.leadName}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">
                    {CATEGORY_LABELS[run.category as ReplyCategory] ?? run.category}
                  </td>
                  <td className="py-2">
                    <ul className="flex flex-wrap gap-1">
                      {Object.entries(run.actions).map(([type, o]) => (
                        <li key={type} title={o.detail ?? undefined}>
                          <Badge tone={TONE[o.outcome]}>
                            {ACTION_LABELS[type] ?? type}: {o.outcome.replace("_", " ")}
                          </Badge>
                        </li>
                      ))}
                      {Object.keys(run.actions).length === 0 && <li>Pending</li>}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
