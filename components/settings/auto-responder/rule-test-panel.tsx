"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { CATEGORY_LABELS } from "@/components/conversations/message-classification";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass, SelectField } from "@/components/ui/field";
import { REPLY_CATEGORIES, type ReplyCategory } from "@/lib/ai/reply-classification";
import { apiFetch, errorMessage } from "@/lib/client/api";
import type { TestRulesResult } from "./auto-responder-queries";

interface LeadHit {
  id: string;
  displayName: string;
  email: string | null;
}

const SKIPPED: Record<string, string> = {
  disabled: "disabled",
  stopped: "skipped: an earlier rule stops processing",
  once_per_lead: "skipped: already acted on this lead once",
};

/** Paste a reply (and pick a lead) to see which rules would act and what they would send. */
export function RuleTestPanel() {
  const ids = useId();
  const [text, setText] = useState("");
  const [category, setCategory] = useState("");
  const [search, setSearch] = useState("");
  const [leadId, setLeadId] = useState("");
  const leads = useQuery({
    queryKey: ["auto-responder", "test-leads", search],
    queryFn: ({ signal }) =>
      apiFetch<{ data: LeadHit[] }>("/leads", {
        query: { q: search.trim() || undefined, perPage: 20 },
        signal,
      }),
    select: (d) => d.data,
  });
  const test = useMutation({
    mutationFn: () =>
      apiFetch<TestRulesResult>("/auto-responder/test", {
        body: {
          ...(text.trim() ? { text } : {}),
          ...(category ? { category } : {}),
          ...(leadId ? { leadId } : {}),
        },
      }),
  });
  const result = test.data;

  return (
    <Card
      title="Test the rules"
      description="Nothing is sent or changed: see how a reply would be classified, which rules match and why, and the message they would send."
    >
      <form
        aria-label="Test the rules"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          test.mutate();
        }}
      >
        <div className="space-y-1.5">
          <label htmlFor={`${ids}-text`} className="block text-sm font-medium">
            Sample reply
          </label>
          <textarea
            id={`${ids}-text`}
            rows={4}
            className={inputClass}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Thanks! What does it cost for a team of 20?"
          />
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label="Category"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            options={[
              { value: "", label: "Classify the text" },
              ...REPLY_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
            ]}
          />
          <Field
            label="Find a lead"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <SelectField
            label="Lead (optional)"
            value={leadId}
            onChange={(e) => setLeadId(e.target.value)}
            options={[
              { value: "", label: "No lead" },
              ...(leads.data ?? []).map((l) => ({
                value: l.id,
                label: l.email ? `${l.displayName} (${l.email})` : l.displayName,
              })),
            ]}
          />
        </div>
        <Button type="submit" loading={test.isPending} disabled={!text.trim() && !category}>
          Run test
        </Button>
      </form>

      {test.error && (
        <Alert tone="error" className="mt-4">
          {errorMessage(test.error)}
        </Alert>
      )}
      {result && (
        <section aria-label="Test result" className="mt-4 space-y-3">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            Classified as{" "}
            <Badge tone="blue">
              {CATEGORY_LABELS[result.classification.category as ReplyCategory]}
            </Badge>
            <span>confidence {result.classification.confidence.toFixed(2)}</span>
            {result.classification.source === "given" ? (
              <Badge>given</Badge>
            ) : result.classification.mode === "offline" ? (
              <Badge tone="amber">offline</Badge>
            ) : (
              <Badge tone="green">AI model</Badge>
            )}
            <span className="text-slate-600 dark:text-slate-400">
              — {result.classification.rationale}
            </span>
          </p>
          {result.rules.length === 0 && <p className="text-sm">There are no rules to test.</p>}
          <ul className="space-y-3">
            {result.rules.map((r) => (
              <li
                key={r.rule.id}
                aria-label={`Rule ${r.rule.name}`}
                className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
              >
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {r.rule.name}
                  {r.acts ? (
                    <Badge tone="green">Would act</Badge>
                  ) : r.matched ? (
                    <Badge tone="amber">Matches, {SKIPPED[r.skipped ?? ""] ?? "skipped"}</Badge>
                  ) : (
                    <Badge>No match</Badge>
                  )}
                </p>
                <ul className="mt-1 space-y-0.5 text-sm">
                  {r.checks.length === 0 && <li>Any reply matches (no conditions).</li>}
                  {r.checks.map((c, i) => (
                    <li key={i}>
                      <span aria-hidden>{c.passed ? "✓" : "✗"}</span>{" "}
                      <span className="sr-only">{c.passed ? "Holds:" : "Fails:"}</span> {c.detail}
                    </li>
                  ))}
                </ul>
                {r.acts && r.actions.length > 0 && (
                  <ul aria-label="Actions" className="mt-2 list-disc pl-5 text-sm">
                    {r.actions.map((a) => (
                      <li key={a.type}>
                        {a.description}
                        {a.wouldSkip && (
                          <span className="text-amber-700 dark:text-amber-400">
                            {" "}
                            — skipped: {a.wouldSkip}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {r.rendered && (
                  <div className="mt-2 rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-950">
                    <p className="font-medium">Subject: {r.rendered.subject}</p>
                    <pre className="mt-1 whitespace-pre-wrap font-sans">{r.rendered.text}</pre>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}
