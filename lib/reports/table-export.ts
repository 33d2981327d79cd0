import ExcelJS from "exceljs";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import { csvLine } from "@/lib/http/csv-response";
import type { ReportValueType } from "./report-catalog";
import type { ReportExportFormat } from "./report-schemas";

/** A table to hand out as a file: what every report and analytics export reduces to. */
export interface ExportTable {
  title: string;
  /** A line under the title: period, scope, generated time. */
  subtitle?: string;
  header: string[];
  rows: unknown[][];
  /** Per column, how to show numbers (percent for ratios, money with two decimals). */
  types?: (ReportValueType | undefined)[];
  /** Shown under the table, e.g. that a PDF holds only the first rows. */
  note?: string;
}

export const EXPORT_CONTENT_TYPES: Record<ReportExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** CSV with a BOM for Excel; cells that would run as formulas are neutralised (csvCell). */
export function tableToCsv(table: ExportTable): Uint8Array {
  const text = "\uFEFF" + csvLine(table.header) + table.rows.map(csvLine).join("");
  return new TextEncoder().encode(text);
}

const XLSX_FORMATS: Partial<Record<ReportValueType, string>> = {
  ratio: "0.0%",
  money: "#,##0.00",
  number: "#,##0.00",
  integer: "#,##0",
  duration: "#,##0",
};

/** A workbook with one sheet: the title, the header row (bold, frozen) and typed cells. */
export async function tableToXlsx(table: ExportTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Leadline";
  const sheet = workbook.addWorksheet(sheetName(table.title));
  const headerRow = sheet.addRow(table.header);
  headerRow.font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of table.rows) {
    // Strings stay strings (ExcelJS never turns "=..." text into a formula).
    sheet.addRow(row.map((v) => (v instanceof Date ? v : v === undefined ? null : v)));
  }
  table.types?.forEach((type, i) => {
    const format = type && XLSX_FORMATS[type];
    const column = sheet.getColumn(i + 1);
    if (format) column.numFmt = format;
    column.width = Math.min(48, Math.max(10, (table.header[i]?.length ?? 8) + 4));
  });
  if (table.note) sheet.addRow([]).commit();
  if (table.note) sheet.addRow([table.note]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function sheetName(title: string): string {
  return title.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Report";
}

/** Human text for a PDF cell. */
export function formatCell(value: unknown, type?: ReportValueType): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().replace("T", " ").slice(0, 16);
  if (typeof value === "number") {
    if (type === "ratio") return `${(value * 100).toFixed(1)}%`;
    if (type === "money" || type === "number")
      return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return value.toLocaleString("en-US");
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

const PAGE = { width: 842, height: 595, margin: 36 }; // A4 landscape, points
const FONT_SIZE = 8;
const ROW_HEIGHT = 13;

/**
 * A paginated A4 landscape table with the standard Helvetica (no font files): columns share the
 * width by their content, long text is cut with an ellipsis, the header repeats on every page.
 */
export async function tableToPdf(table: ExportTable): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(table.title);
  doc.setProducer("Leadline");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const printable = new Set(font.getCharacterSet());
  const clean = (text: string) =>
    [...text.replace(/[\r\n\t]+/g, " ").slice(0, 300)]
      .map((ch) => (printable.has(ch.codePointAt(0)!) ? ch : "?"))
      .join("");

  const header = table.header.map(clean);
  const cells = table.rows.map((row) => row.map((v, i) => clean(formatCell(v, table.types?.[i]))));
  const usable = PAGE.width - 2 * PAGE.margin;
  const widths = columnWidths(header, cells, font, usable);
  const numeric = header.map((_, i) => {
    const t = table.types?.[i];
    return t !== undefined && t !== "string" && t !== "date";
  });

  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const line = (text: string, f: PDFFont, size: number) => {
    page.drawText(fit(clean(text), f, size, usable), { x: PAGE.margin, y, size, font: f });
    y -= size + 6;
  };
  const drawRow = (row: string[], f: PDFFont) => {
    let x = PAGE.margin;
    row.forEach((text, i) => {
      const w = widths[i]!;
      const shown = fit(text, f, FONT_SIZE, w - 4);
      const tx = numeric[i] ? x + w - 4 - f.widthOfTextAtSize(shown, FONT_SIZE) : x;
      page.drawText(shown, { x: tx, y, size: FONT_SIZE, font: f });
      x += w;
    });
    y -= ROW_HEIGHT;
  };
  const drawHeader = () => {
    drawRow(header, bold);
    page.drawLine({
      start: { x: PAGE.margin, y: y + ROW_HEIGHT - 3 },
      end: { x: PAGE.width - PAGE.margin, y: y + ROW_HEIGHT - 3 },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
  };

  line(table.title, bold, 14);
  if (table.subtitle) line(table.subtitle, font, 9);
  y -= 4;
  drawHeader();
  for (const row of cells) {
    if (y < PAGE.margin + ROW_HEIGHT) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
      drawHeader();
    }
    drawRow(row, font);
  }
  if (!cells.length) line("No rows", font, 9);
  if (table.note) {
    y -= 6;
    if (y < PAGE.margin) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
    }
    line(table.note, font, 8);
  }
  return doc.save();
}

/** Each column gets its widest content's share of the page, between a floor and a cap. */
function columnWidths(header: string[], rows: string[][], font: PDFFont, usable: number) {
  const sample = rows.slice(0, 200);
  const natural = header.map((h, i) =>
    Math.min(
      220,
      Math.max(
        40,
        ...[h, ...sample.map((r) => r[i] ?? "")].map(
          (t) => font.widthOfTextAtSize(t, FONT_SIZE) + 8,
        ),
      ),
    ),
  );
  const total = natural.reduce((a, b) => a + b, 0);
  return natural.map((w) => (w * usable) / Math.max(total, usable));
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export async function renderTable(
  table: ExportTable,
  format: ReportExportFormat,
): Promise<Uint8Array> {
  if (format === "xlsx") return tableToXlsx(table);
  if (format === "pdf") return tableToPdf(table);
  return tableToCsv(table);
}

/** A download: the right Content-Type and an attachment name safe in any header. */
export function fileResponse(
  bytes: Uint8Array,
  format: ReportExportFormat,
  baseName: string,
): Response {
  const name = `${baseName.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "report"}.${format}`;
  return new Response(bytes as BodyInit, {
    status: 200,
    headers: {
      "content-type": EXPORT_CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${name}"`,
      "content-length": String(bytes.byteLength),
      "cache-control": "no-store",
    },
  });
}

export function fileSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}
