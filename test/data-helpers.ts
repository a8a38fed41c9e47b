import { createArticle } from "@/lib/data/articles";
import { createUser } from "@/lib/data/users";
import type { Role } from "@/lib/review/model";
import { AppError } from "@/lib/errors";

let counter = 0;

/** A real account in the test database. */
export async function makeUser(role: Role, name = `${role} ${++counter}`) {
  const user = await createUser({
    email: `${role}-${++counter}@test.local`,
    name,
    role,
    password: "password-123",
  });
  return { id: user.id, role: user.role, name: user.name };
}

export const SAMPLE_BODY =
  "Le Kremlin affirme que ses forces ont pris 12 villages.\n\nKyiv n'a pas commenté ces affirmations.";

export async function makeArticle(actor: { id: number; role: Role }, body = SAMPLE_BODY) {
  return createArticle({
    actor,
    input: {
      title: "Test article",
      outlet: "",
      url: "",
      language: "fr",
      publishedAt: "",
      body,
      bodyFormat: "text",
    },
  });
}

export function claimInput(
  articleId: number,
  body: string,
  quote: string,
  extra: Record<string, unknown> = {},
) {
  const start = body.indexOf(quote);
  if (start < 0) throw new Error(`quote not in body: ${quote}`);
  return {
    articleId,
    start,
    end: start + quote.length,
    quote,
    statement: quote,
    speaker: "",
    verdict: "unrated" as const,
    verdictNote: "",
    silentParty: "",
    sources: [] as { url: string; title: string }[],
    ...extra,
  };
}

/** The AppError a data-layer call was refused with; fails when the call succeeds or throws anything else. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}
