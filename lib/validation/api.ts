// The HTTP API's inputs and outputs. Inputs are derived from the schemas the forms and the data
// layer use (which parse again: the rules live there); outputs describe the JSON the API sends.
// The OpenAPI document (lib/api/openapi.ts) is generated from these same schemas.
import { z } from "./zod";
import { ERROR_CODES } from "@/lib/errors";
import { FORMATS } from "@/lib/export/formats";
import { FILE_KINDS, SOURCE_KINDS } from "@/lib/evidence/model";
import { EVENT_TYPES, LANGUAGES, STAGES, VERDICTS } from "@/lib/review/model";
import { articleListSchema, articleSchema } from "./article";
import { claimFields, returnClaimSchema } from "./claim";
import { claimRightOfReplySchema } from "./comment";
import { idParamSchema } from "./id";
import { MAX_HTML_LENGTH } from "./intake";
import { lineText, multilineText } from "./text";

export const API_DEFAULT_LIMIT = 20;
export const API_MAX_LIMIT = 100;

// ---------------------------------------------------------------------------------------------
// Path and query parameters (strings on the wire)
// ---------------------------------------------------------------------------------------------

export const idParamsSchema = z.object({
  id: idParamSchema.describe("Numeric id, in decimal without sign or leading zero."),
});

const cursorSchema = z
  .string()
  .max(200, { error: "tooLong" })
  .optional()
  .describe("Opaque cursor from the previous page's `nextCursor`; omit it for the first page.");

const limitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(API_MAX_LIMIT)
  .default(API_DEFAULT_LIMIT)
  .describe(`Items per page, 1 to ${API_MAX_LIMIT}.`);

export const articleCursorQuerySchema = z.object({
  search: articleListSchema.shape.q.describe("Words to look for in the title."),
  language: articleListSchema.shape.language.describe("Only articles in this language."),
  verified: articleListSchema.shape.verified.describe(
    "`yes`: every claim of the article is approved (and it has at least one); `no`: the others; `all`: both.",
  ),
  cursor: cursorSchema,
  limit: limitSchema,
});
export type ArticleCursorQuery = z.output<typeof articleCursorQuerySchema>;

export const queueQuerySchema = z.object({ cursor: cursorSchema, limit: limitSchema });
export type QueueQuery = z.output<typeof queueQuerySchema>;

const versionSchema = z
  .number()
  .int()
  .positive()
  .describe(
    "The claim's `version` as you last read it; a newer one on the server gets 409 and the current claim.",
  );

export const exportQuerySchema = z.object({
  format: z
    .enum(FORMATS)
    .default("md")
    .describe(
      "`md` Markdown, `html` a standalone page, `json` the summary as data, `csv` one row per claim, `claimreview` schema.org ClaimReview JSON-LD.",
    ),
  include: z
    .enum(["approved", "all"])
    .default("approved")
    .describe(
      "`approved`: the verified summary; `all`: also the claims not yet approved, marked as unverified.",
    ),
  separator: z
    .enum(["comma", "semicolon"])
    .default("comma")
    .describe("CSV only: `semicolon` for spreadsheets set up for French."),
  bom: z
    .enum(["true", "false"])
    .default("false")
    .describe("CSV only: start with a byte order mark so that Excel reads accents correctly."),
  uncommented: z
    .enum(["true", "false"])
    .default("false")
    .describe(
      "ClaimReview only: also write the approved claims nobody answered (verdict `uncommented`), with a textual rating and no `ratingValue`. Left out by default: a silence is not a rating of truth.",
    ),
});
export type ExportQuery = z.output<typeof exportQuerySchema>;

/** The API's export, which may be marked as publication (issue 16). */
export const apiExportQuerySchema = exportQuerySchema.extend({
  publish: z
    .enum(["true", "false"])
    .default("false")
    .describe(
      "`true`: this export is a publication. A reviewer's or admin's token publishes the verified summary as a new numbered version (or gets the latest one when nothing changed since: the call is idempotent) and receives that version's file, exactly as it is kept: CSV with commas and no byte order mark, ClaimReview without the uncommented claims. The headers `X-Summary-Version` and `X-Content-Hash` (SHA-256 of the version's JSON) name it. Needs `include=approved` and the default CSV and ClaimReview options.",
    ),
});

export const versionParamsSchema = idParamsSchema.extend({
  number: idParamSchema.describe("The version's number in its article, from 1."),
});

export const versionFileQuerySchema = z.object({
  format: z
    .enum(FORMATS)
    .default("md")
    .describe("Which of the version's files: `md`, `html`, `json`, `csv` or `claimreview`, as published."),
});

export const apiSummaryVersionSchema = z
  .object({
    id: z.number().int(),
    articleId: z.number().int(),
    number: z.number().int().describe("1 for the first version of the article's summary, then 2…"),
    channel: z.enum(["app", "api"]).describe("Published with the app's button or through an API export."),
    language: z.enum(LANGUAGES),
    contentHash: z.string().describe("SHA-256 (hex) of the version's JSON file, as downloaded."),
    publishedAt: z.string().describe("ISO 8601."),
    publishedBy: z.object({ id: z.number().int(), name: z.string() }),
    claimCount: z.number().int(),
    files: z
      .record(z.string(), z.string())
      .describe("The API path of each format's file (md, html, json, csv, claimreview)."),
  })
  .describe("A published version of an article's verified summary.");

export const apiSummaryVersionListSchema = z.object({ items: z.array(apiSummaryVersionSchema) });

export const deleteClaimQuerySchema = z.object({
  version: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("The claim's `version` as you last read it (or send it in a JSON body)."),
});

// ---------------------------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------------------------

export const apiCreateArticleSchema = articleSchema
  .extend({
    title: lineText()
      .max(300, { error: "tooLong" })
      .default("")
      .describe("Required with `body`; with `html` or a `url` alone, the page's headline when left empty."),
    outlet: articleSchema.shape.outlet.default("").describe("The publication, e.g. “Le Courrier du Matin”."),
    url: articleSchema.shape.url
      .default("")
      .describe(
        "Where the article is published (http or https). Sent without `body` or `html`, the page is fetched and its article extracted (public addresses only, at most 5 redirects, 10 s, 5 MB, HTML only).",
      ),
    language: articleSchema.shape.language
      .default("")
      .describe("`fr`, `en` or `other`; empty or omitted: the page's language, else detected from the body."),
    publishedAt: articleSchema.shape.publishedAt.default("").describe("Publication date, YYYY-MM-DD."),
    authors: articleSchema.shape.authors.describe(
      "Who wrote it, comma-separated; with `html` or a `url`, the page's authors when left out.",
    ),
    body: articleSchema.shape.body
      .optional()
      .describe(
        "The article text (or HTML with `bodyFormat: html`), at most 200,000 characters once normalised. It is stored normalised (NFC, \\n line ends, paragraphs separated by a blank line): read it back before computing claim offsets.",
      ),
    bodyFormat: articleSchema.shape.bodyFormat.describe(
      "`html` turns pasted HTML into text as it is; it is never rendered.",
    ),
    html: z
      .string()
      .min(1, { error: "bodyRequired" })
      .max(MAX_HTML_LENGTH, { error: "bodyTooLong" })
      .optional()
      .describe(
        "Instead of `body`: a whole web page. Only its article is kept (headline, standfirst, sub-headings, paragraphs), and its details (title, outlet, link, date, language) fill the fields left empty. Never rendered, its scripts never run.",
      ),
  })
  .superRefine((value, context) => {
    if (value.body !== undefined && value.html !== undefined)
      context.addIssue({ code: "custom", path: ["html"], message: "bodyOrHtml" });
    if (value.body === undefined && value.html === undefined && !value.url)
      context.addIssue({ code: "custom", path: ["body"], message: "bodyRequired" });
    if (value.body !== undefined && !value.title)
      context.addIssue({ code: "custom", path: ["title"], message: "required" });
  })
  .describe("A new article: its text as `body`, or a web page as `html` or as a `url` to fetch.");
export type ApiCreateArticle = z.output<typeof apiCreateArticleSchema>;

export const apiExtractionSchema = z
  .object({
    source: z.enum(["html", "url"]).describe("What the article was extracted from."),
    fetchedUrl: z.string().nullable().describe("Where the fetched page was, after redirects."),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    url: z.string().nullable().describe("The page's canonical link."),
    publishedAt: z.string().nullable().describe("YYYY-MM-DD."),
    authors: z.array(z.string()),
    language: z.enum(LANGUAGES),
    languageSource: z.enum(["page", "detected"]).describe("Declared by the page, or detected from the text."),
  })
  .describe("What the page said about itself; fields sent in the request took precedence when stored.");
export type ApiExtraction = z.output<typeof apiExtractionSchema>;

const spanOffset = (what: string) =>
  claimFields.shape.start
    .optional()
    .describe(
      `${what} offset of the quote in the stored body, in UTF-16 code units (JavaScript string indices). Omit start and end to anchor the quote where it first occurs.`,
    );

const rightOfReplyField = claimRightOfReplySchema
  .optional()
  .describe(
    'With the verdict `uncommented`: `{ "kind": "asked", "channel", "askedAt", "deadline", "contactEmail"?, "contactPhone"?, "contactPressOffice"?, "contactSocial"?, "notes"? }` records a request for comment to the silent party, `{ "kind": "notContacted", "reason" }` says why it was not contacted. An `uncommented` claim enters the queue only with one of them (here or recorded earlier under /comment-requests): `needs_right_of_reply` otherwise.',
  );

export const apiCreateClaimSchema = claimFields
  .extend({
    start: spanOffset("Start (inclusive)"),
    end: spanOffset("End (exclusive)"),
    quote: claimFields.shape.quote.describe("The exact words of the article the claim is anchored to."),
    statement: claimFields.shape.statement.describe("The editor's one-sentence wording of the claim."),
    speaker: claimFields.shape.speaker
      .default("")
      .describe("Who made the claim (“the Kremlin”); empty when the article itself asserts it."),
    verdict: claimFields.shape.verdict
      .default("unrated")
      .describe(
        "`confirmed`, `disputed`, `uncommented` (someone did not respond: name them in `silentParty`) or `unrated`.",
      ),
    verdictNote: claimFields.shape.verdictNote.default("").describe("Why this verdict."),
    silentParty: claimFields.shape.silentParty
      .default("")
      .describe("Who did not comment (“Kyiv”); required with the verdict `uncommented`."),
    sources: claimFields.shape.sources.default([]),
    submit: z
      .boolean()
      .default(false)
      .describe(
        "Also send the claim to the review queue (it needs a verdict; an `uncommented` one also needs its right of reply).",
      ),
    rightOfReply: rightOfReplyField,
  })
  .describe("A new claim on the article.");

export const apiPatchClaimSchema = claimFields
  .partial()
  .extend({
    start: spanOffset("Start (inclusive)"),
    end: spanOffset("End (exclusive)"),
    version: versionSchema,
    submit: z.boolean().default(false).describe("Also send the claim to the review queue once saved."),
    rightOfReply: rightOfReplyField,
    correctionNote: multilineText()
      .max(4000, { error: "tooLong" })
      .optional()
      .describe(
        "Required when the claim is in the article's latest published summary and has not been corrected since: what was wrong, printed in the next published version's corrections (`correction_note_required` otherwise).",
      ),
  })
  .describe(
    "The fields to change; the others keep their value. A change of wording or verdict to a claim in review or approved sends it back to draft.",
  );

export const apiSubmitClaimSchema = z
  .object({ version: versionSchema.optional() })
  .describe("Optionally the version you last read, to refuse submitting a claim changed meanwhile.");

export const apiApproveClaimSchema = z
  .object({ version: versionSchema })
  .describe("The version you last read: an approval applies to the wording and verdict you saw.");

export const apiReturnClaimSchema = returnClaimSchema
  .pick({ note: true })
  .extend({ version: versionSchema })
  .describe("Why the claim goes back to its editor, and the version you last read.");

export const apiDeleteClaimBodySchema = z.object({ version: versionSchema.optional() });

export const apiSuggestSchema = z
  .object({
    text: articleSchema.shape.body.describe(
      "The article text. It is normalised as article bodies are (NFC, \\n line ends, paragraphs separated by a blank line) and the offsets point into that normalised `text`, which the response returns.",
    ),
    language: z
      .enum(LANGUAGES)
      .optional()
      .describe("`fr`, `en` or `other`; omitted: detected from the text."),
    minScore: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe("Leave out suggestions whose check-worthiness score is below this."),
  })
  .describe("An article text to find the claims of.");

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const id = z.number().int().positive();
const count = z.number().int().min(0);
const timestamp = z.iso.datetime({ offset: false });

export const apiPersonSchema = z.object({ id, name: z.string() }).describe("An account of the desk.");

export const apiFileSchema = z
  .object({
    id,
    kind: z
      .enum(FILE_KINDS)
      .describe("`document` (uploaded) or `snapshot` (a web page archived by the desk)."),
    name: z.string(),
    mediaType: z.string().describe("Read from the file's content, not from its name."),
    size: count.describe("Bytes."),
    sha256: z.string().describe("SHA-256 of the bytes kept, hex."),
    at: timestamp.describe("When it was uploaded or fetched."),
    finalUrl: z.string().nullable().describe("Snapshots: where the page was after redirects."),
    download: z.string().describe("GET it with your token: always an attachment (`/api/v1/files/{id}`)."),
  })
  .describe("A file the desk keeps as evidence, served to signed-in accounts only.");
export type ApiFile = z.output<typeof apiFileSchema>;

const nullableText = z.string().nullable();
export const apiSourceSchema = z
  .object({
    kind: z
      .enum(SOURCE_KINDS)
      .describe(
        "`web` (url, title, snapshot), `document` (file, title), `call` (party: who, occurredAt, body: notes), `message` (party: from, occurredAt, body: text), `wire` (agency, reference, occurredAt) or `other` (body: description).",
      ),
    url: nullableText,
    title: nullableText,
    party: nullableText,
    occurredAt: nullableText.describe("`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, as given."),
    agency: nullableText,
    reference: nullableText,
    body: nullableText,
    fileId: id.nullable(),
    snapshotId: id.nullable(),
    file: apiFileSchema.nullable(),
    snapshot: apiFileSchema.nullable(),
  })
  .describe("A source of the claim; the fields of other kinds are null.");

export const apiClaimSchema = z
  .object({
    id,
    articleId: id,
    start: count,
    end: count,
    quote: z.string(),
    statement: z.string(),
    speaker: z.string().nullable(),
    verdict: z.enum(VERDICTS),
    verdictNote: z.string().nullable(),
    silentParty: z.string().nullable(),
    stage: z.enum(STAGES),
    version: id.describe("Send it back with PATCH and DELETE."),
    sources: z.array(apiSourceSchema),
    ratedBy: apiPersonSchema
      .nullable()
      .describe("Who set the current verdict (four eyes: not its approver)."),
    ratedAt: timestamp.nullable(),
    submittedBy: apiPersonSchema.nullable(),
    submittedAt: timestamp.nullable(),
    approvedBy: apiPersonSchema.nullable(),
    approvedAt: timestamp.nullable(),
    returnNote: z.string().nullable(),
    returnedBy: apiPersonSchema.nullable(),
    returnedAt: timestamp.nullable(),
    createdBy: apiPersonSchema.nullable(),
    createdAt: timestamp,
    updatedBy: apiPersonSchema.nullable(),
    updatedAt: timestamp,
  })
  .describe("A claim: its span of the article, wording, verdict and review stage.");
export type ApiClaim = z.output<typeof apiClaimSchema>;

export const apiHistoryEntrySchema = z
  .object({
    id,
    type: z.enum(EVENT_TYPES),
    actor: apiPersonSchema,
    before: z.record(z.string(), z.unknown()).nullable().describe("The changed fields before the event."),
    after: z.record(z.string(), z.unknown()).nullable().describe("The changed fields after the event."),
    note: z.string().nullable(),
    at: timestamp,
  })
  .describe("One entry of a claim's append-only history.");
export type ApiHistoryEntry = z.output<typeof apiHistoryEntrySchema>;

export const apiClaimDetailSchema = apiClaimSchema
  .extend({ history: z.array(apiHistoryEntrySchema).describe("Oldest first.") })
  .describe("A claim with its sources and its history.");

export const apiProgressSchema = z
  .object({
    total: count,
    byStage: z.record(z.enum(STAGES), count),
    byVerdict: z.record(z.enum(VERDICTS), count),
    verified: z.boolean().describe("True when the article has claims and all are approved."),
  })
  .describe("Claim counts of an article.");

export const apiArticleSummarySchema = z
  .object({
    id,
    title: z.string(),
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    language: z.enum(LANGUAGES),
    publishedAt: z.string().nullable().describe("YYYY-MM-DD."),
    createdAt: timestamp,
    progress: apiProgressSchema,
  })
  .describe("An article in a list.");
export type ApiArticleSummary = z.output<typeof apiArticleSummarySchema>;

export const apiArticleSchema = apiArticleSummarySchema
  .extend({
    authors: z.string().nullable().describe("Who wrote it, comma-separated."),
    body: z.string().describe("The stored, normalised body that claim offsets point into."),
    createdBy: apiPersonSchema,
    updatedAt: timestamp,
    version: id,
    claims: z.array(apiClaimSchema).describe("In the order of the text."),
  })
  .describe("An article with its body and its claims.");
export type ApiArticle = z.output<typeof apiArticleSchema>;

export const apiCreatedArticleSchema = apiArticleSchema
  .extend({
    extraction: apiExtractionSchema
      .optional()
      .describe("Present when the article came from `html` or a `url`: the details extracted from the page."),
  })
  .describe("The article as stored, with what was extracted from the page it came from.");

const nextCursor = z
  .string()
  .nullable()
  .describe("Pass it as `cursor` for the next page; null on the last page.");

export const apiArticlePageSchema = z
  .object({ items: z.array(apiArticleSummarySchema), nextCursor })
  .describe("A page of articles, newest first.");

export const apiQueueItemSchema = apiClaimSchema
  .extend({ article: z.object({ id, title: z.string() }) })
  .describe("A claim waiting in the review queue.");
export type ApiQueueItem = z.output<typeof apiQueueItemSchema>;

export const apiQueuePageSchema = z
  .object({ items: z.array(apiQueueItemSchema), nextCursor })
  .describe("A page of the review queue, longest waiting first.");

const apiReasonSchema = z.object({ feature: z.string(), weight: z.number(), label: z.string() });

export const apiSuggestionSchema = z
  .object({
    start: count.describe("Start of the sentence in the normalised `text` (UTF-16 code units)."),
    end: count.describe("End (exclusive)."),
    quote: z.string().describe("`text.slice(start, end)`: send it as the claim's `quote`."),
    statement: z.string().describe("A proposed one-sentence wording, for the editor to rewrite."),
    speaker: z.string().nullable(),
    cue: z
      .string()
      .nullable()
      .describe("The reporting verb or phrase that attributes it (“a déclaré”, “said”)."),
    score: z.number().min(0).max(1).describe("How check-worthy the sentence looks, 0 to 1."),
    reasons: z.array(apiReasonSchema).describe("What raised or lowered the score."),
    verdict: z
      .literal("uncommented")
      .optional()
      .describe("Present when a no-comment sentence (“Kyiv did not comment”) refers to this claim."),
    silentParty: z.string().optional().describe("Who did not comment, with `verdict`."),
    role: z
      .string()
      .optional()
      .describe("The speaker's title as the article gives it (“président ukrainien”), when it has one."),
    hidden: z
      .boolean()
      .describe("Scores below the suggestion threshold: the panel lists it only when asked for more."),
  })
  .describe("A suggested claim, as the suggest command prints it.");
export type ApiSuggestion = z.output<typeof apiSuggestionSchema>;

export const apiSuggestResultSchema = z
  .object({
    language: z.enum(LANGUAGES).describe("The language used, given or detected."),
    text: z.string().describe("The normalised text the offsets point into."),
    suggestions: z.array(apiSuggestionSchema).describe("In reading order."),
  })
  .describe("The claims suggested for a text.");

export const apiHealthSchema = z
  .object({ status: z.literal("ok"), database: z.literal("ok") })
  .describe("The service and its database answer.");

export const apiProblemSchema = z
  .object({
    type: z.string().describe("A URI reference naming the kind of problem; stable, one per `code`."),
    title: z.string().describe("A short summary of the kind of problem."),
    status: z.number().int().min(400).max(599),
    detail: z
      .string()
      .describe(
        "What went wrong this time, for a person to read, in the language of the request's Accept-Language (English or French; English by default).",
      ),
    code: z.enum(ERROR_CODES).describe("The machine-readable kind of problem."),
    reason: z
      .string()
      .optional()
      .describe("A stable key for this very problem within its `code`, e.g. `already_approved`."),
    errors: z
      .array(
        z.object({
          field: z.string().describe("The invalid field, dotted for nested ones (`sources.0.url`)."),
          code: z.string().describe("A stable key, e.g. `required`, `tooLong`, `invalidUrl`."),
          detail: z.string(),
        }),
      )
      .optional()
      .describe("With 400: the invalid fields."),
    current: apiClaimSchema.optional().describe("With a 409 version conflict: the claim as it is now."),
    by: z.string().optional().describe("With 409: who changed or decided the claim meanwhile."),
    at: z.string().optional().describe("With 409: when."),
    retryAfter: z
      .number()
      .int()
      .optional()
      .describe("With 429: seconds to wait (also the Retry-After header)."),
    allow: z
      .array(z.string())
      .optional()
      .describe("With 405: the methods this path answers (also the Allow header)."),
  })
  .describe("An RFC 9457 problem details object (application/problem+json).");
export type ApiProblem = z.output<typeof apiProblemSchema>;

export const apiArchiveSchema = z
  .object({
    url: z.string().trim().min(1, { error: "required" }).max(2000, { error: "tooLong" }),
  })
  .describe("The web page to archive: the desk fetches it (public addresses only, 10 s, 5 MB, HTML).");
