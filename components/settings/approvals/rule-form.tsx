"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  approvalKeys,
  TIMEOUT_LABELS,
  TRIGGER_LABELS,
  type ApprovalRuleDto,
} from "@/components/approvals/approval-queries";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";

const selectClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900";

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: [string, string][];
}) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={selectClass}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Create or replace a rule (PUT sends the whole rule). */
export function RuleForm({ rule, onDone }: { rule: ApprovalRuleDto | null; onDone: () => void }) {
  const client = useQueryClient();
  const [form, setForm] = useState({
    name: rule?.name ?? "",
    trigger: rule?.trigger ?? "ai_drafted",
    priority: String(rule?.priority ?? 100),
    campaignId: rule?.campaignId ?? "",
    approverRole: rule?.approverRole ?? "",
    timeoutHours: String(rule?.timeoutHours ?? 24),
    timeoutAction: rule?.timeoutAction ?? "skip",
  });
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const campaigns = useQuery({
    queryKey: ["campaigns", "for-approval-rules"],
    queryFn: ({ signal }) =>
      apiFetch<{ data: { id: string; name: string }[] }>("/campaigns", {
        query: { perPage: 100 },
        signal,
      }),
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: form.name,
        trigger: form.trigger,
        priority: Number(form.priority),
        campaignId: form.campaignId || null,
        approverUserId: rule?.approverUserId ?? null,
        approverRole: form.approverRole || null,
        timeoutHours: Number(form.timeoutHours),
        timeoutAction: form.timeoutAction,
        enabled: rule?.enabled ?? true,
      };
      return rule
        ? apiFetch(`/approvals/rules/${rule.id}`, { method: "PUT", body })
        : apiFetch("/approvals/rules", { method: "POST", body });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: approvalKeys.rules });
      onDone();
    },
  });
  const fieldError = (path: string) =>
    save.error instanceof ApiError ? save.error.fieldError(path) : undefined;
  return (
    <form
      aria-label={rule ? `Edit ${rule.name}` : "New approval rule"}
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 p-4 sm:grid-cols-2 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field
        label="Name"
        required
        value={form.name}
        error={fieldError("name")}
        onChange={(e) => set("name")(e.target.value)}
      />
      <Select
        label="Hold"
        value={form.trigger}
        onChange={set("trigger")}
        options={Object.entries(TRIGGER_LABELS)}
      />
      <Select
        label="Campaign"
        value={form.campaignId}
        onChange={set("campaignId")}
        options={[
          ["", "Every message of the organization"],
          ...(campaigns.data?.data ?? []).map((c): [string, string] => [c.id, c.name]),
        ]}
      />
      <Select
        label="Approver"
        value={form.approverRole}
        onChange={set("approverRole")}
        options={[
          ["", "Managers and up"],
          ["admin", "Admins and owners"],
          ["owner", "Owners"],
        ]}
      />
      <Field
        label="Priority"
        type="number"
        min={0}
        value={form.priority}
        error={fieldError("priority")}
        onChange={(e) => set("priority")(e.target.value)}
      />
      <Field
        label="Decide within (hours)"
        type="number"
        min={1}
        value={form.timeoutHours}
        error={fieldError("timeoutHours")}
        onChange={(e) => set("timeoutHours")(e.target.value)}
      />
      <Select
        label="When nobody decides in time"
        value={form.timeoutAction}
        onChange={set("timeoutAction")}
        options={Object.entries(TIMEOUT_LABELS)}
      />
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit" loading={save.isPending}>
          {rule ? "Save rule" : "Create rule"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {save.error && !fieldError("name") && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errorMessage(save.error)}
          </p>
        )}
      </div>
    </form>
  );
}
