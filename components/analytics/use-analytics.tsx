"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { createContext, useCallback, useContext, useMemo } from "react";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { useMembers, type MemberOption } from "@/lib/client/lead-hooks";
import {
  apiQuery,
  effectiveInterval,
  FILTER_KEYS,
  filterSearch,
  parseAnalyticsFilters,
  type AnalyticsFilters,
} from "./analytics-params";

export interface Viewer {
  userId: string;
  role: string;
}

const ViewerContext = createContext<Viewer | null>(null);

export function AnalyticsViewerProvider({
  viewer,
  children,
}: {
  viewer: Viewer;
  children: React.ReactNode;
}) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const v = useContext(ViewerContext);
  if (!v) throw new Error("useViewer outside AnalyticsViewerProvider");
  return v;
}

export type FilterPatch = Partial<Record<keyof AnalyticsFilters, string | null>>;

/**
 * The filters from the URL; changes are written with the History API (the App Router keeps
 * useSearchParams in step), so every view refetches from /api/v1 without a server render, and
 * back/forward steps through the choices.
 */
export function useAnalyticsFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => parseAnalyticsFilters(searchParams), [searchParams]);
  const update = useCallback(
    (patch: FilterPatch) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (!FILTER_KEYS.includes(key)) continue;
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      const qs = next.toString();
      window.history.pushState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );
  return { filters, update, search: filterSearch(filters), interval: effectiveInterval(filters) };
}

type MemberWithManager = MemberOption & { managerId?: string | null };

/** A manager and everyone reporting to them, directly or not (as the API's scope has it). */
export function teamIds(members: MemberWithManager[], managerId: string): string[] {
  const out = [managerId];
  for (let i = 0; i < out.length && i < 500; i++) {
    for (const m of members) if (m.managerId === out[i] && !out.includes(m.id)) out.push(m.id);
  }
  return out;
}

/**
 * Whose leads the numbers count, as owner ids for a drill-down to the leads table (which on its
 * own shows a rep also unassigned leads, a manager also unassigned ones): null = everyone's.
 */
export function useScopeOwners(): string[] | null {
  const viewer = useViewer();
  const { filters } = useAnalyticsFilters();
  const members = useMembers().data as MemberWithManager[] | undefined;
  return useMemo(() => {
    if (filters.ownerId.length)
      return filters.ownerId.map((id) => (id === "me" ? viewer.userId : id));
    if (filters.teamId) return members ? teamIds(members, filters.teamId) : [filters.teamId];
    if (viewer.role === "sales_rep") return [viewer.userId];
    if (viewer.role === "manager")
      return members ? teamIds(members, viewer.userId) : [viewer.userId];
    return null;
  }, [filters.ownerId, filters.teamId, members, viewer]);
}

/** One analytics endpoint under the URL's filters (plus its own parameters). */
export function useAnalytics<T>(
  path: string,
  extra: Record<string, string | undefined> = {},
  enabled = true,
) {
  const { filters } = useAnalyticsFilters();
  const query = { ...apiQuery(filters), ...extra };
  const result = useQuery({
    queryKey: ["analytics", path, query],
    queryFn: ({ signal }) => apiFetch<T>(path, { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled,
  });
  return {
    data: result.data,
    loading: enabled && result.isPending,
    error: result.error ? errorMessage(result.error) : null,
    refreshing: result.isPlaceholderData,
  };
}
