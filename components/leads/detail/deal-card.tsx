"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ApiError, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import type { UpdateLeadInput } from "@/lib/leads/lead-schemas";
import type { LeadDetail } from "./lead-types";
import { useUpdateLead } from "./use-lead";

interface DealForm {
  dealValue: string;
  dealCurrency: string;
  expectedCloseDate: string;
}

const formOf = (lead: LeadDetail): DealForm => ({
  dealValue: lead.dealValue === null ? "" : String(lead.dealValue),
  dealCurrency: lead.dealCurrency ?? "",
  expectedCloseDate: lead.expectedCloseDate ?? "",
});

/**
 * The lead's deal: what it is worth, in which currency (the organization's when left empty), and
 * when it should close. Won and lost dates follow the status and are shown, not typed.
 */
export function DealCard({ lead }: { lead: LeadDetail }) {
  const update = useUpdateLead(lead.id);
  const [edits, setEdits] = useState<Partial<DealForm>>({});
  const [saved, setSaved] = useState(false);
  const form = { ...formOf(lead), ...edits };
  const changed = (Object.keys(edits) as (keyof DealForm)[]).filter(
    (k) => edits[k] !== formOf(lead)[k],
  );
  const err = update.error instanceof ApiError ? update.error : undefined;
  const set = (key: keyof DealForm, value: string) => {
    setSaved(false);
    setEdits((e) => ({ ...e, [key]: value }));
  };

  const submit = () => {
    const body: UpdateLeadInput = {};
    if (changed.includes("dealValue"))
      body.dealValue = form.dealValue.trim() ? Number(form.dealValue) : null;
    if (changed.includes("dealCurrency"))
      body.dealCurrency = form.dealCurrency.trim().toUpperCase() || null;
    if (changed.includes("expectedCloseDate"))
      body.expectedCloseDate = form.expectedCloseDate || null;
    update.mutate(body, {
      onSuccess: () => {
        setEdits({});
        setSaved(true);
      },
    });
  };

  const placed = new Set(["dealValue", "dealCurrency", "expectedCloseDate"]);
  const unplaced = err?.problem.errors?.filter((e) => !placed.has(e.path)) ?? [];
  return (
    <Card title="Deal">
      <form
        noValidate
        aria-label="Deal"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {update.error && (!err?.problem.errors || unplaced.length > 0) && (
          <Alert tone="error">
            {unplaced.length
              ? unplaced.map((e) => e.message).join(" ")
              : errorMessage(update.error)}
          </Alert>
        )}
        <div className="grid grid-cols-[minmax(0,1fr)_6rem] gap-3">
          <Field
            label="Deal value"
            type="number"
            min={0}
            step="0.01"
            inputMode="decimal"
            value={form.dealValue}
            onChange={(e) => set("dealValue", e.target.value)}
            error={err?.fieldError("dealValue")}
          />
          <Field
            label="Currency"
            maxLength={3}
            placeholder="Default"
            autoComplete="off"
            value={form.dealCurrency}
            onChange={(e) => set("dealCurrency", e.target.value.toUpperCase())}
            error={err?.fieldError("dealCurrency")}
          />
        </div>
        <Field
          label="Expected close"
          type="date"
          value={form.expectedCloseDate}
          onChange={(e) => set("expectedCloseDate", e.target.value)}
          error={err?.fieldError("expectedCloseDate")}
        />
        {(lead.wonAt || lead.lostAt) && (
          <dl className="text-sm">
            <dt className="font-medium text-slate-700 dark:text-slate-300">
              {lead.wonAt ? "Won" : "Lost"}
            </dt>
            <dd className="text-slate-600 dark:text-slate-400">
              <time dateTime={(lead.wonAt ?? lead.lostAt)!}>
                {formatDateTime((lead.wonAt ?? lead.lostAt)!)}
              </time>
            </dd>
          </dl>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={changed.length === 0} loading={update.isPending}>
            Save deal
          </Button>
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
