import { ZodError, type core } from "zod";
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from "@/lib/errors";
import { log } from "@/lib/log";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
const TYPE_BASE = "https://leadline.dev/errors/";

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function problemBody(error: AppError): ProblemBody {
  return {
    ...error.extra,
    type: TYPE_BASE + error.code.replaceAll("_", "-"),
    title: ERROR_CODES[error.code].title,
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(error.errors?.length ? { errors: error.errors } : {}),
  };
}

export function problemResponse(error: AppError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(error)), {
    status: error.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, ...error.headers, ...headers },
  });
}

/** Zod issues → field errors; unknown keys are reported one per key so clients can point at them. */
export function zodFieldErrors(error: ZodError, prefix: (string | number)[] = []): FieldError[] {
  const out: FieldError[] = [];
  const walk = (issues: readonly core.$ZodIssue[], base: PropertyKey[]) => {
    for (const issue of issues) {
      const at = [...base, ...issue.path];
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          out.push({ path: formatPath([...at, key]), message: "Unknown field" });
        }
      } else if (issue.code === "invalid_union" && issue.errors.length) {
        // Report the branch that got furthest rather than a bare "Invalid input".
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
        if (best.length) walk(best, at);
        else out.push({ path: formatPath(at), message: issue.message });
      } else {
        out.push({ path: formatPath(at), message: issue.message });
      }
    }
  };
  walk(error.issues, prefix);
  return out;
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : (i ? "." : "") + String(p)))
    .join("");
}

export function validationError(errors: FieldError[]): AppError {
  const detail = errors
    .slice(0, 5)
    .map((e) => (e.path ? `${e.path}: ${e.message}` : e.message))
    .join("; ");
  return new AppError("validation_error", detail || "Invalid request", { errors });
}

/** Anything thrown → a problem. Unexpected errors are logged and answered generically. */
export function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(zodFieldErrors(error));
  log.error("unhandled error", { requestId, error });
  return new AppError(
    "internal_error",
    `An unexpected error occurred. Quote request id ${requestId} when reporting it.`,
  );
}
