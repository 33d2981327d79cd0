"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { ApprovalsNavBadge } from "@/components/approvals/approvals-nav-badge";
import { NavUnreadBadge } from "@/components/conversations/nav-unread-badge";
import { cn } from "@/components/ui/cn";
import { CommandPalette } from "./command-palette";
import { LiveEventsProvider } from "./live-events";
import { NotificationsBell } from "./notifications-bell";
import { OrganizationSwitcher, type OrgOption } from "./organization-switcher";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export interface ShellUser {
  name: string;
  email: string;
  role: string;
  orgId: string;
}

// Sections appear here as they start working.
const NAV = [
  { href: "/", label: "My day" },
  { href: "/leads", label: "Leads" },
  { href: "/conversations", label: "Conversations" },
  { href: "/templates", label: "Templates" },
  { href: "/campaigns", label: "Campaigns" },
  { href: "/listings", label: "Listings" },
  { href: "/analytics", label: "Analytics" },
  { href: "/reports", label: "Reports" },
  { href: "/approvals", label: "Approvals" },
  { href: "/product-context", label: "Product" },
  { href: "/settings", label: "Settings" },
];

export function AppShell({
  user,
  organizations,
  children,
}: {
  user: ShellUser;
  organizations: OrgOption[];
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <LiveEventsProvider>
      <div className="flex min-h-screen bg-slate-50 dark:bg-slate-950">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <nav
          aria-label="Main"
          className={cn(
            "fixed inset-y-0 left-0 z-30 w-56 border-r border-slate-200 bg-white p-3 transition-transform dark:border-slate-800 dark:bg-slate-900 md:static md:translate-x-0",
            menuOpen ? "translate-x-0" : "-translate-x-full",
          )}
        >
          <p className="mb-4 px-3 pt-2 text-sm font-bold uppercase tracking-widest text-brand-600 dark:text-brand-500">
            Leadline
          </p>
          <ul className="space-y-1">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active(item.href) ? "page" : undefined}
                  onClick={() => setMenuOpen(false)}
                  className={cn(
                    "flex items-center rounded-lg px-3 py-2 text-sm font-medium",
                    active(item.href)
                      ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white"
                      : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
                  )}
                >
                  {item.label}
                  {item.href === "/conversations" && <NavUnreadBadge />}
                  {item.href === "/approvals" && <ApprovalsNavBadge />}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {menuOpen && (
          <div
            className="fixed inset-0 z-20 bg-slate-950/40 md:hidden"
            onClick={() => setMenuOpen(false)}
            aria-hidden
          />
        )}
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-10 flex h-14 items-center gap-3 border-b border-slate-200 bg-white/90 px-4 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
            <button
              type="button"
              className="rounded-lg p-2 md:hidden"
              aria-label="Open navigation"
              aria-expanded={menuOpen}
              onClick={() => setMenuOpen(true)}
            >
              <span aria-hidden>☰</span>
            </button>
            <OrganizationSwitcher current={user.orgId} options={organizations} />
            <div className="ml-auto flex items-center gap-1">
              <CommandPalette />
              <NotificationsBell />
              <ThemeToggle />
              <UserMenu name={user.name} email={user.email} role={user.role} />
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
            {children}
          </main>
        </div>
      </div>
    </LiveEventsProvider>
  );
}
