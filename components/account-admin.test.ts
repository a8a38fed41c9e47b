import { describe, expect, it } from "vitest";
import { ADMIN_AUDIT_ACTIONS } from "@/db/schema";
import { loadMessages } from "@/lib/i18n/messages";

describe("the admin audit list", () => {
  it("has words for every recorded action in English and French", () => {
    for (const locale of ["en", "fr"] as const) {
      const labels = (loadMessages(locale) as { accountAdmin: { auditActions: Record<string, string> } })
        .accountAdmin.auditActions;
      for (const action of ADMIN_AUDIT_ACTIONS)
        expect(labels[action.replace("account.", "")], `${locale} ${action}`).toBeTruthy();
    }
  });
});
