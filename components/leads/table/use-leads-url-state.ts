"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { DEFAULT_PER_PAGE, DEFAULT_SORT, parseLeadsParams } from "./leads-params";

export type ParamPatch = Record<string, string | number | null | undefined>;

/**
 * The table's state read from and written to the URL. Writes go through the History API, which
 * the App Router keeps in sync with useSearchParams: the list refetches from /api/v1 at once
 * instead of waiting for a server render of the page that nothing on it depends on. Typing
 * replaces the entry, discrete changes push one, so back/forward steps through real choices.
 */
export function useLeadsUrlState() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => parseLeadsParams(searchParams), [searchParams]);

  const navigate = useCallback(
    (next: URLSearchParams, replace: boolean) => {
      const qs = next.toString();
      const url = qs ? `${pathname}?${qs}` : pathname;
      if (url === `${window.location.pathname}${window.location.search}`) return;
      if (replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [pathname],
  );

  /** Change some parameters; any change other than the page starts again at page 1. */
  const update = useCallback(
    (patch: ParamPatch, { replace = false }: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        const isDefault =
          (key === "sort" && value === DEFAULT_SORT) ||
          (key === "perPage" && Number(value) === DEFAULT_PER_PAGE) ||
          (key === "page" && Number(value) === 1);
        if (value === null || value === undefined || value === "" || isDefault) next.delete(key);
        else next.set(key, String(value));
      }
      if (!("page" in patch)) next.delete("page");
      next.delete("cursor");
      navigate(next, replace);
    },
    [navigate],
  );

  /** Replace the whole query (applying a saved view, clearing filters). */
  const replaceAll = useCallback(
    (query: Record<string, string>) => navigate(new URLSearchParams(query), false),
    [navigate],
  );

  return { params, searchParams, update, replaceAll };
}
