"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { CATEGORY_LABELS } from "@/components/conversations/message-classification";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass, SelectField } from "@/components/ui/field";
import type { LeadFieldOp } from "@/db/schema";
import { REPLY_CATEGORIES, type ReplyCategory } from "@/lib/ai/reply-classification";
import { RULE_LEAD_FIELDS } from "@/lib/auto-responder/rule-fields";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { useLeadOptions, useMembers } from "@/lib/client/lead-hooks";
import {
  autoResponderKeys,
  useCampaignChoices,
  useTemplateChoices,
  type Rule,
  type RuleBody,
} from "./auto-responder-queries";
import { CheckboxField } from "@/components/ui/checkbox-field";

const OPS: { value: LeadFieldOp; label: string }[] = [
  { value: "eq", label: "is" },
  { value: "neq", label: "is not" },
  { value: "contains", label: "contains" },
  { value: "gt", label: "is greater than" },
  { value: "lt", label: "is less than" },
  { value: "in", label: "is one of (comma-separated)" },
  { value: "empty", label: "is empty" },
];

/** Lead fields as a person reads them; custom fields are added from the organization's. */
const FIELD_LABELS: Record<(typeof RULE_LEAD_FIELDS)[number], string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  jobTitle: "Job title",
  website: "Website",
  domain: "Domain",
  industry: "Industry",
  source: "Source",
  status: "Status",
  ownerId: "Owner (user id)",
  score: "Score",
  temperature: "Temperature",
  tags: "Tags",
  city: "City",
  region: "Region",
  country: "Country",
  postalCode: "Postal code",
  timezone: "Time zone",
};

interface FieldRow {
  field: string;
  op: LeadFieldOp;
  value: string;
}

interface Draft {
  name: string;
  enabled: boolean;
  categories: ReplyCategory[];
  campaignIds: string[];
  keywords: string;
  leadFields: FieldRow[];
  minConfidence: string;
  sendTemplateId: string;
  sendDelayMinutes: string;
  notifyOwner: boolean;
  notifyAdmins: boolean;
  notifyUserIds: string[];
  setStatus: string;
  setOwnerId: string;
  addTags: string;
  stopProcessing: boolean;
  oncePerLead: boolean;
}

const splitList = (s: string) =>
  s
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

function toDraft(rule?: Rule): Draft {
  return {
    name: rule?.name ?? "",
    enabled: rule?.enabled ?? true,
    categories: rule?.conditions.categories ?? [],
    campaignIds: rule?.conditions.campaignIds ?? [],
    keywords: rule?.conditions.keywords.join(", ") ?? "",
    leadFields:
      rule?.conditions.leadFields.map((c) => ({
        field: c.field,
        op: c.op,
        value: Array.isArray(c.value) ? c.value.join(", ") : c.value == null ? "" : String(c.value),
      })) ?? [],
    minConfidence: rule?.conditions.minConfidence?.toString() ?? "",
    sendTemplateId: rule?.actions.sendTemplateId ?? "",
    sendDelayMinutes: String(rule?.actions.sendDelayMinutes ?? 0),
    notifyOwner: rule?.actions.notify.owner ?? false,
    notifyAdmins: rule?.actions.notify.admins ?? false,
    notifyUserIds: rule?.actions.notify.userIds ?? [],
    setStatus: rule?.actions.setStatus ?? "",
    setOwnerId: rule?.actions.setOwnerId ?? "",
    addTags: rule?.actions.addTags.join(", ") ?? "",
    stopProcessing: rule?.stopProcessing ?? false,
    oncePerLead: rule?.oncePerLead ?? false,
  };
}

function toBody(d: Draft, priority?: number): RuleBody {
  const num = (s: string) => (s.trim() === "" ? null : Number(s));
  return {
    name: d.name,
    enabled: d.enabled,
    ...(priority === undefined ? {} : { priority }),
    conditions: {
      categories: d.categories,
      campaignIds: d.campaignIds,
      keywords: splitList(d.keywords),
      leadFields: d.leadFields.map((r) => ({
        field: r.field,
        op: r.op,
        value:
          r.op === "empty"
            ? null
            : r.op === "in"
              ? splitList(r.value)
              : r.op === "gt" || r.op === "lt"
                ? (num(r.value) ?? r.value)
                : r.value,
      })),
      minConfidence: num(d.minConfidence),
    },
    actions: {
      sendTemplateId: d.sendTemplateId || null,
      sendDelayMinutes: Number(d.sendDelayMinutes) || 0,
      notify: { owner: d.notifyOwner, admins: d.notifyAdmins, userIds: d.notifyUserIds },
      setStatus: d.setStatus || null,
      setOwnerId: d.setOwnerId || null,
      addTags: splitList(d.addTags),
    },
    stopProcessing: d.stopProcessing,
    oncePerLead: d.oncePerLead,
  };
}

function Fieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The shared input look, sized to its content in the condition rows. */
const inlineInput = inputClass.replace("w-full", "w-auto");

const toggle = <T,>(list: T[], value: T, on: boolean) =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

/** Create or edit one rule: its conditions, its actions and how it runs. */
export function RuleForm({
  rule,
  onDone,
  onCancel,
}: {
  rule?: Rule;
  onDone: (rule: Rule) => void;
  onCancel: () => void;
}) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(rule));
  const [error, setError] = useState<ApiError | Error>();
  const options = useLeadOptions();
  const members = useMembers();
  const templates = useTemplateChoices();
  const campaigns = useCampaignChoices();
  const ids = useId();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const fieldError = (path: string) =>
    error instanceof ApiError ? error.fieldError(path) : undefined;

  const save = useMutation({
    mutationFn: (body: RuleBody) =>
      rule
        ? apiFetch<Rule>(`/auto-responder/rules/${rule.id}`, {
            method: "PUT",
            body: { ...body, priority: rule.priority },
          })
        : apiFetch<Rule>("/auto-responder/rules", { method: "POST", body }),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: autoResponderKeys.rules });
      onDone(saved);
    },
    onError: (e) => setError(e as Error),
  });

  const statuses = (options.data?.status ?? []).filter((s) => !s.retired);
  const fieldChoices = [
    ...RULE_LEAD_FIELDS.map((f) => ({ value: f, label: FIELD_LABELS[f] })),
    ...(options.data?.customFields ?? []).map((c) => ({
      value: `custom.${c.key}`,
      label: `${c.label} (custom)`,
    })),
  ];
  const people = members.data ?? [];

  return (
    <form
      aria-label={rule ? `Edit rule ${rule.name}` : "New rule"}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setError(undefined);
        save.mutate(toBody(draft));
      }}
    >
      {error && <Alert tone="error">{errorMessage(error)}</Alert>}
      <Field
        label="Rule name"
        required
        maxLength={200}
        value={draft.name}
        error={fieldError("name")}
        onChange={(e) => set({ name: e.target.value })}
      />

      <Fieldset legend="When a reply…">
        <div role="group" aria-labelledby={`${ids}-cat`} className="space-y-2">
          <p id={`${ids}-cat`} className="text-sm font-medium">
            Is classified as (none ticked: any category)
          </p>
          <div className="grid grid-cols-2 gap-1 sm:grid-cols-3">
            {REPLY_CATEGORIES.map((c) => (
              <CheckboxField
                key={c}
                label={CATEGORY_LABELS[c]}
                checked={draft.categories.includes(c)}
                onChange={(on) => set({ categories: toggle(draft.categories, c, on) })}
              />
            ))}
          </div>
        </div>
        <Field
          label="With a confidence of at least (0–1, blank: any)"
          type="number"
          min={0}
          max={1}
          step={0.05}
          value={draft.minConfidence}
          error={fieldError("conditions.minConfidence")}
          onChange={(e) => set({ minConfidence: e.target.value })}
        />
        <Field
          label="Contains any of these keywords (comma-separated, blank: any)"
          value={draft.keywords}
          placeholder="pricing, demo, call"
          onChange={(e) => set({ keywords: e.target.value })}
        />
        {(campaigns.data?.length ?? 0) > 0 && (
          <div role="group" aria-labelledby={`${ids}-camp`} className="space-y-2">
            <p id={`${ids}-camp`} className="text-sm font-medium">
              Answers one of these campaigns (none ticked: any or none)
            </p>
            <div className="grid max-h-40 gap-1 overflow-y-auto sm:grid-cols-2">
              {campaigns.data!.map((c) => (
                <CheckboxField
                  key={c.id}
                  label={c.name}
                  checked={draft.campaignIds.includes(c.id)}
                  onChange={(on) => set({ campaignIds: toggle(draft.campaignIds, c.id, on) })}
                />
              ))}
            </div>
          </div>
        )}
        <div className="space-y-2">
          <p className="text-sm font-medium">And the lead…</p>
          {draft.leadFields.map((row, i) => {
            const update = (patch: Partial<FieldRow>) =>
              set({
                leadFields: draft.leadFields.map((r, j) => (j === i ? { ...r, ...patch } : r)),
              });
            const rowError =
              fieldError(`conditions.leadFields[${i}].field`) ??
              fieldError(`conditions.leadFields[${i}].value`);
            return (
              <div key={i} className="flex flex-wrap items-start gap-2">
                <select
                  aria-label={`Condition ${i + 1}: field`}
                  className={inlineInput}
                  value={row.field}
                  onChange={(e) => update({ field: e.target.value })}
                >
                  {fieldChoices.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </select>
                <select
                  aria-label={`Condition ${i + 1}: comparison`}
                  className={inlineInput}
                  value={row.op}
                  onChange={(e) => update({ op: e.target.value as LeadFieldOp })}
                >
                  {OPS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                {row.op !== "empty" && (
                  <input
                    aria-label={`Condition ${i + 1}: value`}
                    aria-invalid={rowError ? true : undefined}
                    className={inputClass.replace("w-full", "w-48")}
                    value={row.value}
                    onChange={(e) => update({ value: e.target.value })}
                  />
                )}
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove condition ${i + 1}`}
                  onClick={() => set({ leadFields: draft.leadFields.filter((_, j) => j !== i) })}
                >
                  Remove
                </Button>
                {rowError && (
                  <p className="w-full text-xs text-red-600 dark:text-red-400">{rowError}</p>
                )}
              </div>
            );
          })}
          <Button
            variant="secondary"
            size="sm"
            onClick={() =>
              set({ leadFields: [...draft.leadFields, { field: "company", op: "eq", value: "" }] })
            }
          >
            Add a lead condition
          </Button>
        </div>
      </Fieldset>

      <Fieldset legend="Then…">
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label="Send a template"
            value={draft.sendTemplateId}
            error={fieldError("actions.sendTemplateId")}
            onChange={(e) => set({ sendTemplateId: e.target.value })}
            options={[
              { value: "", label: "Don't send" },
              ...(templates.data ?? []).map((t) => ({ value: t.id, label: t.name })),
            ]}
          />
          <Field
            label="Send after (minutes)"
            type="number"
            min={0}
            max={10080}
            value={draft.sendDelayMinutes}
            disabled={!draft.sendTemplateId}
            error={fieldError("actions.sendDelayMinutes")}
            onChange={(e) => set({ sendDelayMinutes: e.target.value })}
          />
          <SelectField
            label="Move the lead to status"
            value={draft.setStatus}
            error={fieldError("actions.setStatus")}
            onChange={(e) => set({ setStatus: e.target.value })}
            options={[
              { value: "", label: "No change" },
              ...statuses.map((s) => ({ value: s.value, label: s.label })),
            ]}
          />
          <SelectField
            label="Assign the lead to"
            value={draft.setOwnerId}
            error={fieldError("actions.setOwnerId")}
            onChange={(e) => set({ setOwnerId: e.target.value })}
            options={[
              { value: "", label: "No change" },
              ...people.map((m) => ({ value: m.id, label: m.name })),
            ]}
          />
        </div>
        <Field
          label="Add tags (comma-separated)"
          value={draft.addTags}
          onChange={(e) => set({ addTags: e.target.value })}
        />
        <div role="group" aria-labelledby={`${ids}-notify`} className="space-y-2">
          <p id={`${ids}-notify`} className="text-sm font-medium">
            Notify
          </p>
          <div className="flex flex-wrap gap-4">
            <CheckboxField
              label="The lead's owner"
              checked={draft.notifyOwner}
              onChange={(on) => set({ notifyOwner: on })}
            />
            <CheckboxField
              label="Owners and admins"
              checked={draft.notifyAdmins}
              onChange={(on) => set({ notifyAdmins: on })}
            />
            {people.map((m) => (
              <CheckboxField
                key={m.id}
                label={m.name}
                checked={draft.notifyUserIds.includes(m.id)}
                onChange={(on) => set({ notifyUserIds: toggle(draft.notifyUserIds, m.id, on) })}
              />
            ))}
          </div>
        </div>
      </Fieldset>

      <div className="flex flex-wrap gap-4">
        <CheckboxField
          label="Enabled"
          checked={draft.enabled}
          onChange={(on) => set({ enabled: on })}
        />
        <CheckboxField
          label="Stop here: later rules don't run when this one matches"
          checked={draft.stopProcessing}
          onChange={(on) => set({ stopProcessing: on })}
        />
        <CheckboxField
          label="Only once per lead"
          checked={draft.oncePerLead}
          onChange={(on) => set({ oncePerLead: on })}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" loading={save.isPending}>
          {rule ? "Save rule" : "Create rule"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
