"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { FavoriteButton } from "./favorite-button";
import { TemplatePreview, type Draft } from "./template-preview";
import type { Template } from "./template-types";
import { VariablePicker } from "./variable-picker";

type Part = "subject" | "html" | "text";
interface FormState extends Draft {
  name: string;
  category: string;
}

const EMPTY: FormState = {
  name: "",
  category: "",
  subject: "",
  html: "<p>Hi {{firstName|there}},</p>\n<p></p>",
  text: "",
};

/** Loads the template (when editing) and hands it to the form once, keyed so a new id resets it. */
export function TemplateEditor(props: { id?: string; canWrite: boolean; canStar: boolean }) {
  const template = useQuery({
    queryKey: queryKeys.templates.detail(props.id ?? "new"),
    queryFn: () => apiFetch<Template>(`/templates/${props.id}`),
    enabled: Boolean(props.id),
  });
  if (props.id && template.error) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{errorMessage(template.error)}</Alert>
        <Link
          href="/templates"
          className="text-sm font-medium text-brand-700 underline dark:text-brand-500"
        >
          Back to templates
        </Link>
      </div>
    );
  }
  if (props.id && !template.data) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">Loading template…</p>;
  }
  return <EditorForm key={props.id ?? "new"} {...props} template={template.data} />;
}

function EditorForm({
  template,
  canWrite,
  canStar,
}: {
  template?: Template;
  canWrite: boolean;
  canStar: boolean;
}) {
  const router = useRouter();
  const client = useQueryClient();
  const ids = { html: useId(), text: useId() };
  const [form, setForm] = useState<FormState>(
    template
      ? {
          name: template.name,
          category: template.category ?? "",
          subject: template.subject,
          html: template.html,
          text: template.text ?? "",
        }
      : EMPTY,
  );
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string }>();
  const subjectRef = useRef<HTMLInputElement>(null);
  const htmlRef = useRef<HTMLTextAreaElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const lastPart = useRef<Part>("html");
  const set = (key: keyof FormState, value: string) => setForm((f) => ({ ...f, [key]: value }));

  /** Put the token at the caret of the part last edited, then put the caret after it. */
  const insert = (token: string) => {
    const part = lastPart.current;
    const el = { subject: subjectRef, html: htmlRef, text: textRef }[part].current;
    const value = form[part];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    set(part, value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: form.name,
        category: form.category.trim() || null,
        subject: form.subject,
        html: form.html,
        text: form.text.trim() ? form.text : null,
      };
      return template
        ? apiFetch<Template>(`/templates/${template.id}`, { method: "PUT", body })
        : apiFetch<Template>("/templates", { method: "POST", body });
    },
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.templates.detail(saved.id), saved);
      await client.invalidateQueries({ queryKey: queryKeys.templates.all });
      if (template) setNotice({ tone: "success", text: "Template saved." });
      else router.replace(`/templates/${saved.id}`);
    },
    onError: (error) => setNotice({ tone: "error", text: errorMessage(error) }),
  });
  const sendTest = useMutation({
    mutationFn: () =>
      apiFetch<{ to: string }>(`/templates/${template!.id}/test`, { method: "POST", body: {} }),
    onSuccess: (r) =>
      setNotice({ tone: "success", text: `Test email queued to ${r.to} (saved version).` }),
    onError: (error) => setNotice({ tone: "error", text: errorMessage(error) }),
  });
  const fieldError = (path: string) =>
    save.error instanceof ApiError ? save.error.fieldError(path) : undefined;

  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          href="/templates"
          className="font-medium text-brand-700 hover:underline dark:text-brand-500"
        >
          Templates
        </Link>
        <span className="text-slate-600 dark:text-slate-400">
          {" "}
          / {template ? template.name : "New"}
        </span>
      </nav>
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <h1 className="text-xl font-semibold">{template ? "Edit template" : "New template"}</h1>
          {template && canStar && (
            <FavoriteButton
              template={template}
              onError={(e) => setNotice({ tone: "error", text: errorMessage(e) })}
            />
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          {template && canStar && (
            <Button
              variant="secondary"
              loading={sendTest.isPending}
              onClick={() => sendTest.mutate()}
            >
              Send me a test
            </Button>
          )}
          {canWrite && (
            <Button loading={save.isPending} onClick={() => save.mutate()}>
              {template ? "Save" : "Create template"}
            </Button>
          )}
        </div>
      </header>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Content">
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (canWrite) save.mutate();
            }}
          >
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                label="Name"
                required
                value={form.name}
                error={fieldError("name")}
                onChange={(e) => set("name", e.target.value)}
                readOnly={!canWrite}
              />
              <Field
                label="Category"
                hint="Optional, e.g. Follow-up"
                value={form.category}
                error={fieldError("category")}
                onChange={(e) => set("category", e.target.value)}
                readOnly={!canWrite}
              />
            </div>
            <Field
              ref={subjectRef}
              label="Subject"
              value={form.subject}
              error={fieldError("subject")}
              onFocus={() => (lastPart.current = "subject")}
              onChange={(e) => set("subject", e.target.value)}
              readOnly={!canWrite}
            />
            <VariablePicker onInsert={insert} />
            <div className="space-y-1.5">
              <label
                htmlFor={ids.html}
                className="block text-sm font-medium text-slate-700 dark:text-slate-300"
              >
                HTML body
              </label>
              <textarea
                ref={htmlRef}
                id={ids.html}
                rows={12}
                spellCheck={false}
                className={`${inputClass} font-mono`}
                value={form.html}
                aria-invalid={fieldError("html") ? true : undefined}
                onFocus={() => (lastPart.current = "html")}
                onChange={(e) => set("html", e.target.value)}
                readOnly={!canWrite}
              />
              {fieldError("html") && (
                <p className="text-xs text-red-600 dark:text-red-400">{fieldError("html")}</p>
              )}
            </div>
            <div className="space-y-1.5">
              <label
                htmlFor={ids.text}
                className="block text-sm font-medium text-slate-700 dark:text-slate-300"
              >
                Plain-text body
              </label>
              <textarea
                ref={textRef}
                id={ids.text}
                rows={6}
                className={inputClass}
                value={form.text}
                aria-describedby={`${ids.text}-hint`}
                onFocus={() => (lastPart.current = "text")}
                onChange={(e) => set("text", e.target.value)}
                readOnly={!canWrite}
              />
              <p id={`${ids.text}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
                Leave empty to derive it from the HTML.
              </p>
            </div>
          </form>
        </Card>
        <Card>
          <TemplatePreview draft={form} />
        </Card>
      </div>
    </div>
  );
}
