// Inputs and the normalised model of the verified summary. Everything in lib/export is a pure
// function of these types: no database, no framework, no clock (the caller passes `generatedAt`).
import type { SourceKind } from "@/lib/evidence/model";
import type { CommentChannel, Language, ReplyOutcome, Stage, Verdict } from "@/lib/review/model";

/**
 * A source as exports show it (lib/export/sources.ts words it). What the desk keeps for itself
 * stays out: no download link of a kept file (it is served to signed-in accounts only), no notes
 * of a call and no text of a message; a document is named with its SHA-256, so that whoever
 * receives the file can check it is the one the desk saw.
 */
export type SummarySource = {
  /** A typed source of the claim, or "reply": a reply logged on one of its requests for comment. */
  kind: SourceKind | "reply";
  url: string | null;
  title: string | null;
  /** Who was called or interviewed, who wrote. */
  party: string | null;
  /** "2026-07-19" or "2026-07-19T14:00", as the editor gave it. */
  occurredAt: string | null;
  agency: string | null;
  reference: string | null;
  /** The description of a source of the kind "other". */
  description: string | null;
  document: { name: string; mediaType: string; size: number; sha256: string } | null;
  /** A web page's snapshot kept by the desk: when it was fetched and its SHA-256. */
  archived: { at: string; sha256: string } | null;
  /** Kind "reply" only: the reply, read from its request for comment (never copied into the sources). */
  reply?: SummaryReplySource;
};

/** A reply as a source: the request it answers, who, when, how, and what was said. */
export type SummaryReplySource = {
  requestId: number;
  outcome: ReplyOutcome;
  channel: CommentChannel;
  /** ISO 8601, UTC. */
  repliedAt: string;
  /** "Kyiv, 1 December at 16:00, by e-mail", in the article's language and the desk's zone. */
  heading: string;
  /** The whole text (JSON); the other formats print an excerpt of it. */
  text: string | null;
  excerpt: string | null;
};

/** A request for comment on the claim (right of reply), with what came back when it did. */
export type SummaryCommentRequest = {
  /** The request's id (kept requests; fixtures may leave it out). */
  requestId?: number;
  party: string;
  channel: CommentChannel;
  askedAt: Date;
  deadline: Date;
  outcome: ReplyOutcome | null;
  repliedAt: Date | null;
  replyChannel: CommentChannel | null;
  replyText: string | null;
  /** The document that came with the reply, when one did. */
  replyDocument?: { name: string; mediaType: string; size: number; sha256: string } | null;
};

/** A reply as the summary lists it beside the sources: the evidence a reply gives the verdict. */
export type SummaryReply = {
  party: string;
  outcome: ReplyOutcome;
  /** "Kyiv, 1 December at 16:00, by e-mail", in the article's language and the desk's zone. */
  heading: string;
  text: string | null;
  repliedAt: Date;
};

export type SummaryClaim = {
  id: number;
  /** [start, end) in UTF-16 code units of the stored article body. */
  start: number;
  end: number;
  quote: string;
  statement: string;
  speaker: string | null;
  verdict: Verdict;
  verdictNote: string | null;
  silentParty: string | null;
  stage: Stage;
  sources: SummarySource[];
  /** The requests for comment (right of reply); none when absent. */
  commentRequests?: SummaryCommentRequest[];
  ratedBy: { name: string } | null;
  ratedAt: Date | null;
  approvedBy: { name: string } | null;
  approvedAt: Date | null;
};

export type SummaryArticle = {
  id: number;
  title: string;
  outlet: string | null;
  url: string | null;
  language: Language;
  /** YYYY-MM-DD */
  publishedAt: string | null;
};

/** A correction of a published claim (issue 16): the note the desk gave, and when. */
export type SummaryCorrection = { claimId: number; note: string; at: Date };

export type SummaryInput = {
  article: SummaryArticle;
  claims: SummaryClaim[];
  /** When false only `approved` claims are kept; when true the others are kept and flagged `unverified`. */
  includeUnapproved: boolean;
  organisation: { name: string; url: string };
  generatedAt: Date;
  /** Base URL of the app, used for claim URLs (a trailing slash is ignored). */
  appUrl: string;
  /** The newsroom's IANA time zone (TIME_ZONE): the calendar day of an instant is this zone's day. */
  timeZone: string;
  /** Corrections to earlier published versions, carried by a published version (oldest first). */
  corrections?: SummaryCorrection[];
};

/** A claim as it appears in the summary: the input claim, normalised and with derived fields. */
export type SummaryItem = {
  id: number;
  /** 1-based running number across the whole summary, in display order. */
  number: number;
  start: number;
  end: number;
  statement: string;
  speaker: string | null;
  quote: string;
  verdict: Verdict;
  /** The verdict label in the article's language ("Confirmé", "Disputed"…). */
  verdictLabel: string;
  verdictNote: string | null;
  silentParty: string | null;
  /**
   * For `uncommented`: from the recorded request when there is one ("Kyiv did not respond to a
   * request for comment sent on 1 December at 14:00 by the time of publication."), else "Kyiv did
   * not comment." / "Kyiv n'a pas commenté."; otherwise null.
   */
  silenceSentence: string | null;
  stage: Stage;
  /** True when the claim is not approved (only present when `includeUnapproved`). */
  unverified: boolean;
  /** The claim's typed sources, then the replies logged on its requests (kind "reply"), oldest first. */
  sources: SummarySource[];
  ratedBy: string | null;
  ratedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** The calendar days of ratedAt and approvedAt in the newsroom's time zone, "YYYY-MM-DD". */
  ratedOn: string | null;
  approvedOn: string | null;
  /** Absolute URL of the claim in the app: `{appUrl}/articles/{articleId}#claim-{id}`. */
  url: string;
};

export type SummaryGroup = {
  verdict: Verdict;
  /** Section heading in the article's language. */
  heading: string;
  claims: SummaryItem[];
};

export type SummaryCounts = {
  total: number;
  /** Claims flagged `unverified` (always 0 unless `includeUnapproved`). */
  unverified: number;
  byVerdict: Record<Verdict, number>;
};

export type Summary = {
  article: SummaryArticle;
  language: Language;
  /** BCP 47 locale used for dates and plurals ("fr-FR", "en-GB"). */
  locale: string;
  organisation: { name: string; url: string };
  generatedAt: Date;
  /** The calendar day of generatedAt in the newsroom's time zone, "YYYY-MM-DD". */
  generatedOn: string;
  timeZone: string;
  includeUnapproved: boolean;
  counts: SummaryCounts;
  /** One line such as "7 claims verified: 4 confirmed, 2 disputed, 1 without comment." */
  countLine: string;
  /** Always the four verdicts in SUMMARY_VERDICT_ORDER; a group may be empty. */
  groups: SummaryGroup[];
  /** The corrections section, oldest first; empty for a summary never corrected. */
  corrections: SummaryCorrectionItem[];
};

export type SummaryCorrectionItem = {
  claimId: number;
  note: string;
  at: Date;
  /** The calendar day of `at` in the newsroom's time zone, "YYYY-MM-DD". */
  on: string;
  /** "Correction of 2 December 2026" / "Correction du 2 décembre 2026". */
  heading: string;
};
