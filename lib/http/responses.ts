import type { Page } from "./pagination";

/** Response builders used by route handlers, so status codes and headers are uniform. */
export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(data), { ...init, headers });
}

export function ok(data: unknown): Response {
  return json(data, { status: 200 });
}

export function created(data: unknown, location?: string): Response {
  return json(data, { status: 201, headers: location ? { location } : {} });
}

export function accepted(data: unknown): Response {
  return json(data, { status: 202 });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function listResponse<T>(page: Page<T>): Response {
  return json(page, { status: 200, headers: { "x-total-count": String(page.pagination.total) } });
}
