// Domain views → the API's JSON (see the response schemas in lib/validation/api.ts).
import type { ArticleDetail, ArticleSummary } from "@/lib/data/articles";
import type { QueueEntry } from "@/lib/data/api-queue";
import type { Suggestion } from "@/lib/claims";
import type { ClaimView, HistoryEntry } from "@/lib/data/claims";
import { recordOf, type FileRef } from "@/lib/evidence/sources";
import type {
  ApiFile,
  ApiArticle,
  ApiArticleSummary,
  ApiClaim,
  ApiHistoryEntry,
  ApiQueueItem,
  ApiSuggestion,
} from "@/lib/validation/api";

export function toApiFile(file: FileRef): ApiFile {
  return { ...file, download: `/api/v1/files/${file.id}` };
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

export function toApiClaim(view: ClaimView): ApiClaim {
  return {
    id: view.id,
    articleId: view.articleId,
    start: view.start,
    end: view.end,
    quote: view.quote,
    statement: view.statement,
    speaker: view.speaker,
    verdict: view.verdict,
    verdictNote: view.verdictNote,
    silentParty: view.silentParty,
    stage: view.stage,
    version: view.version,
    sources: view.sources.map((s) => ({
      ...recordOf(s),
      file: s.file ? toApiFile(s.file) : null,
      snapshot: s.snapshot ? toApiFile(s.snapshot) : null,
    })),
    ratedBy: view.ratedBy,
    ratedAt: iso(view.ratedAt),
    submittedBy: view.submittedBy,
    submittedAt: iso(view.submittedAt),
    approvedBy: view.approvedBy,
    approvedAt: iso(view.approvedAt),
    returnNote: view.returnNote,
    returnedBy: view.returnedBy,
    returnedAt: iso(view.returnedAt),
    createdBy: view.createdBy,
    createdAt: view.createdAt.toISOString(),
    updatedBy: view.updatedBy,
    updatedAt: view.updatedAt.toISOString(),
  };
}

export function toApiHistoryEntry(entry: HistoryEntry): ApiHistoryEntry {
  return {
    id: entry.id,
    type: entry.type,
    actor: entry.actor,
    before: entry.before,
    after: entry.after,
    note: entry.note,
    at: entry.at.toISOString(),
  };
}

export function toApiArticleSummary(article: ArticleSummary): ApiArticleSummary {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    url: article.url,
    language: article.language,
    publishedAt: article.publishedAt,
    createdAt: article.createdAt.toISOString(),
    progress: article.progress,
  };
}

export function toApiArticle(article: ArticleDetail, claims: ClaimView[]): ApiArticle {
  return {
    ...toApiArticleSummary(article),
    authors: article.authors,
    body: article.body,
    createdBy: { id: article.createdById, name: article.createdByName },
    updatedAt: article.updatedAt.toISOString(),
    version: article.version,
    claims: claims.map(toApiClaim),
  };
}

export function toApiQueueItem(entry: QueueEntry): ApiQueueItem {
  return { ...toApiClaim(entry), article: entry.article };
}

/** The suggest command's objects as they are: this only checks at compile time that they match the schema. */
export function toApiSuggestion(suggestion: Suggestion): ApiSuggestion {
  return suggestion;
}
