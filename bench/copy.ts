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

/**
 * Rows as objects keyed by column name (every row has the first row's columns), so each value
 * sits next to its column instead of in a parallel list.
 */
export async function copyRows(sql: Sql, table: string, rows: Iterable<Record<string, unknown>>) {
  let stream: Awaited<ReturnType<ReturnType<Sql["unsafe"]>["writable"]>> | undefined;
  let columns: string[] = [];
  let buffer = "";
  for (const row of rows) {
    if (!stream) {
      columns = Object.keys(row);
      stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
    }
    buffer += columns.map((c) => copyText(row[c])).join("\t") + "\n";
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await new Promise((r) => stream!.once("drain", r));
      buffer = "";
    }
  }
  if (!stream) return;
  const done = stream;
  done.end(buffer);
  await new Promise<void>((resolve, reject) => done.on("finish", resolve).on("error", reject));
}
