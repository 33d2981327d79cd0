import type { Campaign } from "./campaign-types";

export const linkClass =
  "font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:text-brand-500";

export const primaryLinkClass =
  "inline-flex h-9 items-center rounded-lg bg-brand-600 px-3.5 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500";

export const secondaryLinkClass =
  "inline-flex h-9 items-center rounded-lg border border-slate-300 bg-white px-3.5 text-sm font-medium text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

/** A draft opens in the builder; anything launched opens on its results. */
export function campaignHref(c: Pick<Campaign, "id" | "status">): string {
  return c.status === "draft" ? `/campaigns/${c.id}/edit` : `/campaigns/${c.id}`;
}
