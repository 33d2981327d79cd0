import type { RouteHandler } from "@/lib/http/route";

export interface CallOptions {
  method?: string;
  path?: string;
  query?: Record<string, string | string[]>;
  /** JSON-encoded with Content-Type: application/json unless `rawBody` is given. */
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  params?: Record<string, string | string[]>;
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

/**
 * Call a route handler the way Next.js does (a Request plus `{ params }`), without a server.
 * Integration tests exercise the real wrapper, auth, validation and database this way.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are asserted field by field
export async function callRoute<T = any>(
  handler: RouteHandler,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const url = new URL(options.path ?? "/api/v1/test", "http://localhost:3000");
  for (const [k, v] of Object.entries(options.query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, item);
  }
  const headers = new Headers(options.headers);
  let body: BodyInit | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const method = options.method ?? (body === undefined ? "GET" : "POST");
  const req = new Request(url, { method, headers, body, duplex: "half" } as RequestInit);
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}
