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
  const text = await readBody(res);
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

/**
 * An event stream never ends by itself: read up to its first event, then hang up as a browser
 * tab closing would. Every other body is read whole.
 */
async function readBody(res: Response): Promise<string> {
  if (!res.headers.get("content-type")?.startsWith("text/event-stream") || !res.body) {
    return res.text();
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!/(^|\n)event: [^\n]*\ndata: [^\n]*\n\n/.test(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}
