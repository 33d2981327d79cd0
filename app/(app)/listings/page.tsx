import type { Metadata } from "next";
import { ListingsScreen } from "@/components/listings/listings-screen";
import { requirePageCtx } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Listings" };

export default async function ListingsPage() {
  const ctx = await requirePageCtx();
  return <ListingsScreen canWrite={can(ctx.role, "listings:write")} />;
}
