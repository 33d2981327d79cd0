import type { Role } from "@/db/schema";

/** The demo organization's people: one per role, plus a second rep on the manager's team. */
export const DEMO_ORGANIZATION_NAME = "Northwind Realty (demo)";
export const DEMO_PASSWORD = "leadline-demo";

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: Exclude<Role, "integration">;
  reportsTo?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { key: "owner", email: "owner@demo.leadline.dev", name: "Olivia Hart", role: "owner" },
  { key: "admin", email: "admin@demo.leadline.dev", name: "Adrian Cole", role: "admin" },
  { key: "manager", email: "manager@demo.leadline.dev", name: "Maya Lindqvist", role: "manager" },
  {
    key: "rep",
    email: "rep@demo.leadline.dev",
    name: "Ravi Patel",
    role: "sales_rep",
    reportsTo: "manager",
  },
  {
    key: "rep2",
    email: "rep2@demo.leadline.dev",
    name: "Sofia Marquez",
    role: "sales_rep",
    reportsTo: "manager",
  },
];

export function formatDemoLogins(): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  const lines = DEMO_USERS.map((u) => `  ${u.email.padEnd(width)}  ${u.role}`);
  return [
    `Demo organization "${DEMO_ORGANIZATION_NAME}" — every demo login uses the password "${DEMO_PASSWORD}":`,
    ...lines,
  ].join("\n");
}
