import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { CHANNELS, communicationPreferences, type Channel } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import type { LeadRow } from "@/lib/leads/lead-schemas";
import { decideChannel, type OrganizationSetup } from "./channel-policy";
import {
  loadOrganizationSetup,
  organizationDefaultsRow,
  type PreferencesRow,
} from "./organization-setup";
import type {
  CommunicationPreferences,
  LeadPreferencesInput,
  UpdatePreferencesInput,
} from "./preference-schemas";

/** Each lead's own preferences row, by lead id. */
export async function leadPreferenceRows(
  db: Queryable,
  orgId: string,
  leadIds: string[],
): Promise<Map<string, PreferencesRow>> {
  if (!leadIds.length) return new Map();
  const rows = await db
    .select()
    .from(communicationPreferences)
    .where(
      and(
        eq(communicationPreferences.organizationId, orgId),
        inArray(communicationPreferences.leadId, leadIds),
      ),
    );
  return new Map(rows.map((r) => [r.leadId!, r]));
}

function organizationDto(
  row: PreferencesRow | undefined,
): CommunicationPreferences["organization"] {
  return {
    preferredChannel: row?.preferredChannel ?? null,
    enabledChannels: row?.enabledChannels ?? [...CHANNELS],
    consent: row?.consent ?? {},
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

function leadDto(
  lead: LeadRow,
  row: PreferencesRow | undefined,
  setup: OrganizationSetup,
): NonNullable<CommunicationPreferences["lead"]> {
  const prefs = row
    ? {
        consent: row.consent,
        whatsappNumber: row.whatsappNumber,
        telegramChatId: row.telegramChatId,
      }
    : null;
  return {
    leadId: lead.id,
    preferredChannel: row?.preferredChannel ?? null,
    consent: row?.consent ?? {},
    whatsappNumber: row?.whatsappNumber ?? null,
    telegramChatId: row?.telegramChatId ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    channels: CHANNELS.map((channel) => {
      const decision = decideChannel(channel, setup, lead, prefs);
      return {
        channel,
        consent: decision.consent,
        address: decision.to,
        canSend: decision.ok,
        blockedBy: decision.ok ? null : decision.code,
        reason: decision.ok ? null : decision.reason,
      };
    }),
  };
}

/** The organization's defaults, and with a lead id that lead's preferences and channel status. */
export async function getPreferences(
  ctx: Ctx,
  query: { leadId?: string } = {},
): Promise<CommunicationPreferences> {
  assertCan(ctx, "leads:read");
  const lead = query.leadId ? await getLeadOrThrow(ctx, query.leadId) : null;
  const setup = await loadOrganizationSetup(ctx.db, ctx.orgId);
  const organization = organizationDto(await organizationDefaultsRow(ctx.db, ctx.orgId));
  if (!lead) return { organization, lead: null };
  const row = (await leadPreferenceRows(ctx.db, ctx.orgId, [lead.id])).get(lead.id);
  return { organization, lead: leadDto(lead, row, setup) };
}

type Fields = Partial<
  Pick<
    PreferencesRow,
    "preferredChannel" | "enabledChannels" | "consent" | "whatsappNumber" | "telegramChatId"
  >
>;

/** Insert the row or change the given fields of it; consent merges channel by channel. */
async function upsertRow(
  tx: Queryable,
  ctx: Ctx,
  leadId: string | null,
  fields: Fields,
  existing: PreferencesRow | undefined,
): Promise<boolean> {
  const updatedBy = ctx.actor.userId;
  if (existing) {
    await tx
      .update(communicationPreferences)
      .set({
        ...fields,
        ...(fields.consent ? { consent: { ...existing.consent, ...fields.consent } } : {}),
        updatedBy,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(communicationPreferences.organizationId, ctx.orgId),
          eq(communicationPreferences.id, existing.id),
        ),
      );
    return false;
  }
  await tx
    .insert(communicationPreferences)
    .values({ organizationId: ctx.orgId, leadId, ...fields, updatedBy });
  return true;
}

function defined<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A lead's preferences (POST, or PUT with a leadId); returns whether the row was created. The
 * lead row is locked first, so two writers of one lead's preferences can't both insert.
 */
export async function setLeadPreferences(
  ctx: Ctx,
  input: LeadPreferencesInput,
): Promise<{ preferences: CommunicationPreferences; created: boolean }> {
  assertCan(ctx, "leads:write");
  const { leadId, ...rest } = input;
  const created = await ctx.db.transaction(async (tx) => {
    await getLeadOrThrow(ctx, leadId, { db: tx, forUpdate: true });
    const existing = (await leadPreferenceRows(tx, ctx.orgId, [leadId])).get(leadId);
    const made = await upsertRow(tx, ctx, leadId, defined(rest) as Fields, existing);
    await recordAudit(tx, ctx, {
      action: "communication_preferences.updated",
      resourceType: "lead",
      resourceId: leadId,
      changes: rest,
    });
    return made;
  });
  return { preferences: await getPreferences(ctx, { leadId }), created };
}

/** PUT: the organization's defaults (admins), or a lead's preferences when leadId is given. */
export async function updatePreferences(
  ctx: Ctx,
  input: UpdatePreferencesInput,
): Promise<CommunicationPreferences> {
  const { leadId, enabledChannels, ...rest } = input;
  if (leadId) {
    if (enabledChannels !== undefined) {
      throw new AppError("validation_error", "Enabled channels are set for the organization.", {
        errors: [{ path: "enabledChannels", message: "Only without leadId" }],
      });
    }
    return (await setLeadPreferences(ctx, { leadId, ...rest })).preferences;
  }
  assertCan(ctx, "organization:write");
  const addressFields = (["whatsappNumber", "telegramChatId"] as const).filter(
    (k) => rest[k] !== undefined,
  );
  if (addressFields.length) {
    throw new AppError("validation_error", "Addresses belong to a lead: give its leadId.", {
      errors: addressFields.map((path) => ({ path, message: "Only with leadId" })),
    });
  }
  const fields = defined({
    preferredChannel: rest.preferredChannel,
    consent: rest.consent,
    enabledChannels: enabledChannels ? ([...new Set(enabledChannels)] as Channel[]) : undefined,
  }) as Fields;
  await ctx.db.transaction(async (tx) => {
    const existing = await organizationDefaultsRow(tx, ctx.orgId);
    await upsertRow(tx, ctx, null, fields, existing);
    await recordAudit(tx, ctx, {
      action: "communication_preferences.updated",
      resourceType: "organization",
      resourceId: ctx.orgId,
      changes: input,
    });
  });
  return getPreferences(ctx);
}
