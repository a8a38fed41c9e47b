import "server-only";
import { DEMO_ACCOUNTS, DEMO_ARTICLE, DEMO_CLAIMS } from "@/db/demo";
import type { Actor } from "@/lib/review";
import { generatePassword } from "@/lib/auth/password";
import type { ClaimRightOfReplyInput } from "@/lib/validation/comment";
import { createArticle } from "./articles";
import { approveClaim, createClaim } from "./claims";
import { countUsers, createUser, type PublicUser } from "./users";

type DemoKey = (typeof DEMO_ACCOUNTS)[number]["key"];

/**
 * Fills an empty database with the demo workspace. Returns the accounts and their passwords
 * (generated unless given), or null when the database already has accounts.
 */
export async function seedDemo(
  passwords: Partial<Record<DemoKey, string>> = {},
): Promise<{ email: string; role: string; password: string }[] | null> {
  if ((await countUsers()) > 0) return null;
  const created = {} as Record<DemoKey, PublicUser>;
  const printed: { email: string; role: string; password: string }[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const password = passwords[account.key] ?? generatePassword();
    created[account.key] = await createUser({
      email: account.email,
      name: account.name,
      role: account.role,
      password,
    });
    printed.push({ email: account.email, role: account.role, password });
  }
  const editor = { id: created.editor.id, role: created.editor.role };
  const reviewer = { id: created.reviewer.id, role: created.reviewer.role };
  await createDemoArticle({ editor, reviewer });
  return printed;
}

/**
 * A demo request as written in db/demo.ts; on a machine whose clock is earlier than its date, moved
 * to the day before, so that it is never in the future.
 */
function demoRightOfReply(
  given: Extract<(typeof DEMO_CLAIMS)[number], { rightOfReply: unknown }>["rightOfReply"],
): ClaimRightOfReplyInput {
  const asked = Date.parse(given.askedAt);
  const shift = Math.max(0, asked - (Date.now() - 24 * 3600_000));
  const at = (iso: string) => new Date(Date.parse(iso) - shift).toISOString();
  return { ...given, askedAt: at(given.askedAt), deadline: at(given.deadline) };
}

/**
 * The demo article with its claims as DEMO_CLAIMS describe them: rated and submitted by the editor,
 * the approved one approved by the reviewer. Returns the article and its claims with their stage.
 */
export async function createDemoArticle({ editor, reviewer }: { editor: Actor; reviewer: Actor }) {
  const article = await createArticle({ actor: editor, input: { ...DEMO_ARTICLE, bodyFormat: "text" } });
  const made: { id: number; stage: (typeof DEMO_CLAIMS)[number]["stage"] }[] = [];
  for (const claim of DEMO_CLAIMS) {
    const start = DEMO_ARTICLE.body.indexOf(claim.quote);
    if (start === -1) throw new Error(`Demo quote not in the demo body: ${claim.quote}`);
    const view = await createClaim({
      actor: editor,
      input: {
        articleId: article.id,
        start,
        end: start + claim.quote.length,
        quote: claim.quote,
        statement: claim.statement,
        speaker: claim.speaker,
        verdict: claim.verdict,
        verdictNote: claim.verdictNote,
        silentParty: claim.silentParty,
        sources: [...claim.sources],
        submit: claim.stage !== "draft",
        ...("rightOfReply" in claim ? { rightOfReply: demoRightOfReply(claim.rightOfReply) } : {}),
      },
    });
    if (claim.stage === "approved") await approveClaim({ actor: reviewer, id: view.id });
    made.push({ id: view.id, stage: claim.stage });
  }
  return { articleId: article.id, claims: made };
}
