"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { importSchema, proposedMappingSchema } from "@/lib/leads/import/import-schemas";
import { apiFetch, problemError } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

export type ImportJob = z.infer<typeof importSchema>;
export type ImportMode = ImportJob["mode"];
export type ProposedMapping = z.infer<typeof proposedMappingSchema>;
/** CSV header → lead field, null to skip the column (the API's `mapping` option). */
export type ColumnFieldMap = Record<string, string | null>;

const ACTIVE = new Set<ImportJob["status"]>(["uploading", "queued", "running"]);

export function isActive(job: ImportJob | undefined): boolean {
  return !!job && ACTIVE.has(job.status);
}

export interface StartImportInput {
  file: File;
  mode: ImportMode;
  dryRun: boolean;
  mapping: ColumnFieldMap;
}

/**
 * apiFetch speaks JSON; an upload is multipart with the options as fields before the file, which
 * is the order the server's streaming parser needs.
 */
async function uploadImport({ file, mode, dryRun, mapping }: StartImportInput) {
  const form = new FormData();
  form.set("mode", mode);
  form.set("dryRun", String(dryRun));
  form.set("mapping", JSON.stringify(mapping));
  form.set("file", file, file.name);
  const res = await fetch("/api/v1/leads/import", {
    method: "POST",
    body: form,
    credentials: "same-origin",
  });
  if (!res.ok) throw await problemError(res);
  return (await res.json()) as ImportJob;
}

export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: uploadImport,
    onSuccess: (job) => {
      client.setQueryData(queryKeys.imports.detail(job.id), job);
      client.invalidateQueries({ queryKey: queryKeys.imports.all, refetchType: "active" });
    },
  });
}

export function useProposeMapping() {
  return useMutation({
    mutationFn: (headers: string[]) =>
      apiFetch<ProposedMapping>("/leads/import/propose-mapping", { body: { headers } }),
  });
}

/** One import, polled every second while it is queued or running. */
export function useImportJob(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.imports.detail(id ?? ""),
    queryFn: ({ signal }) => apiFetch<ImportJob>(`/imports/${id}`, { signal }),
    enabled: !!id,
    refetchInterval: (query) => (isActive(query.state.data) ? 1000 : false),
  });
}

export function useCancelImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<ImportJob>(`/imports/${id}/cancel`, { method: "POST" }),
    onSuccess: (job) => {
      client.setQueryData(queryKeys.imports.detail(job.id), job);
      client.invalidateQueries({ queryKey: queryKeys.imports.all });
    },
  });
}

const RECENT = { perPage: 10, sort: "-createdAt" };

export function useRecentImports() {
  return useQuery({
    queryKey: queryKeys.imports.list(RECENT),
    queryFn: ({ signal }) => apiFetch<{ data: ImportJob[] }>("/imports", { query: RECENT, signal }),
    select: (d) => d.data,
    refetchInterval: (query) => (query.state.data?.data.some(isActive) ? 2000 : false),
  });
}

export function errorsCsvUrl(id: string): string {
  return `/api/v1/imports/${id}/errors`;
}
