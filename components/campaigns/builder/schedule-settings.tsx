"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Field, SelectField } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Mailbox } from "@/lib/mailboxes/mailbox-schemas";
import type { BuilderForm, TrackingChoice } from "./builder-state";
import type { FieldErrorOf } from "./field-errors";
import { CheckboxField } from "@/components/ui/checkbox-field";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const TRACKING: { value: TrackingChoice; label: string }[] = [
  { value: "default", label: "Organization default" },
  { value: "on", label: "On" },
  { value: "off", label: "Off" },
];

type Patch = (patch: Partial<BuilderForm>) => void;

/** When and how fast the campaign sends, from which mailboxes, and when a lead's sequence ends. */
export function ScheduleSettings({
  form,
  onChange,
  fieldError,
}: {
  form: BuilderForm;
  onChange: Patch;
  fieldError: FieldErrorOf;
}) {
  const zonesId = useId();
  const [zones] = useState(() =>
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [],
  );
  const toggleDay = (day: number) =>
    onChange({
      days: form.days.includes(day) ? form.days.filter((d) => d !== day) : [...form.days, day],
    });
  const daysError = fieldError("sendWindow.days") ?? fieldError("sendWindow");
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Sending days
        </legend>
        <div className="flex flex-wrap gap-1.5">
          {DAYS.map((d, i) => (
            <button
              key={d}
              type="button"
              aria-pressed={form.days.includes(i + 1)}
              aria-label={DAY_NAMES[i]}
              onClick={() => toggleDay(i + 1)}
              className={cn(
                "h-8 w-12 rounded-lg border text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
                form.days.includes(i + 1)
                  ? "border-brand-600 bg-brand-600 text-white"
                  : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800",
              )}
            >
              {d}
            </button>
          ))}
        </div>
        {daysError && <p className="text-xs text-red-600 dark:text-red-400">{daysError}</p>}
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Field
          label="From"
          type="time"
          className="w-36"
          value={form.start}
          error={fieldError("sendWindow.start")}
          onChange={(e) => onChange({ start: e.target.value })}
        />
        <Field
          label="Until"
          type="time"
          className="w-36"
          value={form.end}
          error={fieldError("sendWindow.end")}
          onChange={(e) => onChange({ end: e.target.value })}
        />
        <Field
          label="Daily limit"
          type="number"
          min={1}
          max={100000}
          className="w-36"
          hint="New emails per day"
          value={form.dailyLimit}
          error={fieldError("dailyLimit")}
          onChange={(e) => onChange({ dailyLimit: Number(e.target.value) || 0 })}
        />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Time zone of the sending hours
        </legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${zonesId}-mode`}
              checked={form.useLeadTimezone}
              onChange={() => onChange({ useLeadTimezone: true })}
            />
            Each lead’s own time zone
          </label>
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${zonesId}-mode`}
              checked={!form.useLeadTimezone}
              onChange={() => onChange({ useLeadTimezone: false })}
            />
            The campaign’s time zone
          </label>
        </div>
        <Field
          label="Campaign time zone"
          className="max-w-xs"
          list={zonesId}
          hint={form.useLeadTimezone ? "Used for leads without a time zone" : undefined}
          value={form.timezone}
          error={fieldError("timezone")}
          onChange={(e) => onChange({ timezone: e.target.value })}
        />
        <datalist id={zonesId}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </fieldset>

      <MailboxChoice form={form} onChange={onChange} error={fieldError("mailboxIds")} />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Stop a lead’s sequence when they…
        </legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          An unsubscribe always stops it.
        </p>
        <div className="grid gap-1.5 text-sm sm:grid-cols-2">
          <CheckboxField
            label="reply"
            checked={form.stopOnReply}
            onChange={(v) => onChange({ stopOnReply: v })}
          />
          <CheckboxField
            label="bounce"
            checked={form.stopOnBounce}
            onChange={(v) => onChange({ stopOnBounce: v })}
          />
          <CheckboxField
            label="are marked won"
            checked={form.stopOnWon}
            onChange={(v) => onChange({ stopOnWon: v })}
          />
          <CheckboxField
            label="are marked lost"
            checked={form.stopOnLost}
            onChange={(v) => onChange({ stopOnLost: v })}
          />
        </div>
      </fieldset>
      <CheckboxField
        label="Allow leads who are already in another active campaign"
        checked={form.allowConcurrentCampaigns}
        onChange={(v) => onChange({ allowConcurrentCampaigns: v })}
      />

      <div className="flex flex-wrap gap-3">
        <SelectField
          label="Open tracking"
          className="w-52"
          value={form.trackOpens}
          options={TRACKING}
          onChange={(e) => onChange({ trackOpens: e.target.value as TrackingChoice })}
        />
        <SelectField
          label="Click tracking"
          className="w-52"
          value={form.trackClicks}
          options={TRACKING}
          onChange={(e) => onChange({ trackClicks: e.target.value as TrackingChoice })}
        />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Cost (for ROI)
        </legend>
        <div className="flex flex-wrap gap-3">
          <Field
            label="Amount"
            type="number"
            min={0}
            step="0.01"
            className="w-40"
            value={form.costAmount}
            onChange={(e) => onChange({ costAmount: e.target.value })}
            error={fieldError("costAmount")}
          />
          <Field
            label="Currency"
            className="w-28"
            maxLength={3}
            placeholder="org default"
            value={form.costCurrency}
            onChange={(e) => onChange({ costCurrency: e.target.value.toUpperCase() })}
            error={fieldError("costCurrency")}
          />
        </div>
      </fieldset>
    </div>
  );
}

function MailboxChoice({
  form,
  onChange,
  error,
}: {
  form: BuilderForm;
  onChange: Patch;
  error?: string;
}) {
  const mailboxes = useQuery({
    queryKey: queryKeys.mailboxes,
    queryFn: ({ signal }) => apiFetch<{ data: Mailbox[] }>("/mailboxes", { signal }),
    select: (d) => d.data,
  });
  const toggle = (id: string, on: boolean) =>
    onChange({
      mailboxIds: on ? [...form.mailboxIds, id] : form.mailboxIds.filter((m) => m !== id),
    });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Send from</legend>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Leads are spread across the mailboxes you tick; none ticked sends from the default one.
      </p>
      {mailboxes.error && (
        <p className="text-sm text-red-600 dark:text-red-400">{errorMessage(mailboxes.error)}</p>
      )}
      {mailboxes.data?.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No mailboxes yet: emails leave from the installation’s default sender.
        </p>
      )}
      <div className="grid gap-1.5 sm:grid-cols-2">
        {mailboxes.data?.map((m) => (
          <CheckboxField
            key={m.id}
            label={`${m.name} <${m.fromAddress}>${m.isDefault ? " (default)" : ""}${m.status !== "active" ? ` — ${m.status}` : ""}`}
            checked={form.mailboxIds.includes(m.id)}
            onChange={(on) => toggle(m.id, on)}
          />
        ))}
      </div>
      {error && <p className="text-xs text-red-600 dark:text-red-400">{error}</p>}
    </fieldset>
  );
}
