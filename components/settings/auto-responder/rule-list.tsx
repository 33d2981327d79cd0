"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CATEGORY_LABELS } from "@/components/conversations/message-classification";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ReplyCategory } from "@/lib/ai/reply-classification";
import { apiFetch, errorMessage } from "@/lib/client/api";
import type { Notify } from "@/components/settings/ai/ai-queries";
import { autoResponderKeys, type Rule } from "./auto-responder-queries";

/** One line a person can scan: what the rule waits for. */
function describeConditions(rule: Rule) {
  const c = rule.conditions;
  const parts = [
    c.categories.length
      ? c.categories.map((k) => CATEGORY_LABELS[k as ReplyCategory] ?? k).join(" or ")
      : "Any reply",
    c.minConfidence !== null ? `confidence ≥ ${c.minConfidence}` : null,
    c.keywords.length ? `mentions ${c.keywords.map((k) => `“${k}”`).join(", ")}` : null,
    c.campaignIds.length ? `from ${c.campaignIds.length} campaign(s)` : null,
    c.leadFields.length ? `${c.leadFields.length} lead condition(s)` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

function describeActions(rule: Rule) {
  const a = rule.actions;
  const notify = a.notify.owner || a.notify.admins || a.notify.userIds.length > 0;
  const parts = [
    a.sendTemplateId
      ? `send a template${a.sendDelayMinutes ? ` after ${a.sendDelayMinutes} min` : ""}`
      : null,
    a.setStatus ? `status → ${a.setStatus}` : null,
    a.setOwnerId ? "reassign" : null,
    a.addTags.length ? `tag ${a.addTags.join(", ")}` : null,
    notify ? "notify" : null,
  ];
  return parts.filter(Boolean).join(" · ") || "No actions";
}

/** The rules in the order they are tried, with switches, reordering, edit and delete. */
export function RuleList({
  rules,
  canManage,
  onEdit,
  notify,
}: {
  rules: Rule[];
  canManage: boolean;
  onEdit: (rule: Rule) => void;
  notify: Notify;
}) {
  const client = useQueryClient();
  const [deleting, setDeleting] = useState<Rule>();
  const refresh = () => client.invalidateQueries({ queryKey: autoResponderKeys.rules });
  const fail = (e: unknown) => notify("error", errorMessage(e));

  const toggle = useMutation({
    mutationFn: (r: Rule) =>
      apiFetch<Rule>(`/auto-responder/rules/${r.id}/toggle`, {
        method: "PATCH",
        body: { enabled: !r.enabled },
      }),
    // The switch flips at once; a refused change puts the list back as it was.
    onMutate: async (r) => {
      await client.cancelQueries({ queryKey: autoResponderKeys.rules });
      const previous = client.getQueryData<{ data: Rule[] }>(autoResponderKeys.rules);
      client.setQueryData<{ data: Rule[] }>(autoResponderKeys.rules, (old) =>
        old
          ? {
              ...old,
              data: old.data.map((x) => (x.id === r.id ? { ...x, enabled: !r.enabled } : x)),
            }
          : old,
      );
      return { previous };
    },
    onSuccess: (r) => {
      notify("success", `“${r.name}” ${r.enabled ? "enabled" : "disabled"}.`);
      return refresh();
    },
    onError: (e, _r, context) => {
      client.setQueryData(autoResponderKeys.rules, context?.previous);
      fail(e);
    },
  });
  // Moving swaps the two rules' priorities (each PUT keeps the rest of the rule as it is).
  const move = useMutation({
    mutationFn: async ({ a, b }: { a: Rule; b: Rule }) => {
      const put = (r: Rule, priority: number) =>
        apiFetch<Rule>(`/auto-responder/rules/${r.id}`, {
          method: "PUT",
          body: {
            name: r.name,
            enabled: r.enabled,
            priority,
            conditions: r.conditions,
            actions: r.actions,
            stopProcessing: r.stopProcessing,
            oncePerLead: r.oncePerLead,
          },
        });
      const [pa, pb] =
        a.priority === b.priority ? [b.priority + 1, a.priority] : [b.priority, a.priority];
      await put(a, pa);
      await put(b, pb);
    },
    onSuccess: refresh,
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (r: Rule) => apiFetch(`/auto-responder/rules/${r.id}`, { method: "DELETE" }),
    onSuccess: (_, r) => {
      setDeleting(undefined);
      notify("success", `“${r.name}” deleted.`);
      return refresh();
    },
    onError: fail,
  });

  if (!rules.length) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No rules yet. {canManage ? "Create one to act on classified replies." : ""}
      </p>
    );
  }
  return (
    <>
      <ol aria-label="Rules" className="divide-y divide-slate-200 dark:divide-slate-800">
        {rules.map((rule, i) => (
          <li
            key={rule.id}
            aria-label={rule.name}
            className="flex flex-wrap items-center gap-3 py-3"
          >
            <span className="w-6 text-sm text-slate-500" aria-hidden>
              {i + 1}.
            </span>
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {rule.name}
                {!rule.enabled && <Badge>Disabled</Badge>}
                {rule.stopProcessing && <Badge tone="amber">Stops later rules</Badge>}
                {rule.oncePerLead && <Badge tone="blue">Once per lead</Badge>}
              </p>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {describeConditions(rule)} → {describeActions(rule)}
              </p>
              <p className="text-xs text-slate-500">
                Matched {rule.matchCount} time{rule.matchCount === 1 ? "" : "s"}
                {rule.lastMatchedAt
                  ? `, last ${new Date(rule.lastMatchedAt).toLocaleString()}`
                  : ""}
              </p>
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                role="switch"
                aria-label={`${rule.name}: enabled`}
                checked={rule.enabled}
                disabled={!canManage || toggle.isPending}
                onChange={() => toggle.mutate(rule)}
              />
              On
            </label>
            {canManage && (
              <div className="flex gap-1">
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Move ${rule.name} up`}
                  disabled={i === 0 || move.isPending}
                  onClick={() => move.mutate({ a: rule, b: rules[i - 1]! })}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Move ${rule.name} down`}
                  disabled={i === rules.length - 1 || move.isPending}
                  onClick={() => move.mutate({ a: rule, b: rules[i + 1]! })}
                >
                  ↓
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Edit ${rule.name}`}
                  onClick={() => onEdit(rule)}
                >
                  Edit
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Delete ${rule.name}`}
                  onClick={() => setDeleting(rule)}
                >
                  Delete
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <Dialog
        open={Boolean(deleting)}
        onClose={() => setDeleting(undefined)}
        title="Delete this rule?"
      >
        <p className="text-sm">
          “{deleting?.name}” stops acting on replies. What it already did stays in the log.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setDeleting(undefined)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={remove.isPending}
            onClick={() => deleting && remove.mutate(deleting)}
          >
            Delete rule
          </Button>
        </div>
      </Dialog>
    </>
  );
}
