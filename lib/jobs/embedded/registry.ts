import type { InngestFunction } from "inngest";
import { compileExpression } from "./expressions";

export interface ConcurrencyLimit {
  limit: number;
  /** A dotted path into the event (`event.data.mailboxId`); none: one limit for the function. */
  key?: string;
}

/** What the embedded engine needs to know about one Inngest function, read from its options. */
export interface RegisteredFunction {
  id: string;
  fn: InngestFunction.Any;
  events: { event: string; if?: string }[];
  crons: string[];
  cancelOn: { event: string; if?: string; timeout?: string }[];
  /** Every limit must have a free slot for a run to start (Inngest allows up to two). */
  concurrency: ConcurrencyLimit[];
  throttle?: { limit: number; periodMs: number; key?: string };
  maxAttempts: number;
}

type AnyOptions = {
  id: string;
  triggers?: ({ event?: string | { name: string }; if?: string; cron?: string } | undefined)[];
  cancelOn?: { event: string | { name: string }; if?: string; match?: string; timeout?: string }[];
  concurrency?: number | { limit: number; key?: string } | { limit: number; key?: string }[];
  throttle?: { limit: number; period: string; key?: string };
  retries?: number;
};

const DEFAULT_RETRIES = 3;

function periodMs(period: string): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(period);
  if (!m) throw new Error(`Unsupported throttle period "${period}"`);
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 }[m[2] as "s"];
}

function stripKey(expr?: string): string | undefined {
  return expr?.replace(/^["']|["']$/g, "");
}

export function registerFunctions(
  fns: readonly InngestFunction.Any[],
): Map<string, RegisteredFunction> {
  const out = new Map<string, RegisteredFunction>();
  for (const fn of fns) {
    const opts = (fn as unknown as { opts: AnyOptions }).opts;
    const events: RegisteredFunction["events"] = [];
    const crons: string[] = [];
    for (const trigger of opts.triggers ?? []) {
      if (!trigger) continue;
      if (trigger.cron) crons.push(trigger.cron);
      else if (trigger.event) {
        const name = typeof trigger.event === "string" ? trigger.event : trigger.event.name;
        if (trigger.if) compileExpression(trigger.if);
        events.push({ event: name, if: trigger.if });
      }
    }
    const cancelOn = (opts.cancelOn ?? []).map((c) => {
      const matchCondition = c.match ? `event.${c.match} == async.${c.match}` : undefined;
      const condition =
        matchCondition && c.if ? `(${matchCondition}) && (${c.if})` : (matchCondition ?? c.if);
      if (condition) compileExpression(condition);
      return {
        event: typeof c.event === "string" ? c.event : c.event.name,
        if: condition,
        timeout: c.timeout,
      };
    });
    const concurrencyOpts =
      opts.concurrency === undefined
        ? []
        : Array.isArray(opts.concurrency)
          ? opts.concurrency
          : [opts.concurrency];
    const concurrency = concurrencyOpts.map((c) =>
      typeof c === "number" ? { limit: c } : { limit: c.limit, key: stripKey(c.key) },
    );
    for (const c of concurrency) if (c.key) eventKeyPath(c.key);
    const throttle = opts.throttle
      ? {
          limit: opts.throttle.limit,
          periodMs: periodMs(opts.throttle.period),
          key: stripKey(opts.throttle.key),
        }
      : undefined;
    out.set(opts.id, {
      id: opts.id,
      fn,
      events,
      crons,
      cancelOn,
      concurrency,
      throttle,
      maxAttempts: (opts.retries ?? DEFAULT_RETRIES) + 1,
    });
  }
  return out;
}

/**
 * The JSON path a key expression reads from the stored event (`event.data.mailboxId` →
 * `{data,mailboxId}`), so the engine can compare keys of other runs in SQL. Only plain paths into
 * the event are supported; anything else is refused when the function is registered.
 */
export function eventKeyPath(key: string): string[] {
  const parts = key.trim().split(".");
  if (parts[0] !== "event" || parts.length < 2 || !parts.every((p) => /^[A-Za-z_]\w*$/.test(p))) {
    throw new Error(`Unsupported concurrency key "${key}": use a path such as event.data.id`);
  }
  return parts.slice(1);
}

/** Inngest trigger names may end in a wildcard (`lead/*`). */
export function eventNameMatches(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}
