import type { Sql } from "postgres";

/** COPY … FROM STDIN in PostgreSQL's text format, streamed in 1 MB writes. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text =
    typeof value === "string"
      ? value
      : Array.isArray(value)
        ? `{${value.join(",")}}`
        : JSON.stringify(value);
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\t/g, "\\t")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r");
}

export async function copyRows(
  sql: Sql,
  table: string,
  columns: string[],
  rows: Iterable<unknown[]>,
) {
  const stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  let buffer = "";
  for (const row of rows) {
    buffer += row.map(copyText).join("\t") + "\n";
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await new Promise((r) => stream.once("drain", r));
      buffer = "";
    }
  }
  stream.end(buffer);
  await new Promise<void>((resolve, reject) => stream.on("finish", resolve).on("error", reject));
}
