"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField } from "@/components/ui/field";
import { Pager } from "@/components/ui/pager";
import type { ListingStatus } from "@/db/schema";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { formatDate } from "@/lib/client/format";
import type { Page } from "@/lib/http/pagination";
import type { ListingDto } from "@/lib/listings/listing-schemas";
import { ListingForm, STATUS_LABELS } from "./listing-form";

const KEY = ["listings"] as const;

function money(amount: number, currency: string) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toLocaleString()} ${currency}`;
  }
}

/** The organization's listings: filter, page, create, edit and delete them. */
export function ListingsScreen({ canWrite }: { canWrite: boolean }) {
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState({ q: "", status: "", type: "", location: "" });
  const [editing, setEditing] = useState<ListingDto | "new" | null>(null);
  const query = Object.fromEntries(
    Object.entries({ ...filters, page: String(page), perPage: "25" }).filter(([, v]) => v.trim()),
  );
  const list = useQuery({
    queryKey: [...KEY, "list", query],
    queryFn: ({ signal }) => apiFetch<Page<ListingDto>>("/listings", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: KEY });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/listings/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const filter = (key: keyof typeof filters, value: string) => {
    setPage(1);
    setFilters((f) => ({ ...f, [key]: value }));
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Listings</h1>
        {canWrite && <Button onClick={() => setEditing("new")}>New listing</Button>}
      </div>
      <form
        role="search"
        aria-label="Filter listings"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => e.preventDefault()}
      >
        <Field
          label="Search"
          type="search"
          className="w-56"
          value={filters.q}
          onChange={(e) => filter("q", e.target.value)}
        />
        <SelectField
          label="Status"
          className="w-40"
          value={filters.status}
          onChange={(e) => filter("status", e.target.value)}
          options={[
            { value: "", label: "Any" },
            ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
          ]}
        />
        <Field
          label="Type"
          className="w-40"
          value={filters.type}
          onChange={(e) => filter("type", e.target.value)}
        />
        <Field
          label="Location"
          className="w-40"
          value={filters.location}
          onChange={(e) => filter("location", e.target.value)}
        />
      </form>
      {list.error && <Alert tone="error">{errorMessage(list.error)}</Alert>}
      {remove.error && <Alert tone="error">{errorMessage(remove.error)}</Alert>}
      <DataTable
        caption="Listings"
        rows={list.data?.data}
        rowKey={(l) => l.id}
        loading={list.isLoading}
        empty="No listings match."
        columns={[
          {
            key: "title",
            header: "Title",
            cell: (l) => <span className="font-medium">{l.title}</span>,
          },
          { key: "type", header: "Type", cell: (l) => l.type },
          { key: "location", header: "Location", cell: (l) => l.location },
          {
            key: "price",
            header: "Price",
            className: "text-right tabular-nums",
            cell: (l) => money(l.price, l.currency),
          },
          {
            key: "status",
            header: "Status",
            cell: (l) => (
              <Badge
                tone={l.status === "sold" ? "green" : l.status === "active" ? "blue" : "neutral"}
              >
                {STATUS_LABELS[l.status as ListingStatus]}
              </Badge>
            ),
          },
          {
            key: "listed",
            header: "Listed",
            cell: (l) => <time dateTime={l.listedAt}>{formatDate(l.listedAt)}</time>,
          },
          {
            key: "sold",
            header: "Sold",
            cell: (l) =>
              l.soldAt ? (
                <span>
                  <time dateTime={l.soldAt}>{formatDate(l.soldAt)}</time>
                  {l.soldPrice !== null && ` · ${money(l.soldPrice, l.currency)}`}
                </span>
              ) : (
                "—"
              ),
          },
          ...(canWrite
            ? [
                {
                  key: "actions",
                  header: "Actions",
                  className: "text-right",
                  cell: (l: ListingDto) => (
                    <div className="flex justify-end gap-1">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Edit ${l.title}`}
                        onClick={() => setEditing(l)}
                      >
                        Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Delete ${l.title}`}
                        loading={remove.isPending && remove.variables === l.id}
                        onClick={() => {
                          if (window.confirm(`Delete “${l.title}”?`)) remove.mutate(l.id);
                        }}
                      >
                        Delete
                      </Button>
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Pager page={page} pagination={list.data?.pagination} noun="listings" onPage={setPage} />
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "New listing" : "Edit listing"}
      >
        {editing !== null && (
          <ListingForm
            key={editing === "new" ? "new" : editing.id}
            listing={editing === "new" ? undefined : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              void refresh();
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
