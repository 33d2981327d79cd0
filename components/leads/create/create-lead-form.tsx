"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CustomFieldInput } from "@/components/leads/detail/custom-field-input";
import {
  fromFormValue,
  toFormValue,
  type CustomFormValue,
} from "@/components/leads/detail/custom-field-value";
import { DuplicateNotice, duplicateOf } from "@/components/leads/detail/duplicate-notice";
import type { LeadDetail } from "@/components/leads/detail/lead-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { useLeadOptions, useMembers } from "@/lib/client/lead-hooks";
import { queryKeys } from "@/lib/client/query-keys";
import type { CreateLeadInput } from "@/lib/leads/lead-schemas";

const TEXT_FIELDS = [
  { key: "firstName", label: "First name", autoComplete: "off" },
  { key: "lastName", label: "Last name", autoComplete: "off" },
  { key: "email", label: "Email", type: "email" },
  { key: "phone", label: "Phone", type: "tel" },
  { key: "company", label: "Company" },
  { key: "jobTitle", label: "Job title" },
] as const;
type TextKey = (typeof TEXT_FIELDS)[number]["key"];

/**
 * A new lead with the essentials and any custom field the organization requires. The API is the
 * judge: its per-field messages land under the inputs, and a duplicate email links to the lead
 * that already has it.
 */
export function CreateLeadForm({ userId }: { userId: string }) {
  const router = useRouter();
  const client = useQueryClient();
  const options = useLeadOptions();
  const members = useMembers();
  const [text, setText] = useState<Record<TextKey, string>>({
    firstName: "",
    lastName: "",
    email: "",
    phone: "",
    company: "",
    jobTitle: "",
  });
  const [source, setSource] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState(userId);
  const [tags, setTags] = useState("");
  const [custom, setCustom] = useState<Record<string, CustomFormValue>>({});

  const statuses = (options.data?.status ?? []).filter((o) => !o.retired);
  const defaultStatus = statuses.find((o) => o.category === "open")?.value ?? "";
  const required = (options.data?.customFields ?? []).filter((f) => f.required && !f.archived);

  const create = useMutation({
    mutationFn: (body: CreateLeadInput) => apiFetch<LeadDetail>("/leads", { body }),
    onSuccess: (lead) => {
      client.setQueryData(queryKeys.leads.detail(lead.id), lead);
      for (const kind of ["list", "count", "stats"])
        void client.invalidateQueries({ queryKey: [...queryKeys.leads.all, kind] });
      router.push(`/leads/${lead.id}`);
    },
  });
  const err = create.error instanceof ApiError ? create.error : undefined;
  const existingId = duplicateOf(create.error);
  const placed = new Set<string>([
    ...TEXT_FIELDS.map((f) => f.key),
    "source",
    "status",
    "ownerId",
    "tags",
    ...required.map((f) => `customFields.${f.key}`),
  ]);
  const unplaced = err?.problem.errors?.filter((e) => !placed.has(e.path)) ?? [];

  const submit = () => {
    const body: CreateLeadInput = { ownerId: ownerId || null };
    for (const f of TEXT_FIELDS) if (text[f.key].trim()) body[f.key] = text[f.key].trim();
    if (source) body.source = source;
    body.status = status ?? defaultStatus;
    if (!body.status) delete body.status;
    const tagList = tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    if (tagList.length) body.tags = tagList;
    const values: Record<string, unknown> = {};
    for (const def of required) {
      const v = fromFormValue(def, custom[def.key] ?? toFormValue(def, null));
      if (v !== null) values[def.key] = v;
    }
    if (Object.keys(values).length) body.customFields = values;
    create.mutate(body);
  };

  return (
    <Card>
      <form
        noValidate
        aria-label="New lead"
        className="space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {existingId && <DuplicateNotice existingId={existingId} />}
        {create.error && !existingId && (!err?.problem.errors || unplaced.length > 0) && (
          <Alert tone="error">
            {unplaced.length
              ? unplaced.map((e) => `${e.path}: ${e.message}`).join(" ")
              : errorMessage(create.error)}
          </Alert>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          {TEXT_FIELDS.map((f) => (
            <Field
              key={f.key}
              label={f.label}
              type={"type" in f ? f.type : "text"}
              autoComplete="off"
              value={text[f.key]}
              onChange={(e) => setText((t) => ({ ...t, [f.key]: e.target.value }))}
              error={err?.fieldError(f.key)}
            />
          ))}
          <SelectField
            label="Source"
            value={source}
            onChange={(e) => setSource(e.target.value)}
            error={err?.fieldError("source")}
            options={[
              { value: "", label: "Manual entry (default)" },
              ...(options.data?.source ?? [])
                .filter((o) => !o.retired)
                .map((o) => ({ value: o.value, label: o.label })),
            ]}
          />
          <SelectField
            label="Status"
            value={status ?? defaultStatus}
            onChange={(e) => setStatus(e.target.value)}
            error={err?.fieldError("status")}
            options={
              statuses.length
                ? statuses.map((o) => ({ value: o.value, label: o.label }))
                : [{ value: "", label: "Loading…" }]
            }
          />
          <SelectField
            label="Owner"
            value={ownerId}
            onChange={(e) => setOwnerId(e.target.value)}
            error={err?.fieldError("ownerId")}
            options={[
              { value: "", label: "Unassigned" },
              // Until the members load, "me" is still the right answer to show.
              ...(members.data ?? [{ id: userId, name: "Me", email: "" }]).map((m) => ({
                value: m.id,
                label: m.id === userId && m.email ? `${m.name || m.email} (me)` : m.name || m.email,
              })),
            ]}
          />
          <Field
            label="Tags"
            hint="Separate with commas"
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            error={err?.fieldError("tags")}
          />
          {required.map((def) => (
            <CustomFieldInput
              key={def.id}
              def={def}
              value={custom[def.key] ?? toFormValue(def, null)}
              onChange={(v) => setCustom((c) => ({ ...c, [def.key]: v }))}
              error={err?.fieldError(`customFields.${def.key}`)}
            />
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" loading={create.isPending}>
            Create lead
          </Button>
          <Link
            href="/leads"
            className="inline-flex h-9 items-center rounded-lg px-3.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            Cancel
          </Link>
        </div>
      </form>
    </Card>
  );
}
