// Who may call what: the one table of expectations for every server action ("file#export") and
// every route handler ("file#METHOD"). The authorization matrix fails when an endpoint exists
// without an entry here, or an entry names an endpoint that is gone; the fuzz test takes the
// valid calls it mutates from the same entries.
//
// To register a new endpoint: give its access, the arguments (or request) of a call that succeeds
// when the caller is allowed, and, when success is not `{ ok: true }` / a 2xx, how it looks.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, notifications, users } from "@/lib/data/tables";
import { createArticle, getArticleById } from "@/lib/data/articles";
import { approveClaim, createClaim, getClaimById } from "@/lib/data/claims";
import { addRevision } from "@/lib/data/revisions";
import { getDb } from "@/lib/data/connection";
import { claimInput, makeArticle } from "@/test/data-helpers";
import { authenticateToken, createToken, hashToken } from "@/lib/data/tokens";
import { addNameVariant } from "@/lib/data/variants";
import { publishSummary } from "@/lib/data/publish";
import { uploadDocument } from "@/lib/data/evidence";
import { startServer, type TestServer } from "@/lib/intake/test-server";
import { addMessage } from "@/lib/data/threads";
import { createCommentRequest } from "@/lib/data/comment-requests";
import type { Role } from "@/lib/review/model";
import type { Fixture, Person, Persona } from "./harness";
import { enqueueTestDelivery } from "@/lib/data/outbox";
import { createWebhook } from "@/lib/data/webhooks";
import { withTransaction } from "@/lib/data/connection";

/** A notification of `person`'s own, for the inbox actions. */
async function notificationFor(person: Person): Promise<number> {
  // Written directly: notify() tells no deactivated account, and the matrix acts as one too.
  const [row] = await withTransaction((tx) =>
    tx
      .insert(notifications)
      .values({ userId: person.id, kind: "mentioned" })
      .returning({ id: notifications.id }),
  );
  return row!.id;
}

/**
 * A webhook to an internal address, made by the fixture's admin while the allow-list named it and
 * refused before any connection since (the list no longer does).
 */
async function matrixWebhook(fx: Fixture): Promise<number> {
  const before = process.env.WEBHOOK_ALLOW_HOSTS;
  process.env.WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
  try {
    const { webhook } = await createWebhook({
      actor: fx.people.admin,
      input: { url: "http://127.0.0.1:9/matrix", events: ["claim.approved"] },
    });
    return webhook.id;
  } finally {
    if (before === undefined) delete process.env.WEBHOOK_ALLOW_HOSTS;
    else process.env.WEBHOOK_ALLOW_HOSTS = before;
  }
}

/** "anyone": also without a session; "signed_in": any active account; else the roles allowed. */
export type Access = "anyone" | "signed_in" | readonly Role[];

export type Outcome = { result?: unknown; error?: unknown };

export type ActionExpectation = {
  access: Access;
  /** The arguments of a call that succeeds when the caller is allowed. `as` is null for anonymous. */
  args: (fx: Fixture, as: Person | null) => unknown[] | Promise<unknown[]>;
  /** What an allowed call gives, when it is not `{ ok: true }`. */
  allowed?: (outcome: Outcome, persona: Persona) => void;
};

export type RouteRequest = {
  method?: string;
  /** The URL path, params filled in. */
  path: string;
  params: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
};

export type RouteExpectation = {
  access: Access;
  /** How the caller proves who it is: the session cookie, an API token (Authorization: Bearer), or not at all. */
  auth: "session" | "bearer" | "none";
  request: (fx: Fixture) => RouteRequest | Promise<RouteRequest>;
  /** What an allowed call gives, when it is not a 2xx. */
  allowed?: (response: Response, persona: Persona) => void | Promise<void>;
  /** The call writes nothing, whoever makes it. */
  readOnly?: boolean;
};

const EDITORS: readonly Role[] = ["editor", "reviewer", "admin"];

// Evidence: a multipart upload of a small text document, and a local page to archive (the safe
// fetcher refuses 127.0.0.1 unless FETCH_ALLOW_HOSTS names it).
const BOUNDARY = "matrix-boundary";
const UPLOAD = {
  headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
  body: [
    `--${BOUNDARY}`,
    'Content-Disposition: form-data; name="file"; filename="call-notes.txt"',
    "Content-Type: text/plain",
    "",
    "Appel au service de presse, 19/07 : pas de commentaire.",
    `--${BOUNDARY}--`,
    "",
  ].join("\r\n"),
};
let page: Promise<TestServer> | undefined;
async function pageToArchive(): Promise<string> {
  process.env.FETCH_ALLOW_HOSTS = "127.0.0.1";
  page ??= startServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Communiqué</title><p>Le ministère confirme.</p>");
  });
  return `${(await page).origin}/communique`;
}
async function keptFile(fx: Fixture): Promise<number> {
  const file = await uploadDocument({
    actor: { id: fx.people.editor.id, role: fx.people.editor.role },
    articleId: fx.articleId,
    name: "notes.txt",
    bytes: new TextEncoder().encode("Notes of the call."),
  });
  return file.id;
}
const REVIEWERS: readonly Role[] = ["reviewer", "admin"];
const ADMINS: readonly Role[] = ["admin"];

/** A claim of a new article whose sentence a revision deleted: orphaned, waiting for a person. */
async function orphanedClaim(fx: Fixture) {
  const editor = fx.people.editor;
  const { id: articleId } = await createArticle({
    actor: editor,
    input: { title: "Orphan", outlet: "", url: "", language: "fr", publishedAt: "", body: fx.body },
  });
  const claim = await createClaim({
    actor: editor,
    input: claimInput(articleId, fx.body, "Kyiv n'a pas commenté ces affirmations."),
  });
  await addRevision({
    actor: editor,
    articleId,
    input: { source: "paste", body: fx.body.split("\n\n")[0]! },
  });
  return (await getClaimById({ id: claim.id }))!;
}

/**
 * Issue 16: an article of its own whose one claim the editor rated and `approver` (default: the
 * fixture's reviewer) approved, so the article is verified; `publish` also publishes version 1.
 */
async function verifiedArticle(fx: Fixture, options: { approver?: Person | null; publish?: boolean } = {}) {
  const editor = { id: fx.people.editor.id, role: fx.people.editor.role };
  const approver =
    options.approver && (options.approver.role === "reviewer" || options.approver.role === "admin")
      ? options.approver
      : fx.people.reviewer;
  const article = await makeArticle(editor);
  const claim = await createClaim({
    actor: editor,
    input: claimInput(article.id, fx.body, "Kyiv n'a pas commenté", { verdict: "confirmed", submit: true }),
  });
  const approved = await approveClaim({
    actor: { id: approver.id, role: approver.role },
    id: claim.id,
    version: claim.version,
  });
  if (options.publish) {
    await publishSummary({
      actor: { id: fx.people.reviewer.id, role: "reviewer" },
      articleId: article.id,
      channel: "app",
    });
  }
  return { articleId: article.id, claim: approved };
}

function isRedirect(outcome: Outcome): boolean {
  const digest = (outcome.error as { digest?: unknown } | undefined)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

/** A fresh request for comment on the draft, so that every allowed call has one to reply to. */
async function freshCommentRequest(fx: Fixture) {
  const at = new Date();
  return createCommentRequest({
    actor: { id: fx.people.editor.id, role: fx.people.editor.role },
    input: {
      claimId: fx.draft.id,
      party: "Kyiv",
      channel: "email",
      askedAt: new Date(at.getTime() - 3_600_000).toISOString(),
      deadline: at.toISOString(),
    },
    now: at,
  });
}

function commentRequestBody() {
  const at = Date.now();
  return {
    party: "Kyiv",
    channel: "email",
    askedAt: new Date(at - 3_600_000).toISOString(),
    deadline: new Date(at + 3_600_000).toISOString(),
  };
}

export const ACTIONS: Record<string, ActionExpectation> = {
  "app/(app)/articles/[id]/evidence-actions.ts#archiveSourceAction": {
    access: EDITORS,
    args: async (fx) => [{ articleId: fx.articleId, url: await pageToArchive() }],
    allowed: (outcome) => expect(outcome.result).toMatchObject({ ok: true, data: { kind: "snapshot" } }),
  },
  "app/(app)/articles/[id]/actions.ts#createClaimAction": {
    access: EDITORS,
    args: (fx) => [
      claimInput(fx.articleId, fx.body, "Kyiv n'a pas commenté", { statement: "Kyiv did not comment." }),
    ],
  },
  "app/(app)/articles/[id]/actions.ts#updateClaimAction": {
    access: EDITORS,
    args: (fx) => [
      {
        ...claimInput(fx.articleId, fx.body, fx.draft.quote),
        id: fx.draft.id,
        version: fx.draft.version,
        statement: "Reworded by the matrix.",
      },
    ],
  },
  "app/(app)/articles/[id]/actions.ts#deleteClaimAction": {
    access: EDITORS,
    args: (fx) => [{ id: fx.draft.id, version: fx.draft.version, articleId: fx.articleId }],
  },
  "app/(app)/articles/[id]/actions.ts#submitClaimAction": {
    access: EDITORS,
    args: (fx) => [{ id: fx.ratedDraft.id, version: fx.ratedDraft.version }],
  },
  // An opened claim's details on the article page: any signed-in account, as the page.
  "app/(app)/articles/[id]/actions.ts#claimDetailsAction": {
    access: "signed_in",
    args: (fx) => [{ id: fx.inReview.id }],
  },
  "app/(app)/articles/[id]/actions.ts#submitRatedClaimsAction": {
    access: EDITORS,
    args: (fx) => [
      { articleId: fx.articleId, claims: [{ id: fx.ratedDraft.id, version: fx.ratedDraft.version }] },
    ],
    allowed: (outcome) => expect(outcome.result).toEqual({ ok: true, data: { submitted: 1 } }),
  },
  // Living articles (issue 16): a pasted revision, and an orphaned claim settled by selecting words.
  "app/(app)/articles/[id]/revisions/actions.ts#addRevisionAction": {
    access: EDITORS,
    args: (fx) => [
      { articleId: fx.articleId, source: "paste", body: `${fx.body}\n\nMis à jour par la matrice.` },
    ],
  },
  "app/(app)/articles/[id]/revisions/actions.ts#resolveAnchorAction": {
    access: EDITORS,
    args: async (fx) => {
      const claim = await orphanedClaim(fx);
      const words = "Le Kremlin affirme";
      return [
        { id: claim.id, version: claim.version, how: "selected", start: 0, end: words.length, quote: words },
      ];
    },
  },
  "app/(app)/articles/[id]/claims/[claimId]/actions.ts#createCommentRequestAction": {
    access: EDITORS,
    args: (fx) => [{ claimId: fx.draft.id, ...commentRequestBody() }],
  },
  "app/(app)/articles/[id]/claims/[claimId]/actions.ts#recordReplyAction": {
    access: EDITORS,
    args: async (fx) => {
      const request = await freshCommentRequest(fx);
      return [
        {
          claimId: fx.draft.id,
          requestId: request.id,
          outcome: "declined",
          repliedAt: new Date().toISOString(),
          channel: "phone",
        },
      ];
    },
  },
  "app/(app)/articles/[id]/claims/[claimId]/actions.ts#recordNotContactedAction": {
    access: EDITORS,
    args: (fx) => [{ claimId: fx.draft.id, party: "Kyiv", reason: "The office does not answer the desk." }],
  },
  "app/(app)/articles/new/actions.ts#createArticleAction": {
    access: EDITORS,
    args: (fx) => [
      {
        title: "A new article from the matrix",
        outlet: "Le Courrier",
        url: "https://example.org/matrix",
        language: "fr",
        publishedAt: "2024-05-01",
        body: fx.body,
        bodyFormat: "text",
      },
    ],
  },
  // The article found in pasted HTML, for the editor to check: nothing is stored.
  "app/(app)/articles/new/actions.ts#previewArticleAction": {
    access: EDITORS,
    args: () => [
      {
        source: "html",
        html: "<html lang='fr'><head><title>Matrice</title></head><body><article><h1>Matrice</h1><p>Le ministère a annoncé mardi l'ouverture de 1 200 lits supplémentaires dans les hôpitaux de la région, selon un communiqué publié dans la matinée.</p></article></body></html>",
      },
    ],
  },
  "app/(app)/articles/[id]/edit/actions.ts#updateArticleAction": {
    access: EDITORS,
    args: async (fx) => [
      {
        id: fx.articleId,
        version: (await getArticleById({ id: fx.articleId }))!.version,
        title: "Retitled by the matrix",
        outlet: "",
        url: "",
        language: "fr",
        publishedAt: "",
      },
    ],
  },
  // The queue. The editor set the verdict of fx.inReview, so four eyes would refuse it too; the
  // editor role is refused before that, by the permission.
  "app/(app)/queue/actions.ts#approveAction": {
    access: REVIEWERS,
    args: (fx) => [{ id: fx.inReview.id, version: fx.inReview.version }],
  },
  "app/(app)/queue/actions.ts#bulkApproveAction": {
    access: REVIEWERS,
    args: (fx) => [{ items: [{ id: fx.inReview.id, version: fx.inReview.version }] }],
    // Each claim has its own outcome: the call succeeds, and so must the one approval in it.
    allowed: (outcome) =>
      expect(outcome.result).toMatchObject({ ok: true, data: [{ id: expect.any(Number), ok: true }] }),
  },
  "app/(app)/queue/actions.ts#returnAction": {
    access: REVIEWERS,
    args: (fx) => [
      { id: fx.inReview.id, version: fx.inReview.version, note: "The source says 10 villages, not 12." },
    ],
  },
  "app/(app)/queue/actions.ts#takeAction": {
    access: REVIEWERS,
    args: (fx) => [{ id: fx.inReview.id, taken: true }],
  },
  "app/(app)/queue/actions.ts#resubmitAction": {
    access: EDITORS,
    args: (fx) => [{ id: fx.ratedDraft.id, version: fx.ratedDraft.version }],
  },
  // Issue 16: publishing a verified summary, undoing one's own approval within ten seconds,
  // reopening an approved claim with a reason.
  "app/(app)/articles/[id]/versions/actions.ts#publishSummaryAction": {
    access: REVIEWERS,
    args: async (fx) => [{ articleId: (await verifiedArticle(fx)).articleId }],
    allowed: (outcome) =>
      expect(outcome.result).toMatchObject({ ok: true, data: { number: 1, created: true } }),
  },
  "app/(app)/articles/[id]/versions/actions.ts#reopenClaimAction": {
    access: REVIEWERS,
    args: async (fx) => {
      const { claim } = await verifiedArticle(fx);
      return [{ id: claim.id, version: claim.version, reason: "The ministry revised its figure." }];
    },
  },
  "app/(app)/queue/undo-actions.ts#undoApprovalAction": {
    access: REVIEWERS,
    // Approved by the caller a moment ago (by the reviewer when the caller may not approve).
    args: async (fx, as) => {
      const { claim } = await verifiedArticle(fx, { approver: as });
      return [{ id: claim.id, version: claim.version }];
    },
  },
  // A claim's thread and assignment (issue 18). Reading a thread: any signed-in account.
  "app/actions/threads.ts#loadThreadAction": {
    access: "signed_in",
    args: (fx) => [{ claimId: fx.inReview.id }],
  },
  // A claim's right-of-reply record, as the claim form shows it: any signed-in account.
  "app/actions/right-of-reply.ts#loadRightOfReplyAction": {
    access: "signed_in",
    args: (fx) => [{ claimId: fx.inReview.id }],
  },
  "app/actions/threads.ts#postMessageAction": {
    access: EDITORS,
    args: (fx) => [{ claimId: fx.inReview.id, body: "Which source gives 12 villages?" }],
  },
  // The caller's own message (anonymous and deactivated: the editor's, which they must not edit).
  "app/actions/threads.ts#editMessageAction": {
    access: EDITORS,
    args: async (fx, as) => {
      const author = as && as !== fx.people.deactivated ? as : fx.people.editor;
      const { message } = await addMessage({
        actor: { id: author.id, role: author.role },
        input: { claimId: fx.inReview.id, body: "A first text" },
      });
      return [{ messageId: message.id, body: "A second text" }];
    },
  },
  // fx.inReview was rated by the editor: given to the reviewer, whoever assigns it.
  "app/actions/threads.ts#assignClaimAction": {
    access: REVIEWERS,
    args: (fx) => [{ id: fx.inReview.id, assigneeId: fx.people.reviewer.id }],
  },
  "app/actions/threads.ts#bulkAssignAction": {
    access: REVIEWERS,
    args: (fx) => [{ ids: [fx.inReview.id], assigneeId: fx.people.reviewer.id }],
    allowed: (outcome) =>
      expect(outcome.result).toMatchObject({ ok: true, data: [{ id: expect.any(Number), ok: true }] }),
  },
  "app/actions/threads.ts#setArticleOwnerAction": {
    access: EDITORS,
    args: (fx) => [{ articleId: fx.articleId, ownerId: fx.people.editor.id }],
  },
  // API tokens: every account manages its own.
  "app/(app)/settings/tokens/actions.ts#createTokenAction": {
    access: "signed_in",
    args: () => [{ name: "matrix token" }],
  },
  "app/(app)/settings/tokens/actions.ts#revokeTokenAction": {
    access: "signed_in",
    // The caller's own token (anonymous: the editor's, which it must not revoke).
    args: async (fx, as) => [{ id: (await issueToken(as ?? fx.people.editor)).id }],
  },
  "app/actions/search.ts#findSimilarClaimsAction": {
    access: "signed_in",
    args: (fx) => [{ text: "Le Kremlin affirme avoir pris des villages", excludeArticleId: fx.articleId }],
  },
  "app/actions/speakers.ts#mergeSpeakersAction": {
    access: REVIEWERS,
    args: (fx) => [{ from: [fx.draft.speaker], to: "The Kremlin" }],
    allowed: (outcome) =>
      expect(outcome.result).toMatchObject({ ok: true, data: { renamed: 1, to: "The Kremlin" } }),
  },
  "app/actions/variants.ts#addNameVariantAction": {
    access: ADMINS,
    args: () => [{ name: `Kiyv${Math.random().toString(36).slice(2, 8)}`, preferred: "Kyiv" }],
    allowed: (outcome) => expect(outcome.result).toMatchObject({ ok: true, data: { preferred: "Kyiv" } }),
  },
  "app/actions/variants.ts#removeNameVariantAction": {
    access: ADMINS,
    args: async (fx) => [
      {
        id: (
          await addNameVariant({
            actor: { id: fx.people.admin.id, role: "admin" },
            input: { name: `Kiyv${Math.random().toString(36).slice(2, 8)}`, preferred: "Kyiv" },
          })
        ).id,
      },
    ],
    allowed: (outcome) => expect(outcome.result).toMatchObject({ ok: true, data: { removed: 1 } }),
  },
  "app/actions/presence.ts#presenceAction": {
    access: "signed_in",
    args: (fx) => [{ claimId: fx.draft.id, state: "here" }],
    allowed: (outcome) => expect(outcome.result).toMatchObject({ ok: true, data: [] }),
  },
  "app/(app)/admin/users/actions.ts#createAccountAction": {
    access: ADMINS,
    args: () => [
      { email: `new-${Math.random().toString(36).slice(2)}@matrix.test`, name: "New Person", role: "editor" },
    ],
  },
  "app/(app)/admin/users/actions.ts#changeAccountRoleAction": {
    access: ADMINS,
    args: async (fx) => [{ id: (await fx.target()).id, role: "reviewer" }],
  },
  "app/(app)/admin/users/actions.ts#setAccountActiveAction": {
    access: ADMINS,
    args: async (fx) => [{ id: (await fx.target()).id, active: false }],
  },
  "app/(app)/admin/users/actions.ts#resetAccountPasswordAction": {
    access: ADMINS,
    args: async (fx) => [{ id: (await fx.target()).id }],
  },
  // The inbox: every account reads and marks its own.
  "app/(app)/inbox/actions.ts#markReadAction": {
    access: "signed_in",
    args: async (fx, as) => [{ ids: [await notificationFor(as ?? fx.people.editor)] }],
  },
  "app/(app)/inbox/actions.ts#markAllReadAction": {
    access: "signed_in",
    args: async (fx, as) => [{ upTo: await notificationFor(as ?? fx.people.editor) }],
  },
  "app/(app)/settings/account/notification-actions.ts#setEmailPrefsAction": {
    access: "signed_in",
    args: () => [{ prefs: { approved: "digest", returned: "immediate" } }],
  },
  // Webhooks and the outbox: admins only.
  "app/(app)/admin/webhooks/actions.ts#createWebhookAction": {
    access: ADMINS,
    args: () => [{ url: "https://cms.example.org/matrix", events: ["article.verified"] }],
  },
  "app/(app)/admin/webhooks/actions.ts#updateWebhookAction": {
    access: ADMINS,
    args: async (fx) => [{ id: await matrixWebhook(fx), active: false }],
  },
  "app/(app)/admin/webhooks/actions.ts#deleteWebhookAction": {
    access: ADMINS,
    args: async (fx) => [{ id: await matrixWebhook(fx) }],
  },
  // To an address the fetcher refuses at once: nothing leaves the machine.
  "app/(app)/admin/webhooks/actions.ts#testWebhookAction": {
    access: ADMINS,
    args: async (fx) => [{ id: await matrixWebhook(fx) }],
  },
  "app/(app)/admin/webhooks/actions.ts#retryOutboxAction": {
    access: ADMINS,
    args: async (fx) => [{ id: await enqueueTestDelivery(await matrixWebhook(fx)) }],
  },
  "app/(app)/settings/account/actions.ts#changeOwnPasswordAction": {
    access: "signed_in",
    args: (_fx, as) => [
      {
        currentPassword: as?.password ?? "whatever",
        newPassword: "a-brand-new-pass",
        confirmPassword: "a-brand-new-pass",
      },
    ],
    // Signed in again with the new password, the browser is sent to the settings page afresh.
    allowed: (outcome) => expect(isRedirect(outcome)).toBe(true),
  },
  "app/(auth)/sign-in/actions.ts#signInAction": {
    access: "anyone",
    // Active accounts with their password; the deactivated account with its (correct) password too.
    args: (fx, as) => [
      { email: as?.email ?? "nobody@matrix.test", password: as?.password ?? "wrong-password" },
      "/articles",
    ],
    allowed: (outcome, persona) => {
      if (persona === "anonymous" || persona === "deactivated") {
        expect(outcome.result).toMatchObject({ ok: false, code: "invalid" });
      } else {
        expect(isRedirect(outcome), `sign-in of ${persona} redirects`).toBe(true);
      }
    },
  },
  "app/actions/locale.ts#setLocaleAction": {
    access: "anyone",
    args: () => ["fr"],
  },
  "app/actions/session.ts#signOutAction": {
    access: "anyone",
    args: () => [],
    allowed: (outcome) => expect(isRedirect(outcome)).toBe(true),
  },
};

/** Any method on a path no /api/v1 route serves: 404 problem+json for everyone, nothing written. */
function unknownApiPath(method: string): RouteExpectation {
  return {
    access: "anyone",
    auth: "bearer",
    readOnly: true,
    request: () => ({ method, path: "/api/v1/nothing/here", params: { path: ["nothing", "here"] } }),
    allowed: async (response) => {
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      if (method !== "HEAD")
        expect(await response.json()).toMatchObject({ code: "not_found", reason: "unknown_path" });
    },
  };
}

export const ROUTES: Record<string, RouteExpectation> = {
  // Session (cookie) routes: downloads for any signed-in account.
  "app/(app)/articles/[id]/export/route.ts#GET": {
    access: "signed_in",
    auth: "session",
    readOnly: true,
    request: (fx) => ({
      path: `/articles/${fx.articleId}/export?format=md&unapproved=1`,
      params: { id: String(fx.articleId) },
    }),
  },
  "app/(app)/articles/[id]/versions/[number]/route.ts#GET": {
    access: "signed_in",
    auth: "session",
    readOnly: true,
    request: async (fx) => {
      const { articleId } = await verifiedArticle(fx, { publish: true });
      return {
        path: `/articles/${articleId}/versions/1?format=json`,
        params: { id: String(articleId), number: "1" },
      };
    },
  },
  "app/(app)/exports/download/route.ts#GET": {
    access: "signed_in",
    auth: "session",
    readOnly: true,
    request: () => ({
      path: "/exports/download?format=jsonl&from=2000-01-01&to=2100-12-31",
      params: {},
    }),
  },
  "app/(app)/articles/[id]/documents/route.ts#POST": {
    access: EDITORS,
    auth: "session",
    request: (fx) => ({
      method: "POST",
      path: `/articles/${fx.articleId}/documents`,
      params: { id: String(fx.articleId) },
      ...UPLOAD,
    }),
  },
  "app/(app)/articles/[id]/claims/[claimId]/reply/route.ts#POST": {
    access: EDITORS,
    auth: "session",
    request: async (fx) => {
      const request = await freshCommentRequest(fx);
      const field = (name: string, value: string) => [
        `--${BOUNDARY}`,
        `Content-Disposition: form-data; name="${name}"`,
        "",
        value,
      ];
      return {
        method: "POST",
        path: `/articles/${fx.articleId}/claims/${fx.draft.id}/reply`,
        params: { id: String(fx.articleId), claimId: String(fx.draft.id) },
        headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
        body: [
          ...field("requestId", String(request.id)),
          ...field("outcome", "declined"),
          ...field("repliedAt", new Date().toISOString()),
          ...field("channel", "phone"),
          `--${BOUNDARY}--`,
          "",
        ].join("\r\n"),
      };
    },
  },
  "app/(app)/files/[id]/route.ts#GET": {
    access: "signed_in",
    auth: "session",
    readOnly: true,
    request: async (fx) => {
      const id = await keptFile(fx);
      return { path: `/files/${id}`, params: { id: String(id) } };
    },
  },
  "app/api/v1/articles/[id]/documents/route.ts#POST": {
    access: EDITORS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: `/api/v1/articles/${fx.articleId}/documents`,
      params: { id: String(fx.articleId) },
      ...UPLOAD,
    }),
  },
  "app/api/v1/articles/[id]/archives/route.ts#POST": {
    access: EDITORS,
    auth: "bearer",
    request: async (fx) => ({
      method: "POST",
      path: `/api/v1/articles/${fx.articleId}/archives`,
      params: { id: String(fx.articleId) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: await pageToArchive() }),
    }),
  },
  "app/api/v1/files/[id]/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: async (fx) => {
      const id = await keptFile(fx);
      return { path: `/api/v1/files/${id}`, params: { id: String(id) } };
    },
  },
  // The live channel (Server-Sent Events): any signed-in account, each shown only what it may see.
  // ?once=1 answers and ends, so that the call completes here; the stream itself is tested in
  // app/api/live/route.test.ts.
  "app/api/live/route.ts#GET": {
    access: "signed_in",
    auth: "session",
    readOnly: true,
    request: () => ({ path: "/api/live?once=1", params: {}, headers: { "last-event-id": "0" } }),
    allowed: async (response) => {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      // From id 0 a desk with more than a page of history answers "reset" (reload), else the events.
      expect(await response.text()).toMatch(
        /^retry: \d+\n(id: \d+\nevent: (live|ready|reset)\ndata: .*\n\n)+$/,
      );
    },
  },
  // The header's counts, fetched again on a live event: any signed-in account, its own counts.
  "app/api/live/counts/route.ts#GET": {
    access: "signed_in",
    auth: "session",
    readOnly: true,
    request: () => ({ path: "/api/live/counts", params: {} }),
  },
  // Webhooks over the API: admin tokens only; a test goes to an address refused at once.
  "app/api/v1/webhooks/route.ts#GET": {
    access: ADMINS,
    auth: "bearer",
    readOnly: true,
    request: () => ({ path: "/api/v1/webhooks", params: {} }),
  },
  "app/api/v1/webhooks/route.ts#POST": {
    access: ADMINS,
    auth: "bearer",
    request: () => ({
      method: "POST",
      path: "/api/v1/webhooks",
      params: {},
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: "https://cms.example.invalid/matrix", events: ["claim.approved"] }),
    }),
  },
  "app/api/v1/webhooks/[id]/route.ts#GET": {
    access: ADMINS,
    auth: "bearer",
    readOnly: true,
    request: async (fx) => {
      const id = await matrixWebhook(fx);
      return { path: `/api/v1/webhooks/${id}`, params: { id: String(id) } };
    },
  },
  "app/api/v1/webhooks/[id]/route.ts#PATCH": {
    access: ADMINS,
    auth: "bearer",
    request: async (fx) => {
      const id = await matrixWebhook(fx);
      return {
        method: "PATCH",
        path: `/api/v1/webhooks/${id}`,
        params: { id: String(id) },
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ active: false }),
      };
    },
  },
  "app/api/v1/webhooks/[id]/route.ts#DELETE": {
    access: ADMINS,
    auth: "bearer",
    request: async (fx) => {
      const id = await matrixWebhook(fx);
      return { method: "DELETE", path: `/api/v1/webhooks/${id}`, params: { id: String(id) } };
    },
  },
  "app/api/v1/webhooks/[id]/secret/route.ts#POST": {
    access: ADMINS,
    auth: "bearer",
    request: async (fx) => {
      const id = await matrixWebhook(fx);
      return { method: "POST", path: `/api/v1/webhooks/${id}/secret`, params: { id: String(id) } };
    },
  },
  "app/api/v1/webhooks/[id]/test/route.ts#POST": {
    access: ADMINS,
    auth: "bearer",
    request: async (fx) => {
      const id = await matrixWebhook(fx);
      return { method: "POST", path: `/api/v1/webhooks/${id}/test`, params: { id: String(id) } };
    },
  },
  "app/api/v1/webhooks/[id]/deliveries/route.ts#GET": {
    access: ADMINS,
    auth: "bearer",
    readOnly: true,
    request: async (fx) => {
      const id = await matrixWebhook(fx);
      return { path: `/api/v1/webhooks/${id}/deliveries`, params: { id: String(id) } };
    },
  },
  // The HTTP API: an API token of an active account; reading for any, writing by the role's permissions.
  "app/api/v1/articles/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: () => ({ path: "/api/v1/articles?limit=5", params: {} }),
  },
  "app/api/v1/articles/route.ts#POST": {
    access: EDITORS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: "/api/v1/articles",
      params: {},
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Through the API", language: "fr", body: fx.body }),
    }),
  },
  "app/api/v1/articles/[id]/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: (fx) => ({ path: `/api/v1/articles/${fx.articleId}`, params: { id: String(fx.articleId) } }),
  },
  "app/api/v1/articles/[id]/export/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: (fx) => ({
      path: `/api/v1/articles/${fx.articleId}/export?format=csv&include=all`,
      params: { id: String(fx.articleId) },
    }),
  },
  "app/api/v1/articles/[id]/versions/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: async (fx) => {
      const { articleId } = await verifiedArticle(fx, { publish: true });
      return { path: `/api/v1/articles/${articleId}/versions`, params: { id: String(articleId) } };
    },
  },
  "app/api/v1/articles/[id]/versions/[number]/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: async (fx) => {
      const { articleId } = await verifiedArticle(fx, { publish: true });
      return {
        path: `/api/v1/articles/${articleId}/versions/1?format=md`,
        params: { id: String(articleId), number: "1" },
      };
    },
  },
  "app/api/v1/articles/[id]/claims/route.ts#POST": {
    access: EDITORS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: `/api/v1/articles/${fx.articleId}/claims`,
      params: { id: String(fx.articleId) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ quote: "Kyiv n'a pas commenté", statement: "Kyiv did not comment." }),
    }),
  },
  "app/api/v1/articles/[id]/revisions/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: (fx) => ({
      path: `/api/v1/articles/${fx.articleId}/revisions`,
      params: { id: String(fx.articleId) },
    }),
  },
  "app/api/v1/articles/[id]/revisions/route.ts#POST": {
    access: EDITORS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: `/api/v1/articles/${fx.articleId}/revisions`,
      params: { id: String(fx.articleId) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: `${fx.body}\n\nMis à jour par l'API.` }),
    }),
  },
  "app/api/v1/claims/[id]/comment-requests/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: (fx) => ({
      path: `/api/v1/claims/${fx.draft.id}/comment-requests`,
      params: { id: String(fx.draft.id) },
    }),
  },
  "app/api/v1/claims/[id]/comment-requests/route.ts#POST": {
    access: EDITORS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: `/api/v1/claims/${fx.draft.id}/comment-requests`,
      params: { id: String(fx.draft.id) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify(commentRequestBody()),
    }),
  },
  "app/api/v1/claims/[id]/comment-requests/[request]/reply/route.ts#POST": {
    access: EDITORS,
    auth: "bearer",
    request: async (fx) => {
      const request = await freshCommentRequest(fx);
      return {
        method: "POST",
        path: `/api/v1/claims/${fx.draft.id}/comment-requests/${request.id}/reply`,
        params: { id: String(fx.draft.id), request: String(request.id) },
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ outcome: "declined", repliedAt: new Date().toISOString(), channel: "phone" }),
      };
    },
  },
  "app/api/v1/claims/[id]/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: (fx) => ({ path: `/api/v1/claims/${fx.draft.id}`, params: { id: String(fx.draft.id) } }),
  },
  "app/api/v1/claims/[id]/route.ts#PATCH": {
    access: EDITORS,
    auth: "bearer",
    request: (fx) => ({
      method: "PATCH",
      path: `/api/v1/claims/${fx.draft.id}`,
      params: { id: String(fx.draft.id) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: fx.draft.version, statement: "Reworded through the API." }),
    }),
  },
  "app/api/v1/claims/[id]/route.ts#DELETE": {
    access: EDITORS,
    auth: "bearer",
    request: (fx) => ({
      method: "DELETE",
      path: `/api/v1/claims/${fx.draft.id}?version=${fx.draft.version}`,
      params: { id: String(fx.draft.id) },
    }),
  },
  "app/api/v1/claims/[id]/submit/route.ts#POST": {
    access: EDITORS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: `/api/v1/claims/${fx.ratedDraft.id}/submit`,
      params: { id: String(fx.ratedDraft.id) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: fx.ratedDraft.version }),
    }),
  },
  "app/api/v1/claims/[id]/approve/route.ts#POST": {
    access: REVIEWERS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: `/api/v1/claims/${fx.inReview.id}/approve`,
      params: { id: String(fx.inReview.id) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: fx.inReview.version }),
    }),
  },
  "app/api/v1/claims/[id]/return/route.ts#POST": {
    access: REVIEWERS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: `/api/v1/claims/${fx.inReview.id}/return`,
      params: { id: String(fx.inReview.id) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ note: "The source says 10 villages, not 12.", version: fx.inReview.version }),
    }),
  },
  "app/api/v1/claims/[id]/messages/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: (fx) => ({
      path: `/api/v1/claims/${fx.inReview.id}/messages`,
      params: { id: String(fx.inReview.id) },
    }),
  },
  "app/api/v1/claims/[id]/messages/route.ts#POST": {
    access: EDITORS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: `/api/v1/claims/${fx.inReview.id}/messages`,
      params: { id: String(fx.inReview.id) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: "Which source gives 12 villages?" }),
    }),
  },
  // The editor's own message: others are refused (403) as well as the roles that may not write.
  "app/api/v1/claims/[id]/messages/[message]/route.ts#PATCH": {
    access: EDITORS,
    auth: "bearer",
    request: async (fx) => {
      const { message } = await addMessage({
        actor: { id: fx.people.editor.id, role: fx.people.editor.role },
        input: { claimId: fx.inReview.id, body: "A first text" },
      });
      return {
        method: "PATCH",
        path: `/api/v1/claims/${fx.inReview.id}/messages/${message.id}`,
        params: { id: String(fx.inReview.id), message: String(message.id) },
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ body: "A second text" }),
      };
    },
    allowed: (response, persona) =>
      expect(response.status, `${persona} edits the editor's message`).toBe(persona === "editor" ? 200 : 403),
  },
  "app/api/v1/claims/[id]/assign/route.ts#POST": {
    access: REVIEWERS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: `/api/v1/claims/${fx.inReview.id}/assign`,
      params: { id: String(fx.inReview.id) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ assigneeId: fx.people.reviewer.id }),
    }),
  },
  "app/api/v1/articles/[id]/owner/route.ts#POST": {
    access: EDITORS,
    auth: "bearer",
    request: (fx) => ({
      method: "POST",
      path: `/api/v1/articles/${fx.articleId}/owner`,
      params: { id: String(fx.articleId) },
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ownerId: fx.people.editor.id }),
    }),
  },
  "app/api/v1/queue/route.ts#GET": {
    access: "signed_in",
    auth: "bearer",
    readOnly: true,
    request: () => ({ path: "/api/v1/queue?limit=10", params: {} }),
  },
  "app/api/v1/suggest/route.ts#POST": {
    access: "signed_in",
    auth: "bearer",
    // Suggesting saves nothing.
    readOnly: true,
    request: (fx) => ({
      method: "POST",
      path: "/api/v1/suggest",
      params: {},
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: fx.body, language: "fr" }),
    }),
  },
  // Service endpoints, for load balancers and API tools: no credentials at all.
  "app/api/v1/health/route.ts#GET": {
    access: "anyone",
    auth: "none",
    readOnly: true,
    request: () => ({ path: "/api/v1/health", params: {} }),
  },
  "app/api/v1/openapi.json/route.ts#GET": {
    access: "anyone",
    auth: "none",
    readOnly: true,
    request: () => ({ path: "/api/v1/openapi.json", params: {} }),
  },
  "app/api/v1/[...path]/route.ts#GET": unknownApiPath("GET"),
  "app/api/v1/[...path]/route.ts#HEAD": unknownApiPath("HEAD"),
  "app/api/v1/[...path]/route.ts#POST": unknownApiPath("POST"),
  "app/api/v1/[...path]/route.ts#PUT": unknownApiPath("PUT"),
  "app/api/v1/[...path]/route.ts#PATCH": unknownApiPath("PATCH"),
  "app/api/v1/[...path]/route.ts#DELETE": unknownApiPath("DELETE"),
  "app/api/v1/[...path]/route.ts#OPTIONS": unknownApiPath("OPTIONS"),
  "app/api/auth/[...nextauth]/route.ts#GET": {
    access: "anyone",
    auth: "session",
    readOnly: true,
    request: () => ({ path: "/api/auth/session", params: { nextauth: ["session"] } }),
    // The session endpoint answers everyone, with the account only for an active one.
    allowed: async (response, persona) => {
      expect(response.status).toBe(200);
      const body = (await response.json()) as { user?: { uid?: number } } | null;
      const active = persona === "editor" || persona === "reviewer" || persona === "admin";
      expect(typeof body?.user?.uid === "number", `${persona} has a session`).toBe(active);
    },
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    access: "anyone",
    auth: "session",
    readOnly: true,
    // Without next-auth's CSRF token the request is turned away, whoever sends it.
    request: () => ({
      method: "POST",
      path: "/api/auth/signout",
      params: { nextauth: ["signout"] },
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "callbackUrl=%2Farticles",
    }),
    allowed: (response) => {
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get("location") ?? "").toContain("error=MissingCSRF");
    },
  },
};

/**
 * A token of `person`'s own: through createToken for an active account; for the deactivated one,
 * which createToken refuses, its row is inserted directly, as a token issued before the
 * deactivation would be (same format and hash as lib/data/tokens.ts).
 */
async function issueToken(person: Person): Promise<{ id: number; token: string }> {
  const account = (
    await getDb().select({ active: users.active }).from(users).where(eq(users.id, person.id)).limit(1)
  )[0];
  if (account?.active) {
    const { token, view } = await createToken({
      actor: { id: person.id, role: person.role },
      input: { name: "matrix" },
    });
    return { id: view.id, token };
  }
  const prefix = `cd_${randomBytes(4).toString("hex")}`;
  const token = `${prefix}_${randomBytes(32).toString("base64url")}`;
  const [row] = await getDb()
    .insert(apiTokens)
    .values({ userId: person.id, name: "matrix", prefix, tokenHash: hashToken(token), createdAt: new Date() })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token };
}

/**
 * The API token a bearer route is called with (routes with auth: "bearer"). The token has just been
 * used once, as by a client already at work: authenticateToken records a token's last use at most
 * once a minute, so that bookkeeping is not mistaken for a write of the call under test. (For the
 * deactivated account the use is refused and nothing is recorded, before or during the call.)
 */
export async function issueBearerToken(person: Person): Promise<string> {
  const { token } = await issueToken(person);
  await authenticateToken({ token });
  return token;
}
