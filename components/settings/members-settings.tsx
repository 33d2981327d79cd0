"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField, inputClass } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

export interface Member {
  id: string;
  email: string;
  name: string;
  role: "owner" | "admin" | "manager" | "sales_rep";
  status: "active" | "invited" | "deactivated";
  managerId: string | null;
  lastLoginAt: string | null;
}

const ROLE_LABELS: Record<Member["role"], string> = {
  owner: "Owner",
  admin: "Admin",
  manager: "Manager",
  sales_rep: "Sales rep",
};
const STATUS_TONE = { active: "green", invited: "amber", deactivated: "neutral" } as const;

export function MembersSettings({
  canManage,
  isOwner,
  selfId,
}: {
  canManage: boolean;
  isOwner: boolean;
  selfId: string;
}) {
  const client = useQueryClient();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState("");
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<string>();
  const params = { q, status, perPage: 100, sort: "name" };
  const members = useQuery({
    queryKey: queryKeys.members.list(params),
    queryFn: ({ signal }) => apiFetch<{ data: Member[] }>("/users", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
  const managers = useQuery({
    queryKey: queryKeys.members.list({ role: "manager", perPage: 100 }),
    queryFn: () =>
      apiFetch<{ data: Member[] }>("/users", { query: { perPage: 100, sort: "name" } }),
    select: (d) =>
      d.data.filter(
        (m) => ["manager", "admin", "owner"].includes(m.role) && m.status !== "deactivated",
      ),
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      apiFetch(`/users/${id}`, { method: "PATCH", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.members.all }),
    onError: (e) => setNotice(errorMessage(e)),
  });
  const deactivate = useMutation({
    mutationFn: (id: string) => apiFetch(`/users/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.members.all }),
    onError: (e) => setNotice(errorMessage(e)),
  });
  const resend = useMutation({
    mutationFn: (id: string) => apiFetch(`/users/${id}/invitation`, { method: "POST" }),
    onSuccess: () => setNotice("A new invitation link was sent."),
    onError: (e) => setNotice(errorMessage(e)),
  });

  const roleOptions = (Object.keys(ROLE_LABELS) as Member["role"][])
    .filter((r) => isOwner || r !== "owner")
    .map((r) => ({ value: r, label: ROLE_LABELS[r] }));

  const columns: Column<Member>[] = [
    {
      key: "name",
      header: "Member",
      cell: (m) => (
        <div>
          <p className="font-medium">{m.name || "—"}</p>
          <p className="text-xs text-slate-600 dark:text-slate-400">{m.email}</p>
        </div>
      ),
    },
    {
      key: "role",
      header: "Role",
      cell: (m) =>
        canManage && m.id !== selfId && (isOwner || m.role !== "owner") ? (
          <select
            aria-label={`Role of ${m.email}`}
            value={m.role}
            onChange={(e) => update.mutate({ id: m.id, body: { role: e.target.value } })}
            className={`${inputClass} w-32 py-1`}
          >
            {roleOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          ROLE_LABELS[m.role]
        ),
    },
    {
      key: "manager",
      header: "Reports to",
      cell: (m) =>
        canManage ? (
          <select
            aria-label={`Manager of ${m.email}`}
            value={m.managerId ?? ""}
            onChange={(e) =>
              update.mutate({ id: m.id, body: { managerId: e.target.value || null } })
            }
            className={`${inputClass} w-40 py-1`}
          >
            <option value="">No one</option>
            {managers.data
              ?.filter((x) => x.id !== m.id)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name || x.email}
                </option>
              ))}
          </select>
        ) : (
          (managers.data?.find((x) => x.id === m.managerId)?.name ?? "—")
        ),
    },
    {
      key: "status",
      header: "Status",
      cell: (m) => <Badge tone={STATUS_TONE[m.status]}>{m.status}</Badge>,
    },
    {
      key: "actions",
      header: "Actions",
      className: "text-right",
      cell: (m) =>
        canManage && m.id !== selfId ? (
          <div className="flex justify-end gap-2">
            {m.status === "invited" && (
              <Button size="sm" variant="ghost" onClick={() => resend.mutate(m.id)}>
                Resend invite
              </Button>
            )}
            {m.status === "deactivated" ? (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => update.mutate({ id: m.id, body: { status: "active" } })}
              >
                Reactivate
              </Button>
            ) : (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  if (window.confirm(`Deactivate ${m.email}? They are signed out at once.`))
                    deactivate.mutate(m.id);
                }}
              >
                Deactivate
              </Button>
            )}
          </div>
        ) : null,
    },
  ];

  return (
    <Card
      title="Members"
      description="Who works in this organization, their role and who they report to."
      actions={canManage && <Button onClick={() => setInviting(true)}>Invite member</Button>}
    >
      {notice && (
        <Alert
          tone={update.isError || deactivate.isError || resend.isError ? "error" : "success"}
          className="mb-3"
        >
          {notice}
        </Alert>
      )}
      <div className="mb-3 flex flex-wrap gap-3">
        <label className="min-w-56 flex-1">
          <span className="sr-only">Search members</span>
          <input
            className={inputClass}
            type="search"
            placeholder="Search name or email"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <label>
          <span className="sr-only">Status</span>
          <select className={inputClass} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All statuses</option>
            <option value="active">Active</option>
            <option value="invited">Invited</option>
            <option value="deactivated">Deactivated</option>
          </select>
        </label>
      </div>
      {members.error && <Alert tone="error">{errorMessage(members.error)}</Alert>}
      <DataTable
        caption="Members"
        columns={columns}
        rows={members.data?.data}
        rowKey={(m) => m.id}
        loading={members.isLoading}
      />
      <InviteDialog
        open={inviting}
        onClose={() => setInviting(false)}
        roleOptions={roleOptions}
        managers={managers.data ?? []}
        onInvited={(email) => {
          setInviting(false);
          setNotice(`Invitation sent to ${email}.`);
          client.invalidateQueries({ queryKey: queryKeys.members.all });
        }}
      />
    </Card>
  );
}

function InviteDialog({
  open,
  onClose,
  roleOptions,
  managers,
  onInvited,
}: {
  open: boolean;
  onClose: () => void;
  roleOptions: { value: string; label: string }[];
  managers: Member[];
  onInvited: (email: string) => void;
}) {
  const invite = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch<Member>("/users", { body }),
    onSuccess: (m) => onInvited(m.email),
  });
  const err = invite.error instanceof ApiError ? invite.error : undefined;
  return (
    <Dialog open={open} onClose={onClose} title="Invite a member">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          invite.mutate({
            email: String(f.get("email")),
            name: String(f.get("name") || "") || undefined,
            role: String(f.get("role")),
            managerId: String(f.get("managerId") || "") || null,
          });
        }}
      >
        {invite.error && !err?.problem.errors && (
          <Alert tone="error">{errorMessage(invite.error)}</Alert>
        )}
        <Field label="Email" name="email" type="email" required error={err?.fieldError("email")} />
        <Field label="Name (optional)" name="name" error={err?.fieldError("name")} />
        <SelectField label="Role" name="role" defaultValue="sales_rep" options={roleOptions} />
        <SelectField
          label="Reports to"
          name="managerId"
          defaultValue=""
          options={[
            { value: "", label: "No one" },
            ...managers.map((m) => ({ value: m.id, label: m.name || m.email })),
          ]}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
