import type { Metadata } from "next";
import { ProductContextPage } from "@/components/product-context/product-context-page";
import { requirePagePermission } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Product" };

export default async function ProductPage() {
  const ctx = await requirePagePermission("product_context:read");
  return <ProductContextPage canWrite={can(ctx.role, "product_context:write")} />;
}
