"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import type { ListingStatus } from "@/db/schema";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import type { ListingDto } from "@/lib/listings/listing-schemas";

export const STATUS_LABELS: Record<ListingStatus, string> = {
  draft: "Draft",
  active: "Active",
  under_offer: "Under offer",
  sold: "Sold",
  withdrawn: "Withdrawn",
};
const STATUSES = Object.keys(STATUS_LABELS) as ListingStatus[];

/** An ISO instant as the value of a date input (the day in the viewer's time zone). */
const toDay = (iso: string | null | undefined) => {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
/** A date input's day as an instant at local noon, so no time zone moves it to another day. */
const fromDay = (day: string) => (day ? new Date(`${day}T12:00:00`).toISOString() : null);

/** Create a listing, or edit one: every field, with the API's messages under their inputs. */
export function ListingForm({
  listing,
  onSaved,
  onCancel,
}: {
  listing?: ListingDto;
  onSaved: (listing: ListingDto) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState({
    title: listing?.title ?? "",
    type: listing?.type ?? "",
    price: listing ? String(listing.price) : "",
    currency: listing?.currency ?? "",
    location: listing?.location ?? "",
    status: (listing?.status ?? "active") as ListingStatus,
    listedAt: toDay(listing?.listedAt ?? new Date().toISOString()),
    soldAt: toDay(listing?.soldAt),
    soldPrice: listing?.soldPrice != null ? String(listing.soldPrice) : "",
  });
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: form.title,
        type: form.type,
        // Left empty: omitted, so the API says it is required (under the field).
        price: form.price.trim() === "" ? undefined : Number(form.price),
        ...(form.currency.trim() ? { currency: form.currency.trim().toUpperCase() } : {}),
        location: form.location,
        status: form.status,
        ...(form.listedAt ? { listedAt: fromDay(form.listedAt)! } : {}),
        soldAt: fromDay(form.soldAt),
        soldPrice: form.soldPrice.trim() ? Number(form.soldPrice) : null,
      };
      return listing
        ? apiFetch<ListingDto>(`/listings/${listing.id}`, { method: "PATCH", body })
        : apiFetch<ListingDto>("/listings", { method: "POST", body });
    },
    onSuccess: onSaved,
  });
  const err = save.error instanceof ApiError ? save.error : undefined;
  const placed = new Set(Object.keys(form));
  const unplaced = err?.problem.errors?.filter((e) => !placed.has(e.path)) ?? [];
  return (
    <form
      noValidate
      aria-label={listing ? "Edit listing" : "New listing"}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {save.error && (!err?.problem.errors || unplaced.length > 0) && (
        <Alert tone="error">
          {unplaced.length ? unplaced.map((e) => e.message).join(" ") : errorMessage(save.error)}
        </Alert>
      )}
      <Field
        label="Title"
        required
        maxLength={200}
        value={form.title}
        onChange={(e) => set("title", e.target.value)}
        error={err?.fieldError("title")}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Type"
          required
          placeholder="apartment, house, office…"
          maxLength={50}
          value={form.type}
          onChange={(e) => set("type", e.target.value)}
          error={err?.fieldError("type")}
        />
        <Field
          label="Location"
          required
          placeholder="City or area"
          maxLength={100}
          value={form.location}
          onChange={(e) => set("location", e.target.value)}
          error={err?.fieldError("location")}
        />
        <Field
          label="Price"
          type="number"
          required
          min={0}
          step="0.01"
          value={form.price}
          onChange={(e) => set("price", e.target.value)}
          error={err?.fieldError("price")}
        />
        <Field
          label="Currency"
          maxLength={3}
          placeholder="Organization default"
          value={form.currency}
          onChange={(e) => set("currency", e.target.value.toUpperCase())}
          error={err?.fieldError("currency")}
        />
        <SelectField
          label="Status"
          value={form.status}
          onChange={(e) => set("status", e.target.value)}
          options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          error={err?.fieldError("status")}
        />
        <Field
          label="Listed on"
          type="date"
          value={form.listedAt}
          onChange={(e) => set("listedAt", e.target.value)}
          error={err?.fieldError("listedAt")}
        />
        <Field
          label="Sold on"
          type="date"
          value={form.soldAt}
          onChange={(e) => set("soldAt", e.target.value)}
          error={err?.fieldError("soldAt")}
        />
        <Field
          label="Sold price"
          type="number"
          min={0}
          step="0.01"
          value={form.soldPrice}
          onChange={(e) => set("soldPrice", e.target.value)}
          error={err?.fieldError("soldPrice")}
        />
      </div>
      <div className="flex gap-2 pt-1">
        <Button type="submit" loading={save.isPending}>
          {listing ? "Save listing" : "Create listing"}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
