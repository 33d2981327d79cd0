/**
 * The small subset of Inngest's CEL expressions Leadline's functions use in `if`, `match`
 * (compiled to `event.x == async.x`), concurrency and throttle keys: dotted paths into `event`
 * and `async`, string/number/boolean/null literals, `==` / `!=`, joined by `&&` and `||`.
 * Anything else is rejected when the function is registered, not silently mis-evaluated.
 */
type Scope = Record<string, unknown>;

const TOKEN =
  /\s*(&&|\|\||==|!=|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|[A-Za-z_][\w.]*|\(|\))/y;

function tokenize(expr: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let index = 0;
  while (index < expr.length) {
    if (/^\s*$/.test(expr.slice(index))) break;
    TOKEN.lastIndex = index;
    const m = TOKEN.exec(expr);
    if (!m) throw new Error(`Unsupported expression near "${expr.slice(index)}"`);
    tokens.push(m[1]!);
    index = TOKEN.lastIndex;
  }
  return tokens;
}

export function resolvePath(scope: Scope, path: string): unknown {
  let current: unknown = scope;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function literal(token: string, scope: Scope): unknown {
  if (token.startsWith('"') || token.startsWith("'")) {
    return token.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  if (/^-?\d/.test(token)) return Number(token);
  if (token === "true") return true;
  if (token === "false") return false;
  if (token === "null") return null;
  return resolvePath(scope, token);
}

export function compileExpression(expr: string): (scope: Scope) => boolean {
  const tokens = tokenize(expr);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];

  type Node = (s: Scope) => unknown;
  const primary = (): Node => {
    const t = next();
    if (t === undefined) throw new Error(`Unexpected end of expression "${expr}"`);
    if (t === "(") {
      const inner = or();
      if (next() !== ")") throw new Error(`Missing ")" in "${expr}"`);
      return inner;
    }
    if (["&&", "||", "==", "!=", ")"].includes(t))
      throw new Error(`Unexpected "${t}" in "${expr}"`);
    return (s) => literal(t, s);
  };
  const comparison = (): Node => {
    const left = primary();
    const op = peek();
    if (op === "==" || op === "!=") {
      next();
      const right = primary();
      return op === "=="
        ? (s) => left(s) === right(s) && left(s) !== undefined
        : (s) => left(s) !== right(s);
    }
    return left;
  };
  const and = (): Node => {
    let left = comparison();
    while (peek() === "&&") {
      next();
      const l = left;
      const r = comparison();
      left = (s) => Boolean(l(s)) && Boolean(r(s));
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (peek() === "||") {
      next();
      const l = left;
      const r = and();
      left = (s) => Boolean(l(s)) || Boolean(r(s));
    }
    return left;
  };
  const root = or();
  if (pos !== tokens.length) throw new Error(`Unexpected "${tokens[pos]}" in "${expr}"`);
  return (scope) => Boolean(root(scope));
}

/** A key expression such as `event.data.organizationId` → its value as a string, or null. */
export function evaluateKey(expr: string | undefined, scope: Scope): string | null {
  if (!expr) return null;
  const value = resolvePath(scope, expr.trim());
  return value === undefined || value === null ? null : String(value);
}

const cache = new Map<string, (scope: Scope) => boolean>();

export function matches(expr: string | undefined, scope: Scope): boolean {
  if (!expr) return true;
  let compiled = cache.get(expr);
  if (!compiled) {
    compiled = compileExpression(expr);
    cache.set(expr, compiled);
  }
  return compiled(scope);
}
