"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { CampaignStatusBadge } from "../campaign-status-badge";
import type { Campaign } from "../campaign-types";
import { linkClass } from "../links";
import {
  bodyFromForm,
  emptyForm,
  formFromCampaign,
  withSavedIds,
  type BuilderForm,
} from "./builder-state";
import { fieldErrorsOf } from "./field-errors";
import type { LeadDto } from "@/components/settings/scoring/lead-picker";
import { LaunchPanel } from "./launch-panel";
import { RecipientsAdder } from "./recipients-adder";
import { ScheduleSettings } from "./schedule-settings";
import { StepsEditor, type Selection } from "./steps-editor";
import { VariantPreview } from "./variant-preview";

const noSubscription = () => () => {};

/** Loads the campaign (when editing) and hands it to the form once, keyed so a new id resets it. */
export function CampaignBuilder({ id }: { id?: string }) {
  const campaign = useQuery({
    queryKey: queryKeys.campaigns.detail(id ?? "new"),
    queryFn: ({ signal }) => apiFetch<Campaign>(`/campaigns/${id}`, { signal }),
    enabled: Boolean(id),
  });
  // The new form starts in the browser's time zone and lists the browser's zones, which the
  // server can't know: render it in the browser only, so hydration never disagrees.
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (id && campaign.error) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{errorMessage(campaign.error)}</Alert>
        <Link href="/campaigns" className={linkClass}>
          Back to campaigns
        </Link>
      </div>
    );
  }
  if ((id && !campaign.data) || !inBrowser) {
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        Loading campaign…
      </p>
    );
  }
  return <BuilderForm key={id ?? "new"} campaign={campaign.data} />;
}

function BuilderForm({ campaign }: { campaign?: Campaign }) {
  const router = useRouter();
  const client = useQueryClient();
  const descriptionId = useId();
  const [form, setForm] = useState<BuilderForm>(() =>
    campaign
      ? formFromCampaign(campaign)
      : emptyForm(Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  const [selected, setSelected] = useState<Selection>({ step: 0, variant: 0 });
  const [previewLead, setPreviewLead] = useState<LeadDto>();
  const [notice, setNotice] = useState<string>();
  const patch = (p: Partial<BuilderForm>) => setForm((f) => ({ ...f, ...p }));

  const save = useMutation({
    mutationFn: () => {
      const body = bodyFromForm(form);
      return campaign
        ? apiFetch<Campaign>(`/campaigns/${campaign.id}`, { method: "PATCH", body })
        : apiFetch<Campaign>("/campaigns", { body });
    },
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.campaigns.detail(saved.id), saved);
      // New steps and variants get their ids from the server; later saves must send them back.
      setForm((f) => withSavedIds(f, saved));
      void client.invalidateQueries({ queryKey: queryKeys.campaigns.all, exact: false });
      if (!campaign) router.replace(`/campaigns/${saved.id}/edit`);
    },
  });
  // A refused launch names the step or setting at fault: show it there as well as in the dialog.
  const [launchError, setLaunchError] = useState<unknown>();
  const fieldError = (path: string) =>
    fieldErrorsOf(save.error)(path) ?? fieldErrorsOf(launchError)(path);
  const saveDraft = () => {
    setNotice(undefined);
    setLaunchError(undefined);
    save.mutate(undefined, { onSuccess: () => setNotice("Saved.") });
  };

  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/campaigns" className={linkClass}>
          Campaigns
        </Link>
        {campaign && (
          <>
            <span className="text-slate-600 dark:text-slate-400"> / </span>
            <Link href={`/campaigns/${campaign.id}`} className={linkClass}>
              {campaign.name}
            </Link>
          </>
        )}
        <span className="text-slate-600 dark:text-slate-400"> / {campaign ? "Edit" : "New"}</span>
      </nav>
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <h1 className="text-xl font-semibold">{campaign ? "Edit campaign" : "New campaign"}</h1>
          {campaign && <CampaignStatusBadge status={campaign.status} />}
        </div>
        <Button loading={save.isPending} onClick={saveDraft}>
          {campaign ? (campaign.status === "draft" ? "Save draft" : "Save") : "Create draft"}
        </Button>
      </header>
      {save.error && <Alert tone="error">{errorMessage(save.error)}</Alert>}
      {notice && !save.error && <Alert tone="success">{notice}</Alert>}

      <Card title="Details">
        <form
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            saveDraft();
          }}
        >
          <Field
            label="Name"
            required
            value={form.name}
            error={fieldError("name")}
            onChange={(e) => patch({ name: e.target.value })}
          />
          <div className="space-y-1.5">
            <label
              htmlFor={descriptionId}
              className="block text-sm font-medium text-slate-700 dark:text-slate-300"
            >
              Description
            </label>
            <textarea
              id={descriptionId}
              rows={2}
              className={inputClass}
              value={form.description}
              onChange={(e) => patch({ description: e.target.value })}
            />
            {fieldError("description") && (
              <p className="text-xs text-red-600 dark:text-red-400">{fieldError("description")}</p>
            )}
          </div>
        </form>
      </Card>

      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title="Steps" description="Each step waits its delay, then sends inside the hours.">
          <StepsEditor
            steps={form.steps}
            onChange={(steps) => patch({ steps })}
            selected={selected}
            onSelect={setSelected}
            fieldError={fieldError}
          />
        </Card>
        <Card className="lg:sticky lg:top-20">
          <VariantPreview
            steps={form.steps}
            selected={selected}
            lead={previewLead}
            onLeadChange={setPreviewLead}
          />
        </Card>
      </div>

      <Card title="Schedule and limits">
        <ScheduleSettings form={form} onChange={patch} fieldError={fieldError} />
      </Card>

      <Card title="Recipients">
        {campaign ? (
          <RecipientsAdder campaign={campaign} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Create the draft first, then add leads from a saved view.
          </p>
        )}
      </Card>

      {campaign && (
        <Card title={["draft", "scheduled"].includes(campaign.status) ? "Test and launch" : "Test"}>
          <LaunchPanel
            campaign={campaign}
            selected={selected}
            save={() => save.mutateAsync()}
            onStartError={setLaunchError}
            previewLead={previewLead}
          />
        </Card>
      )}
    </div>
  );
}
