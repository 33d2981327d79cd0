"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useSavedViews } from "@/components/leads/table/use-saved-views";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { AddResult } from "../add-result";
import type { AddRecipientsResult, Campaign } from "../campaign-types";
import { linkClass } from "../links";

const n = new Intl.NumberFormat();

/** Add every lead of one of the user's saved lead views; the API says who was left out and why. */
export function RecipientsAdder({ campaign }: { campaign: Campaign }) {
  const client = useQueryClient();
  const views = useSavedViews();
  const [viewId, setViewId] = useState("");
  const add = useMutation({
    mutationFn: (savedViewId: string) =>
      apiFetch<AddRecipientsResult>(`/campaigns/${campaign.id}/recipients`, {
        body: { savedViewId },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.campaigns.all }),
  });
  const total = campaign.recipients.total ?? 0;
  return (
    <div className="space-y-3">
      <p className="text-sm">
        <strong className="tabular-nums">{n.format(total)}</strong>{" "}
        {total === 1 ? "lead is" : "leads are"} in this campaign.{" "}
        {total > 0 && (
          <Link href={`/campaigns/${campaign.id}#recipients`} className={linkClass}>
            See recipients
          </Link>
        )}
      </p>
      {views.data?.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          You have no saved lead views. Filter the{" "}
          <Link href="/leads" className={linkClass}>
            leads table
          </Link>{" "}
          and save the view, then add its leads here.
        </p>
      ) : (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (viewId) add.mutate(viewId);
          }}
        >
          <SelectField
            label="Saved lead view"
            className="min-w-56 flex-1"
            value={viewId}
            onChange={(e) => {
              setViewId(e.target.value);
              add.reset();
            }}
            options={[
              { value: "", label: views.isPending ? "Loading views…" : "Choose a view…" },
              ...(views.data ?? []).map((v) => ({ value: v.id, label: v.name })),
            ]}
          />
          <Button type="submit" variant="secondary" disabled={!viewId} loading={add.isPending}>
            Add its leads
          </Button>
        </form>
      )}
      {views.error && <Alert tone="error">{errorMessage(views.error)}</Alert>}
      {add.error && <Alert tone="error">{errorMessage(add.error)}</Alert>}
      {add.data && <AddResult result={add.data} />}
    </div>
  );
}
