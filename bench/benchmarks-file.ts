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

/** Every marked section currently in BENCHMARKS.md, to carry over when a benchmark rewrites the head. */
export function markedSections(): string[] {
  if (!fs.existsSync(FILE)) return [];
  return [
    ...fs.readFileSync(FILE, "utf8").matchAll(/<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->/g),
  ].map((m) => m[0]);
}
