import { z } from "zod";
import { ROLES } from "@/db/schema";
import { tokenPairSchema } from "./token-pair";

export const roleSchema = z.enum(ROLES);

export const authUserSchema = z
  .object({ id: z.uuid(), email: z.email(), name: z.string(), role: roleSchema })
  .meta({ id: "AuthUser" });

export const organizationRefSchema = z
  .object({ id: z.uuid(), name: z.string() })
  .meta({ id: "OrganizationRef" });

export const authSessionSchema = tokenPairSchema
  .extend({ user: authUserSchema, organization: organizationRefSchema })
  .meta({ id: "AuthSession" });

export const emailInput = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email("Invalid email address"))
  .transform((e) => e.toLowerCase());
