"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  approvalKeys,
  fetchApprovalRules,
  TIMEOUT_LABELS,
  TRIGGER_LABELS,
  type ApprovalRuleDto,
} from "@/components/approvals/approval-queries";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { RuleForm } from "./rule-form";
import { RuleTestCard } from "./rule-test-card";

/**
 * Settings → Approvals: which outgoing messages wait for a person, who approves, and what happens
 * when nobody does. Admins edit; everyone sees the policy and may test it.
 */
export function ApprovalRulesSettings({ canManage }: { canManage: boolean }) {
  const rules = useQuery({
    queryKey: approvalKeys.rules,
    queryFn: ({ signal }) => fetchApprovalRules(signal),
  });
  const [editing, setEditing] = useState<ApprovalRuleDto | "new" | null>(null);
  return (
    <div className="space-y-6">
      <Card
        title="Approval rules"
        description="Rules for one campaign are checked before the organization's; then by priority (lower first). The first enabled rule that applies holds the message."
        actions={
          canManage && editing === null ? (
            <Button size="sm" onClick={() => setEditing("new")}>
              Add rule
            </Button>
          ) : undefined
        }
      >
        {editing !== null && (
          <RuleForm rule={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
        )}
        {rules.error ? (
          <Alert tone="error">{errorMessage(rules.error)}</Alert>
        ) : !rules.data ? (
          <p className="text-sm">Loading…</p>
        ) : rules.data.data.length === 0 ? (
          <p className="text-sm">No rules: every message is sent without approval.</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Rules">
            {rules.data.data.map((rule) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                canManage={canManage}
                onEdit={() => setEditing(rule)}
              />
            ))}
          </ul>
        )}
      </Card>
      <RuleTestCard />
    </div>
  );
}

function RuleRow({
  rule,
  canManage,
  onEdit,
}: {
  rule: ApprovalRuleDto;
  canManage: boolean;
  onEdit: () => void;
}) {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: approvalKeys.rules });
  const toggle = useMutation({
    mutationFn: () =>
      apiFetch(`/approvals/rules/${rule.id}/toggle`, {
        method: "PATCH",
        body: { enabled: !rule.enabled },
      }),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/approvals/rules/${rule.id}`, { method: "DELETE" }),
    onSuccess: done,
  });
  const error = toggle.error ?? remove.error;
  return (
    <li aria-label={rule.name} className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="space-y-0.5 text-sm">
        <p className="flex items-center gap-2 font-medium">
          {rule.name}
          <Badge tone={rule.enabled ? "green" : "neutral"}>
            {rule.enabled ? "Enabled" : "Disabled"}
          </Badge>
          {rule.campaignId && <Badge tone="blue">Campaign rule</Badge>}
        </p>
        <p className="text-slate-600 dark:text-slate-400">
          {TRIGGER_LABELS[rule.trigger]} · priority {rule.priority} · approver{" "}
          {rule.approverUserId ? "a named member" : (rule.approverRole ?? "managers and up")} ·
          after {rule.timeoutHours} h: {TIMEOUT_LABELS[rule.timeoutAction].toLowerCase()}
        </p>
        {error && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {errorMessage(error)}
          </p>
        )}
      </div>
      {canManage && (
        <div className="flex gap-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              role="switch"
              aria-label={`Enable ${rule.name}`}
              checked={rule.enabled}
              disabled={toggle.isPending}
              onChange={() => toggle.mutate()}
            />
            On
          </label>
          <Button size="sm" variant="secondary" onClick={onEdit} aria-label={`Edit ${rule.name}`}>
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            loading={remove.isPending}
            onClick={() => remove.mutate()}
            aria-label={`Delete ${rule.name}`}
          >
            Delete
          </Button>
        </div>
      )}
    </li>
  );
}
