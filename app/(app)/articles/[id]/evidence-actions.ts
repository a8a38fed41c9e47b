"use server";

import { z } from "zod";
import { authedAction } from "@/lib/auth/session";
import { archiveWebPage } from "@/lib/data/evidence";
import { apiArchiveSchema } from "@/lib/validation/api";

/** "Archive" on a web source: the desk fetches the page and keeps a snapshot (its id goes in the source). */
export const archiveSourceAction = authedAction(
  { schema: apiArchiveSchema.extend({ articleId: z.number().int().positive() }), permission: "claim.edit" },
  async ({ articleId, url }, user) => archiveWebPage({ actor: user, articleId, url }),
);
