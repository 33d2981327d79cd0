import { listOperations } from "@/lib/http/openapi";
import { searchParamsToObject } from "@/lib/http/query";
import { apiRoutes } from "@/lib/http/route-index.generated";
import { callRoute, type CallOptions, type CallResult } from "./http";

const operations = listOperations(apiRoutes);

function compile(template: string) {
  const names: string[] = [];
  const pattern = template.replace(/\{(\w+)(\*)?\}/g, (_, name: string, star?: string) => {
    names.push(name);
    return star ? "(.+)" : "([^/]+)";
  });
  return { re: new RegExp(`^${pattern}$`), names };
}

const compiled = operations
  .map((op) => ({ ...op, ...compile(op.path), catchAll: op.path.includes("*}") }))
  // Static segments win over dynamic ones, as in Next's router.
  .sort((a, b) => Number(a.catchAll) - Number(b.catchAll) || a.names.length - b.names.length);

export interface ApiCallOptions extends Omit<CallOptions, "method" | "path" | "params"> {
  /** An access token or API key, sent as `Authorization: Bearer`. */
  token?: string;
}

/**
 * Call the API in process by method and path, routed to the real route module like Next.js
 * would: tests read as HTTP calls and exercise wrapper, auth, validation and database for real.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are asserted field by field
export async function api<T = any>(
  method: string,
  path: string,
  options: ApiCallOptions = {},
): Promise<CallResult<T>> {
  const [pathname, search] = path.split("?");
  const op = compiled.find((o) => o.method === method && o.re.test(pathname!));
  if (!op) throw new Error(`No route for ${method} ${pathname}`);
  const match = op.re.exec(pathname!)!;
  const params: Record<string, string | string[]> = {};
  op.names.forEach((name, i) => {
    const value = decodeURIComponent(match[i + 1]!);
    params[name] = op.catchAll ? value.split("/") : value;
  });
  // As the route wrapper reads it: a repeated parameter (`?tag=a&tag=b`) keeps every value.
  const query = { ...searchParamsToObject(new URLSearchParams(search ?? "")), ...options.query };
  const headers = {
    ...options.headers,
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  };
  return callRoute<T>(op.handler, { ...options, method, path: pathname, params, query, headers });
}
