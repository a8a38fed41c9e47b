// The base of the absolute links in e-mails and webhook bodies: APP_URL (or AUTH_URL), else ORG_URL.
import { configuredAppUrl } from "@/lib/app-url";
import { getEnv } from "@/lib/env";

export function baseUrl(): string {
  return (configuredAppUrl()?.url ?? getEnv().ORG_URL).replace(/\/+$/, "");
}
