import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { linkClass } from "@/components/campaigns/links";

export function CampaignNotFound() {
  return (
    <div className="space-y-3">
      <Alert tone="error">Campaign not found.</Alert>
      <Link href="/campaigns" className={linkClass}>
        Back to campaigns
      </Link>
    </div>
  );
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
