"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, inputClass } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import { useDebounced } from "@/lib/client/use-debounced";
import { FavoriteButton } from "./favorite-button";
import type { Template, TemplatePage } from "./template-types";

const PER_PAGE = 25;
const linkClass =
  "font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:text-brand-500";

/** The organization's templates: search, filter by category or my stars, copy and delete. */
export function TemplatesLibrary({ canWrite, canStar }: { canWrite: boolean; canStar: boolean }) {
  const client = useQueryClient();
  const searchId = useId();
  const [q, setQ] = useState("");
  const [category, setCategory] = useState("");
  const [favoritesOnly, setFavoritesOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string }>();
  const [deleting, setDeleting] = useState<Template>();
  const term = useDebounced(q.trim(), 250);
  const params = {
    q: term,
    category,
    favorite: favoritesOnly ? "true" : undefined,
    page,
    perPage: PER_PAGE,
    sort: "-updatedAt",
  };
  const list = useQuery({
    queryKey: queryKeys.templates.list(params),
    queryFn: ({ signal }) => apiFetch<TemplatePage>("/templates", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
  const categories = useQuery({
    queryKey: queryKeys.templates.categories,
    queryFn: () => apiFetch<{ data: string[] }>("/templates/categories"),
    select: (d) => d.data,
  });
  const fail = (error: unknown) => setNotice({ tone: "error", text: errorMessage(error) });
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.templates.all });

  const duplicate = useMutation({
    mutationFn: (t: Template) =>
      apiFetch<Template>(`/templates/${t.id}/duplicate`, { method: "POST" }),
    onSuccess: (copy) => {
      setNotice({ tone: "success", text: `Created “${copy.name}”.` });
      return refresh();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (t: Template) => apiFetch(`/templates/${t.id}`, { method: "DELETE" }),
    onSuccess: (_, t) => {
      setDeleting(undefined);
      setNotice({ tone: "success", text: `Deleted “${t.name}”.` });
      return refresh();
    },
    onError: (error) => {
      setDeleting(undefined);
      fail(error);
    },
  });

  const columns: Column<Template>[] = [
    ...(canStar
      ? [
          {
            key: "favorite",
            header: "Star",
            className: "w-12",
            cell: (t: Template) => <FavoriteButton template={t} onError={fail} />,
          },
        ]
      : []),
    {
      key: "name",
      header: "Name",
      cell: (t) => (
        <div className="min-w-0">
          <Link href={`/templates/${t.id}`} className={linkClass}>
            {t.name}
          </Link>
          <p className="truncate text-xs text-slate-600 dark:text-slate-400">{t.subject}</p>
        </div>
      ),
    },
    {
      key: "category",
      header: "Category",
      cell: (t) => (t.category ? <Badge>{t.category}</Badge> : null),
    },
    {
      key: "updated",
      header: "Updated",
      className: "whitespace-nowrap text-slate-600 dark:text-slate-400",
      cell: (t) => formatDateTime(t.updatedAt),
    },
    ...(canWrite
      ? [
          {
            key: "actions",
            header: "Actions",
            className: "text-right whitespace-nowrap",
            cell: (t: Template) => (
              <div className="flex justify-end gap-1">
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Duplicate ${t.name}`}
                  loading={duplicate.isPending && duplicate.variables?.id === t.id}
                  onClick={() => duplicate.mutate(t)}
                >
                  Duplicate
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Delete ${t.name}`}
                  className="text-red-700 dark:text-red-400"
                  onClick={() => setDeleting(t)}
                >
                  Delete
                </Button>
              </div>
            ),
          },
        ]
      : []),
  ];

  const pagination = list.data?.pagination;
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Email templates</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Reusable emails with variables such as {"{{firstName|there}}"}, shared by your team.
          </p>
        </div>
        {canWrite && (
          <Link
            href="/templates/new"
            className="inline-flex h-9 items-center rounded-lg bg-brand-600 px-3.5 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
          >
            New template
          </Link>
        )}
      </header>

      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1 space-y-1.5">
          <label
            htmlFor={searchId}
            className="block text-sm font-medium text-slate-700 dark:text-slate-300"
          >
            Search templates
          </label>
          <input
            id={searchId}
            type="search"
            className={inputClass}
            placeholder="Name or subject"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </div>
        <SelectField
          label="Category"
          className="w-48"
          value={category}
          onChange={(e) => {
            setCategory(e.target.value);
            setPage(1);
          }}
          options={[
            { value: "", label: "All categories" },
            ...(categories.data ?? []).map((c) => ({ value: c, label: c })),
          ]}
        />
        {canStar && (
          <Button
            variant="secondary"
            aria-pressed={favoritesOnly}
            onClick={() => {
              setFavoritesOnly((f) => !f);
              setPage(1);
            }}
          >
            <span aria-hidden className={favoritesOnly ? "text-amber-500" : undefined}>
              {favoritesOnly ? "★" : "☆"}
            </span>
            Favorites only
          </Button>
        )}
      </div>

      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {list.error && <Alert tone="error">{errorMessage(list.error)}</Alert>}

      <DataTable
        caption="Email templates"
        columns={columns}
        rows={list.data?.data}
        rowKey={(t) => t.id}
        loading={list.isPending}
        empty={
          term || category || favoritesOnly
            ? "No templates match these filters."
            : "No templates yet. Create one to reuse it in emails and campaigns."
        }
      />

      <Pager page={page} pagination={pagination} noun="templates" onPage={setPage} />

      <Dialog
        open={Boolean(deleting)}
        onClose={() => setDeleting(undefined)}
        title="Delete template?"
      >
        <p className="text-sm text-slate-700 dark:text-slate-300">
          “{deleting?.name}” will be deleted for everyone in your organization. This can’t be
          undone.
        </p>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setDeleting(undefined)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={remove.isPending}
            onClick={() => deleting && remove.mutate(deleting)}
          >
            Delete
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
