"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ApiError, errorMessage } from "@/lib/client/api";
import { fromDraft, toDraft, type ContextDraft } from "./context-edit-form";
import {
  productContextKeys,
  saveProductContext,
  type ProductContextDto,
} from "./product-context-queries";

type SectionKey = ProductContextDto["completeness"]["sections"][number]["section"];

function SectionBody({ section, c }: { section: SectionKey; c: ProductContextDto }) {
  const empty = <p className="text-slate-500 dark:text-slate-400">Not described yet.</p>;
  const list = (items: string[]) =>
    items.length ? (
      <ul className="list-disc space-y-0.5 pl-5">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    ) : (
      empty
    );
  switch (section) {
    case "product":
      return c.productName || c.description ? (
        <div className="space-y-1">
          {c.productName && <p className="font-medium">{c.productName}</p>}
          {c.description && <p>{c.description}</p>}
        </div>
      ) : (
        empty
      );
    case "value_propositions":
      return list(c.valuePropositions);
    case "target_industries":
      return list(c.targetIndustries);
    case "competitors":
      return list(c.competitors);
    case "pricing":
      return c.pricingNotes ? <p>{c.pricingNotes}</p> : empty;
    case "personas":
      return list(
        c.personas.map((p) => (p.pains.length ? `${p.title} — ${p.pains.join(", ")}` : p.title)),
      );
    case "objections":
      return c.objections.length ? (
        <ul className="space-y-1">
          {c.objections.map((o) => (
            <li key={o.objection}>
              <span className="font-medium">“{o.objection}”</span>
              {o.answer ? (
                ` → ${o.answer}`
              ) : (
                <span className="text-slate-500"> (no answer yet)</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        empty
      );
  }
}

/** The structured context by section, each with how complete it is; admins and managers edit it. */
export function ProductContextSections({
  context,
  canWrite,
}: {
  context: ProductContextDto;
  canWrite: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const overall = Math.round(context.completeness.overall * 100);
  return (
    <section
      aria-label="Product context"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">What we sell</h2>
          <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
            {overall}% complete · feeds drafting and reply classification
          </p>
        </div>
        {canWrite && !editing && (
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            Edit
          </Button>
        )}
      </header>
      {editing ? (
        <EditForm context={context} onDone={() => setEditing(false)} />
      ) : (
        <dl className="space-y-4 text-sm">
          {context.completeness.sections.map((s) => (
            <div key={s.section} aria-label={s.label} role="group">
              <dt className="flex items-center justify-between gap-2">
                <span className="font-medium">{s.label}</span>
                <meter
                  min={0}
                  max={1}
                  value={s.score}
                  aria-label={`${s.label} completeness`}
                  className="h-2 w-24"
                  title={`${Math.round(s.score * 100)}%`}
                />
              </dt>
              <dd className="mt-1 space-y-1">
                <SectionBody section={s.section} c={context} />
                {s.hint && <p className="text-xs text-slate-500 dark:text-slate-400">{s.hint}</p>}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function TextArea({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={inputClass}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
    </div>
  );
}

function EditForm({ context, onDone }: { context: ProductContextDto; onDone: () => void }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<ContextDraft>(() => toDraft(context));
  const set = (field: keyof ContextDraft) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const save = useMutation({
    mutationFn: () => saveProductContext(fromDraft(draft)),
    onSuccess: (saved) => {
      client.setQueryData(productContextKeys.context, saved);
      void client.invalidateQueries({ queryKey: productContextKeys.all });
      onDone();
    },
  });
  const perLine = "One per line";
  return (
    <form
      className="space-y-3"
      aria-label="Edit product context"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field
        label="Product name"
        value={draft.productName}
        onChange={(e) => set("productName")(e.target.value)}
      />
      <TextArea label="Description" value={draft.description} onChange={set("description")} />
      <TextArea
        label="Value propositions"
        hint={perLine}
        value={draft.valuePropositions}
        onChange={set("valuePropositions")}
      />
      <TextArea
        label="Target industries"
        hint={perLine}
        value={draft.targetIndustries}
        onChange={set("targetIndustries")}
      />
      <TextArea
        label="Personas"
        hint="One per line: Title: pain, pain"
        value={draft.personas}
        onChange={set("personas")}
      />
      <TextArea
        label="Objections"
        hint="One per line: objection / our answer"
        value={draft.objections}
        onChange={set("objections")}
      />
      <TextArea label="Pricing" value={draft.pricingNotes} onChange={set("pricingNotes")} />
      <TextArea
        label="Competitors"
        hint={perLine}
        value={draft.competitors}
        onChange={set("competitors")}
      />
      {save.isError && (
        <Alert tone="error">
          {save.error instanceof ApiError && save.error.problem.errors?.length
            ? save.error.problem.errors.map((e) => `${e.path}: ${e.message}`).join("; ")
            : errorMessage(save.error)}
        </Alert>
      )}
      <div className="flex gap-2">
        <Button type="submit" loading={save.isPending}>
          Save
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
