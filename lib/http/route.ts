import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { authenticate, type AuthedCtx, type Permission } from "@/lib/auth/authenticate";
import { withIdempotency } from "./idempotency";
import { readJsonBody } from "./body";
import { problemResponse, toAppError, validationError, zodFieldErrors } from "./problem";
import { searchParamsToObject } from "./query";
import { requestIdFor, clientIp } from "./request-meta";
import { rateLimitFor, type RateLimitResult, rateLimitHeaders } from "./rate-limit";
import { json } from "./responses";

export type AuthRequirement = "public" | Permission;

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
}

export interface RouteDefinition<
  A extends AuthRequirement,
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
> {
  summary: string;
  description?: string;
  tags: string[];
  /** "public", or the permission the caller's role must hold. */
  auth: A;
  body?: B;
  query?: Q;
  params?: P;
  /** Cap on the request body; 1 MB by default (MAX_JSON_BODY_BYTES). */
  maxBodyBytes?: number;
  /** A body the handler reads itself (e.g. CSV uploads), documented with these content types. */
  rawBody?: { contentTypes: string[]; description: string };
  responses: Record<number, ResponseSpec>;
  /** Left out of the OpenAPI document (only for the API's catch-all 404). */
  hidden?: boolean;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

/** Public routes get no organization context; protected ones get the caller's. */
export type PublicCtx = Pick<Ctx, "requestId" | "ip" | "userAgent">;

export interface HandlerArgs<A extends AuthRequirement, B, Q, P> {
  req: Request;
  ctx: A extends "public" ? PublicCtx : AuthedCtx;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  requestId: string;
}

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type RouteHandler = ((req: Request, context: NextRouteContext) => Promise<Response>) & {
  definition: RouteDefinition<
    AuthRequirement,
    z.ZodType | undefined,
    z.ZodType | undefined,
    z.ZodType | undefined
  >;
};

/**
 * The one wrapper every API route goes through. Each step is a small function; the order is:
 * request id → authenticate → rate limit → params → query → body → handler, and any error on the
 * way becomes RFC 9457 problem+json. Unexpected errors are logged with the request id and answered
 * with a generic 500 that reveals nothing internal.
 */
export function route<
  A extends AuthRequirement,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(
  definition: RouteDefinition<A, B, Q, P>,
  handler: (args: HandlerArgs<A, B, Q, P>) => unknown,
): RouteHandler {
  const run = async (req: Request, context: NextRouteContext): Promise<Response> => {
    const requestId = requestIdFor(req);
    let limit: RateLimitResult | undefined;
    let response: Response;
    try {
      const meta = { requestId, ip: clientIp(req), userAgent: req.headers.get("user-agent") };
      let ctx: AuthedCtx | PublicCtx = meta;
      if (definition.auth !== "public") ctx = await authenticate(req, definition.auth, meta);
      limit = await applyRateLimit(ctx);
      const params = await parseParams(definition.params, context);
      const query = parse(definition.query, searchParamsToObject(new URL(req.url).searchParams));
      const body = definition.body
        ? parse(
            definition.body,
            // An empty body reads as {}: optional-only bodies accept it, others name what's missing.
            (await readJsonBody(req, definition.maxBodyBytes ?? env.MAX_JSON_BODY_BYTES)) ?? {},
          )
        : undefined;
      const execute = async () => {
        try {
          const result = await handler({
            req,
            ctx: ctx as HandlerArgs<A, B, Q, P>["ctx"],
            body: body as Out<B>,
            query: query as Out<Q>,
            params: params as Out<P>,
            requestId,
          });
          return toResponse(result);
        } catch (error) {
          return problemResponse(toAppError(error, requestId));
        }
      };
      response = "orgId" in ctx ? await withIdempotency(ctx, req, body, execute) : await execute();
    } catch (error) {
      response = problemResponse(toAppError(error, requestId));
    }
    return withHeaders(response, {
      "x-request-id": requestId,
      ...(limit ? rateLimitHeaders(limit) : {}),
    });
  };
  return Object.assign(run, { definition }) as unknown as RouteHandler;
}

/**
 * Per API key or user (per address for anonymous calls), with the headers on every response.
 * The limit is counted before the request is parsed, so floods of bad requests count too.
 */
async function applyRateLimit(ctx: Ctx | PublicCtx): Promise<RateLimitResult | undefined> {
  const key = "actor" in ctx ? `actor:${ctx.actor.id}` : ctx.ip ? `ip:${ctx.ip}` : undefined;
  if (!key) return undefined;
  const limit = await rateLimitFor(key, env.RATE_LIMIT_PER_MINUTE);
  if (!limit.allowed) {
    throw new AppError("rate_limited", "Rate limit exceeded; retry after the reset time.", {
      headers: { "retry-after": String(limit.retryAfterSeconds), ...rateLimitHeaders(limit) },
    });
  }
  return limit;
}

function parse(schema: z.ZodType | undefined, input: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(zodFieldErrors(result.error));
  return result.data;
}

/** A malformed path id can't name anything that exists, so it is a 404 like any missing record. */
async function parseParams(schema: z.ZodType | undefined, context: NextRouteContext) {
  if (!schema) return undefined;
  const raw = (await context?.params) ?? {};
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError("not_found", "Not found");
  return result.data;
}

function toResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  if (result === undefined) return new Response(null, { status: 204 });
  return json(result);
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    return response;
  } catch {
    // Some responses (e.g. Response.redirect) have immutable headers: copy them.
    const copy = new Response(response.body, response);
    for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
    return copy;
  }
}
