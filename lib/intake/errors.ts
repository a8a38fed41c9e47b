// Why a page could not be brought in. Each code is a message key of the "intakeErrors" namespace
// (messages/<locale>/intake.json); `message` is the English text the API and the logs give.
export const INTAKE_FAILURES = [
  "badUrl",
  "blockedAddress",
  "unreachable",
  "timeout",
  "tooManyRedirects",
  "httpStatus",
  "notHtml",
  "tooLarge",
  "noArticle",
] as const;
export type IntakeFailure = (typeof INTAKE_FAILURES)[number];

export const INTAKE_MESSAGES: Record<IntakeFailure, string> = {
  badUrl: "Only http and https links to a web page can be imported.",
  blockedAddress: "This link points to a private or internal network address, which the desk does not fetch.",
  unreachable: "The site could not be reached. Check the link, or try again later.",
  timeout: "The site took too long to answer (more than 10 seconds).",
  tooManyRedirects: "The link redirects too many times (more than 5).",
  httpStatus: "The site answered with an error instead of the page.",
  notHtml: "This link is not a web page (HTML).",
  tooLarge: "The page is too large to import (more than 5 MB).",
  noArticle:
    "Nothing on this page looks like an article: it may be behind a paywall, or drawn by scripts. Paste the text instead.",
};

export class IntakeError extends Error {
  readonly code: IntakeFailure;
  readonly status?: number;
  constructor(code: IntakeFailure, detail?: string, status?: number) {
    super(detail ? `${INTAKE_MESSAGES[code]} (${detail})` : INTAKE_MESSAGES[code]);
    this.name = "IntakeError";
    this.code = code;
    this.status = status;
  }
}
