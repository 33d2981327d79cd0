/**
 * The leads table's state as it lives in the URL: filters, search, sort and page are search
 * parameters so a link (or a saved view) reproduces exactly what someone was looking at.
 */
export const PER_PAGE_CHOICES = [25, 50, 100] as const;
export const DEFAULT_PER_PAGE = 25;
export const DEFAULT_SORT = "-createdAt";

/** Parameters that page or order the list; everything else in the URL is a filter. */
const PAGING_KEYS = ["page", "perPage", "cursor", "sort"] as const;

export interface LeadsParams {
  q: string;
  status: string;
  ownerId: string;
  source: string;
  temperature: string;
  tag: string;
  sort: string;
  page: number;
  perPage: number;
  /** Every filter in the URL, including ones without a control here (industry, cf.*, …). */
  filters: Record<string, string>;
}

/** All values of each parameter, repeated ones joined by commas as the API accepts them. */
function toRecord(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const value = params
      .getAll(key)
      .filter((v) => v !== "")
      .join(",");
    if (value) out[key] = value;
  }
  return out;
}

export function parseLeadsParams(params: URLSearchParams): LeadsParams {
  const all = toRecord(params);
  const filters = Object.fromEntries(
    Object.entries(all).filter(([k]) => !(PAGING_KEYS as readonly string[]).includes(k)),
  );
  const page = Number(all.page);
  const perPage = Number(all.perPage);
  return {
    q: filters.q ?? "",
    status: filters.status ?? "",
    ownerId: filters.ownerId ?? "",
    source: filters.source ?? "",
    temperature: filters.temperature ?? "",
    tag: filters.tag ?? "",
    sort: all.sort || DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    perPage: (PER_PAGE_CHOICES as readonly number[]).includes(perPage) ? perPage : DEFAULT_PER_PAGE,
    filters,
  };
}

/** The GET /leads query for one page. */
export function listQuery(p: LeadsParams): Record<string, string> {
  return { ...p.filters, sort: p.sort, page: String(p.page), perPage: String(p.perPage) };
}

export function hasFilters(p: LeadsParams): boolean {
  return Object.keys(p.filters).length > 0;
}

/** What a saved view remembers: the URL minus where in the list one happened to be. */
export function viewQuery(params: URLSearchParams): Record<string, string> {
  const all = toRecord(params);
  delete all.page;
  delete all.cursor;
  return all;
}

/** The CSV export of exactly these filters (the session cookie authenticates the download). */
export function exportHref(p: LeadsParams): string {
  const qs = new URLSearchParams({ format: "csv", ...p.filters, sort: p.sort });
  return `/api/v1/leads/export?${qs.toString()}`;
}

/** Two queries are the same view when they hold the same parameters, in any order. */
export function sameQuery(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** `-field` → { field, desc: true } */
export function parseSort(sort: string): { field: string; desc: boolean } {
  const first = sort.split(",")[0] ?? DEFAULT_SORT;
  return first.startsWith("-")
    ? { field: first.slice(1), desc: true }
    : { field: first, desc: false };
}
