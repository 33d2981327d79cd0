import type { z } from "zod";
import type {
  batchResultSchema,
  renderedSchema,
  templateSchema,
} from "@/lib/templates/template-schemas";
import type { Page } from "@/lib/http/pagination";

export type Template = z.infer<typeof templateSchema>;
export type TemplatePage = Page<Template>;
export type Rendered = z.infer<typeof renderedSchema>;
export type BatchResult = z.infer<typeof batchResultSchema>;
export type Finding = Rendered["findings"][number];
