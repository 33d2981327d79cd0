import fs from "node:fs";

const FILE = "BENCHMARKS.md";

const marks = (name: string) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const;

/**
 * Replace (or append) one benchmark's section of BENCHMARKS.md, between its own markers, reading
 * the file right before writing so sections other benchmarks wrote meanwhile are kept.
 */
export function writeBenchmarkSection(name: string, body: string[]): string {
  const [start, end] = marks(name);
  const section = [start, ...body, end].join("\n");
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : "# Benchmarks\n";
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => section)
    : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(FILE, next);
  return section;
}

/**
 * Everything from the first marked section to the end of BENCHMARKS.md, verbatim, to carry over
 * when `npm run bench` rewrites the head: the other benchmarks' sections and the notes written
 * between them.
 */
export function restAfterHead(): string {
  if (!fs.existsSync(FILE)) return "";
  const current = fs.readFileSync(FILE, "utf8");
  const first = current.search(/<!-- [\w-]+:start -->/);
  return first < 0 ? "" : current.slice(first);
}
