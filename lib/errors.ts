/**
 * The one error class domain code throws. The route wrapper turns it into RFC 9457 problem+json
 * using the table below, so a status code is decided in exactly one place.
 */
export const ERROR_CODES = {
  validation_error: { status: 400, title: "Invalid request" },
  invalid_json: { status: 400, title: "Malformed JSON" },
  bad_request: { status: 400, title: "Bad request" },
  unauthenticated: { status: 401, title: "Authentication required" },
  invalid_token: { status: 401, title: "Invalid or expired token" },
  invalid_credentials: { status: 401, title: "Invalid email or password" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  duplicate: { status: 409, title: "Duplicate" },
  idempotency_conflict: { status: 409, title: "Idempotency key reused with a different request" },
  idempotency_in_progress: {
    status: 409,
    title: "A request with this idempotency key is in progress",
  },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  unprocessable: { status: 422, title: "Unprocessable request" },
  /** A campaign can't go live: neither its own mailboxes nor the organization default can send. */
  no_mailbox: { status: 422, title: "No mailbox to send from" },
  /** The channel isn't enabled for the organization or its provider isn't set up: nothing was sent. */
  channel_not_configured: { status: 422, title: "Channel not configured" },
  /** The lead said no to this channel (consent denied). */
  consent_denied: { status: 422, title: "The lead has not consented to this channel" },
  /** The lead is marked do-not-contact: no channel may be used. */
  do_not_contact: { status: 422, title: "The lead is marked do not contact" },
  /** The lead unsubscribed from email. */
  unsubscribed: { status: 422, title: "The lead unsubscribed" },
  /** No phone number, WhatsApp number or Telegram chat id to send to. */
  no_channel_address: { status: 422, title: "No address for this channel" },
  /** AI calls run offline (no provider, budget used up, unusable settings): nothing was sent. */
  ai_not_configured: { status: 422, title: "No AI provider available" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Internal server error" },
  /** An outside provider (Twilio, Telegram, an LLM) refused the call or could not be reached. */
  provider_error: { status: 502, title: "The provider failed" },
  service_unavailable: { status: 503, title: "Service unavailable" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** Per-field problems (validation). */
  errors?: FieldError[];
  /** Extra members added to the problem body, e.g. `existingId` on a duplicate. */
  extra?: Record<string, unknown>;
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
  /** Overrides the status from the table (rarely needed, e.g. 422 codes of a later domain). */
  status?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors?: FieldError[];
  readonly extra?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, detail?: string, options: AppErrorOptions = {}) {
    super(detail ?? ERROR_CODES[code].title, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options.status ?? ERROR_CODES[code].status;
    this.errors = options.errors;
    this.extra = options.extra;
    this.headers = options.headers;
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found`);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
