"use client";

import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { useLeadOptions, useMembers } from "@/lib/client/lead-hooks";
import { BulkActionsBar } from "./bulk-actions-bar";
import { ColumnChooser } from "./column-chooser";
import { DensityToggle } from "./density-toggle";
import { FiltersBar } from "./filters-bar";
import { BASE_COLUMNS, customFieldColumns } from "./leads-columns";
import { LeadsEmptyState } from "./leads-empty-state";
import { LeadsGrid } from "./leads-grid";
import { LeadsHeader } from "./leads-header";
import { exportHref, hasFilters, listQuery, viewQuery } from "./leads-params";
import { PaginationBar } from "./pagination-bar";
import { SavedViewsMenu } from "./saved-views-menu";
import { useLeadsList } from "./use-leads-list";
import { useLeadsUrlState } from "./use-leads-url-state";
import { useSelection } from "./use-selection";
import { useTablePrefs } from "./use-table-prefs";
import { useUpdateLead } from "./use-update-lead";
import { problemText } from "./problem-text";

/** The leads list: URL-driven filters, sort and pages over GET /api/v1/leads. */
export function LeadsTable({ canDelete }: { canDelete: boolean }) {
  const { params, searchParams, update, replaceAll } = useLeadsUrlState();
  const [prefs, setPrefs] = useTablePrefs();
  const options = useLeadOptions().data;
  const members = useMembers().data;
  const { list, queryKey } = useLeadsList(params);
  const updateLead = useUpdateLead(queryKey);
  const selection = useSelection(JSON.stringify(listQuery(params)));
  const [notice, setNotice] = useState<string>();

  const allColumns = useMemo(
    () => [...BASE_COLUMNS, ...customFieldColumns(options?.customFields)],
    [options?.customFields],
  );
  const columns = allColumns.filter((c) => prefs.columns.includes(c.id));
  const rows = list.data?.data;
  const total = list.data?.pagination.total;
  const filtered = hasFilters(params);
  const clearFilters = () => replaceAll(pick(searchParams, ["sort", "perPage"]));
  const viewState = {
    query: viewQuery(searchParams),
    columns: prefs.columns,
    density: prefs.density,
  };
  const pageSelected = Boolean(rows?.length) && rows!.every((r) => selection.has(r.id));
  const selectedCount = selection.allMatching ? (total ?? 0) : selection.ids.size;
  const failed = updateLead.error ? updateLead.variables : undefined;

  return (
    <div className="space-y-4">
      <LeadsHeader total={total} filtered={filtered} exportHref={exportHref(params)} />
      <FiltersBar params={params} update={update} onClear={clearFilters} filtered={filtered} />
      <div className="flex flex-wrap items-center gap-2">
        <SavedViewsMenu
          current={viewState}
          onApply={(state) => {
            replaceAll(state.query);
            setPrefs({ columns: state.columns, density: state.density });
          }}
        />
        <ColumnChooser
          columns={allColumns}
          visible={prefs.columns}
          onChange={(cols) => setPrefs({ columns: cols })}
        />
        <DensityToggle density={prefs.density} onChange={(density) => setPrefs({ density })} />
      </div>
      {notice && (
        <Alert tone="success" className="flex items-start justify-between gap-3">
          <span>{notice}</span>
          <button
            type="button"
            className="text-sm font-medium underline"
            onClick={() => setNotice(undefined)}
          >
            Dismiss
          </button>
        </Alert>
      )}
      {failed && (
        <Alert tone="error" className="flex items-start justify-between gap-3">
          <span>
            Couldn’t update {failed.lead.displayName}: {problemText(updateLead.error)}
          </span>
          <button
            type="button"
            className="text-sm font-medium underline"
            onClick={() => updateLead.reset()}
          >
            Dismiss
          </button>
        </Alert>
      )}
      {list.error && (
        <Alert tone="error">
          Couldn’t load leads: {errorMessage(list.error)}
          {filtered && (
            <Button size="sm" variant="ghost" className="ml-2" onClick={clearFilters}>
              Clear filters
            </Button>
          )}
        </Alert>
      )}
      {selectedCount > 0 && total !== undefined && (
        <BulkActionsBar
          count={selectedCount}
          total={total}
          target={selection.allMatching ? { filter: params.filters } : { ids: [...selection.ids] }}
          canSelectAllMatching={pageSelected && !selection.allMatching && total > rows!.length}
          canDelete={canDelete}
          onSelectAllMatching={selection.selectAllMatching}
          onClear={selection.clear}
          onDone={(message) => {
            selection.clear();
            setNotice(message);
          }}
        />
      )}
      <LeadsGrid
        rows={rows}
        columns={columns}
        cellContext={{
          options,
          members,
          update: (change) => {
            setNotice(undefined);
            updateLead.mutate(change);
          },
        }}
        density={prefs.density}
        sort={params.sort}
        onSort={(sort) => update({ sort })}
        selected={selection.has}
        onSelect={(id, on) => selection.set([id], on)}
        onSelectPage={(on) => selection.set(rows?.map((r) => r.id) ?? [], on)}
        loading={list.isPending}
        refreshing={list.isPlaceholderData}
        skeletonRows={Math.min(params.perPage, 10)}
        empty={
          <LeadsEmptyState
            filtered={filtered}
            page={params.page}
            onClearFilters={clearFilters}
            onFirstPage={() => update({ page: 1 })}
          />
        }
      />
      {list.data && (
        <PaginationBar
          page={params.page}
          perPage={params.perPage}
          total={list.data.pagination.total}
          shown={list.data.data.length}
          onPage={(page) => update({ page })}
          onPerPage={(perPage) => update({ perPage })}
        />
      )}
    </div>
  );
}

function pick(params: URLSearchParams, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
}
