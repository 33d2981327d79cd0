"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useLeadOptions, type LeadOption } from "@/lib/client/lead-hooks";
import type { UpdateLeadInput } from "@/lib/leads/lead-schemas";
import { CustomFieldInput } from "./custom-field-input";
import { fromFormValue, toFormValue, type CustomFormValue } from "./custom-field-value";
import { DuplicateNotice, duplicateOf } from "./duplicate-notice";
import type { LeadDetail } from "./lead-types";
import { useUpdateLead } from "./use-lead";

type TextKey =
  | "firstName"
  | "lastName"
  | "email"
  | "phone"
  | "company"
  | "jobTitle"
  | "website"
  | "industry"
  | "source"
  | "city"
  | "region"
  | "country"
  | "postalCode"
  | "timezone";

const TEXT_FIELDS: {
  key: TextKey;
  label: string;
  type?: string;
  picklist?: "industry" | "source";
}[] = [
  { key: "firstName", label: "First name" },
  { key: "lastName", label: "Last name" },
  { key: "email", label: "Email", type: "email" },
  { key: "phone", label: "Phone", type: "tel" },
  { key: "company", label: "Company" },
  { key: "jobTitle", label: "Job title" },
  { key: "website", label: "Website", type: "url" },
  { key: "industry", label: "Industry", picklist: "industry" },
  { key: "source", label: "Source", picklist: "source" },
  { key: "city", label: "City" },
  { key: "region", label: "Region" },
  { key: "country", label: "Country" },
  { key: "postalCode", label: "Postal code" },
  { key: "timezone", label: "Time zone" },
];
const FLAGS = [
  { key: "doNotContact", label: "Do not contact" },
  { key: "unsubscribed", label: "Unsubscribed" },
] as const;

type Value = string | boolean | CustomFormValue;
const cfKey = (key: string) => `customFields.${key}`;

/** Picklist choices: the live ones, plus the lead's current value if it has since been retired. */
function choices(options: LeadOption[] | undefined, current: string | null) {
  const live = (options ?? []).filter((o) => !o.retired || o.value === current);
  return [{ value: "", label: "—" }, ...live.map((o) => ({ value: o.value, label: o.label }))];
}

/**
 * Every standard and custom field, editable in place. Only what the user touched is kept as a
 * draft (and sent), so changes made meanwhile elsewhere on the page — a status, a tag — show
 * through instead of being overwritten. Field paths of the API's errors match the keys here
 * (`email`, `customFields.budget`), so each message lands under its input.
 */
export function LeadFieldsForm({ lead }: { lead: LeadDetail }) {
  const options = useLeadOptions();
  const update = useUpdateLead(lead.id);
  const [edits, setEdits] = useState<Record<string, Value>>({});
  const [saved, setSaved] = useState(false);
  const customFields = (options.data?.customFields ?? []).filter((f) => !f.archived);

  const initial: Record<string, Value> = {};
  for (const f of TEXT_FIELDS) initial[f.key] = lead[f.key] ?? "";
  for (const f of FLAGS) initial[f.key] = lead[f.key];
  for (const def of customFields)
    initial[cfKey(def.key)] = toFormValue(def, lead.customFields[def.key]);

  const valueOf = (key: string) => (key in edits ? edits[key]! : initial[key]!);
  const set = (key: string, value: Value) => {
    setSaved(false);
    setEdits((e) => ({ ...e, [key]: value }));
  };
  const changed = Object.keys(edits).filter(
    (k) => JSON.stringify(edits[k]) !== JSON.stringify(initial[k]),
  );

  const err = update.error instanceof ApiError ? update.error : undefined;
  const shown = new Set([...Object.keys(initial)]);
  const unplaced = err?.problem.errors?.filter((e) => !shown.has(e.path)) ?? [];
  const existingId = duplicateOf(update.error);

  const submit = () => {
    const body: UpdateLeadInput = {};
    const custom: Record<string, unknown> = {};
    for (const key of changed) {
      const value = edits[key]!;
      if (key.startsWith("customFields.")) {
        const def = customFields.find((d) => cfKey(d.key) === key);
        if (def) custom[def.key] = fromFormValue(def, value as CustomFormValue);
      } else if (typeof value === "boolean") {
        body[key as (typeof FLAGS)[number]["key"]] = value;
      } else {
        body[key as TextKey] = (value as string).trim() || null;
      }
    }
    if (Object.keys(custom).length) body.customFields = custom;
    update.mutate(body, {
      onSuccess: () => {
        setEdits({});
        setSaved(true);
      },
    });
  };

  return (
    <Card title="Details">
      <form
        noValidate
        aria-label="Lead details"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {existingId && <DuplicateNotice existingId={existingId} />}
        {update.error && !existingId && (!err?.problem.errors || unplaced.length > 0) && (
          <Alert tone="error">
            {unplaced.length
              ? unplaced.map((e) => e.message).join(" ")
              : errorMessage(update.error)}
          </Alert>
        )}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1">
          {TEXT_FIELDS.map((f) =>
            f.picklist ? (
              <SelectField
                key={f.key}
                label={f.label}
                value={valueOf(f.key) as string}
                onChange={(e) => set(f.key, e.target.value)}
                options={choices(options.data?.[f.picklist], lead[f.key])}
                error={err?.fieldError(f.key)}
              />
            ) : (
              <Field
                key={f.key}
                label={f.label}
                type={f.type ?? "text"}
                autoComplete="off"
                value={valueOf(f.key) as string}
                onChange={(e) => set(f.key, e.target.value)}
                error={err?.fieldError(f.key)}
                list={f.key === "timezone" ? "lead-timezones" : undefined}
              />
            ),
          )}
          {customFields.map((def) => (
            <CustomFieldInput
              key={def.id}
              def={def}
              value={valueOf(cfKey(def.key)) as CustomFormValue}
              onChange={(v) => set(cfKey(def.key), v)}
              error={err?.fieldError(cfKey(def.key))}
            />
          ))}
        </div>
        <TimezoneList />
        <fieldset className="flex flex-wrap gap-x-6 gap-y-2">
          <legend className="sr-only">Contact preferences</legend>
          {FLAGS.map((f) => (
            <label key={f.key} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={valueOf(f.key) as boolean}
                onChange={(e) => set(f.key, e.target.checked)}
                className="size-4 rounded border-slate-300 accent-brand-600 dark:border-slate-600"
              />
              {f.label}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={changed.length === 0} loading={update.isPending}>
            Save changes
          </Button>
          {changed.length > 0 && (
            <Button
              variant="ghost"
              onClick={() => {
                setEdits({});
                update.reset();
              }}
            >
              Discard
            </Button>
          )}
          {saved && changed.length === 0 && (
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              Saved.
            </p>
          )}
        </div>
      </form>
    </Card>
  );
}

/** Suggestions for the time zone field; the browser knows the IANA names. */
function TimezoneList() {
  const [zones] = useState(() =>
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [],
  );
  return (
    <datalist id="lead-timezones">
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}
