"use client";

import { hardNavigate } from "./hard-navigate";

/**
 * The browser's client for /api/v1 — the same API external systems use, authenticated by the
 * session cookie. Errors carry the RFC 9457 problem body so screens can show its message and
 * point at the offending fields.
 */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed (${problem.status})`);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }
  /** The message for one field, for showing under its input. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path)?.message;
  }
}

export async function apiFetch<T = unknown>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    query?: Record<string, string | number | undefined | null>;
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  const url = new URL(`/api/v1${path}`, window.location.origin);
  for (const [k, v] of Object.entries(init.query ?? {})) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
  }
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
    signal: init.signal,
  });
  if (res.status === 401 && typeof window !== "undefined" && !path.startsWith("/auth/")) {
    hardNavigate(`/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
  }
  if (!res.ok) throw await problemError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The ApiError for a failed response, carrying its problem body when it has one. */
export async function problemError(res: Response): Promise<ApiError> {
  let problem: Problem = { status: res.status, detail: res.statusText };
  try {
    problem = { ...(await res.json()), status: res.status };
  } catch {
    // Not JSON: keep the status text.
  }
  return new ApiError(problem);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
