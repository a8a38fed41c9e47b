import "server-only";
// Published versions and corrections (issue 16). Publishing keeps the verified summary of an
// article as it went out: who, when, the SHA-256 of its JSON, and the text of every export format
// exactly as rendered then, so that a version downloads the same bytes forever (summary_versions
// is append-only in the database). Changing a claim that the latest version carries asks for a
// correction note (claim_corrections, append-only), which every later version prints, dated.
import { and, asc, desc, eq } from "drizzle-orm";
import { articles, claims, summaryVersions, type SummaryVersion } from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import { FORMATS, renderExport, type ExportFormat } from "@/lib/export";
import { sha256Hex } from "@/lib/export/hash";
import { canPublishSummary, type Actor, type Language, type PublishChannel } from "@/lib/review";
import { getDb, withTransaction, type Tx } from "./connection";
import { toViews } from "./claims/views";
import { correctionsOf, latestVersion } from "./corrections";
import { correctionPublished, summaryPublished } from "./publication-hooks";
import { publisher, toSummaryClaim } from "./summary";
import { refuse } from "./claims/shared";
import { userNames } from "./user-names";

export type PersonRef = { id: number; name: string };

export type SummaryVersionView = {
  id: number;
  articleId: number;
  number: number;
  channel: PublishChannel;
  language: Language;
  /** SHA-256 (hex) of the JSON export's UTF-8 bytes. */
  contentHash: string;
  publishedAt: Date;
  publishedBy: PersonRef;
  claimCount: number;
};

const sha256 = sha256Hex;

function notFound(): AppError {
  return new AppError("not_found", "This article does not exist or was deleted.", {
    details: { reason: "article_not_found" },
  });
}

const FIXED_DATE = new Date(0);

/**
 * "Publish summary", and every API export marked as publication: a reviewer or admin publishes
 * the verified summary of an article as a new numbered version. When nothing changed since the
 * latest version (the same claims as approved then, no new correction), that version is returned
 * and nothing is written (`created: false`), so an export repeated with `publish` stays one
 * version.
 */
export async function publishSummary({
  actor,
  articleId,
  channel,
  appUrl,
}: {
  actor: Actor;
  articleId: number;
  channel: PublishChannel;
  /** The base URL of claim links; default APP_URL. */
  appUrl?: string;
}): Promise<{ version: SummaryVersionView; created: boolean }> {
  return withTransaction(async (tx) => {
    const [article] = await tx
      .select({
        id: articles.id,
        title: articles.title,
        outlet: articles.outlet,
        url: articles.url,
        language: articles.language,
        publishedAt: articles.publishedAt,
      })
      .from(articles)
      .where(eq(articles.id, articleId))
      .limit(1);
    if (!article) throw notFound();
    const rows = await tx
      .select()
      .from(claims)
      .where(eq(claims.articleId, articleId))
      .orderBy(asc(claims.start), asc(claims.end), asc(claims.id));
    refuse(
      canPublishSummary(actor, {
        total: rows.length,
        approved: rows.filter((row) => row.stage === "approved").length,
      }),
    );
    const at = new Date();
    const corrections = await correctionsOf(tx, articleId);
    const input = {
      article,
      claims: (await toViews(tx, rows)).map(toSummaryClaim),
      includeUnapproved: false,
      generatedAt: at,
      corrections: corrections.map((c) => ({ claimId: c.claimId, note: c.note, at: c.createdAt })),
      ...publisher(appUrl),
    };
    const fingerprint = sha256(renderExport({ ...input, generatedAt: FIXED_DATE }, "json"));
    const latest = await latestVersion(tx, articleId);
    if (latest && latest.fingerprint === fingerprint) {
      return { version: (await versionViews(tx, [latest]))[0]!, created: false };
    }
    const texts = Object.fromEntries(
      FORMATS.map((format) => [format, renderExport(input, format)]),
    ) as Record<ExportFormat, string>;
    const number = (latest?.number ?? 0) + 1;
    const [version] = await tx
      .insert(summaryVersions)
      .values({
        articleId,
        number,
        publishedById: actor.id,
        channel,
        language: article.language,
        contentHash: sha256(texts.json),
        fingerprint,
        claimIds: rows.map((row) => row.id),
        ...texts,
        createdAt: at,
      })
      .returning();
    if (!version) throw new Error("The version was not saved.");
    await summaryPublished(tx, {
      articleId,
      versionId: version.id,
      number,
      contentHash: version.contentHash,
      publishedById: actor.id,
      publishedAt: at,
      channel,
    });
    // A correction goes out in the first version after the one it corrects.
    const previous = latest?.id;
    for (const correction of corrections) {
      if (previous === undefined || correction.versionId !== previous) continue;
      await correctionPublished(tx, {
        correctionId: correction.id,
        articleId,
        claimId: correction.claimId,
        note: correction.note,
        correctedAt: correction.createdAt,
        versionId: version.id,
        number,
      });
    }
    return { version: (await versionViews(tx, [version]))[0]!, created: true };
  });
}

async function versionViews(tx: Tx, rows: SummaryVersion[]): Promise<SummaryVersionView[]> {
  const names = await userNames(
    tx,
    rows.map((row) => row.publishedById),
  );
  return rows.map((row) => ({
    id: row.id,
    articleId: row.articleId,
    number: row.number,
    channel: row.channel,
    language: row.language,
    contentHash: row.contentHash,
    publishedAt: row.createdAt,
    publishedBy: { id: row.publishedById, name: names.get(row.publishedById) ?? "?" },
    claimCount: row.claimIds.length,
  }));
}

const versionColumns = {
  id: summaryVersions.id,
  articleId: summaryVersions.articleId,
  number: summaryVersions.number,
  publishedById: summaryVersions.publishedById,
  channel: summaryVersions.channel,
  language: summaryVersions.language,
  contentHash: summaryVersions.contentHash,
  fingerprint: summaryVersions.fingerprint,
  claimIds: summaryVersions.claimIds,
  createdAt: summaryVersions.createdAt,
};

/** The published versions of an article, newest first (without their texts). */
export async function listSummaryVersions({
  articleId,
}: {
  articleId: number;
}): Promise<SummaryVersionView[]> {
  const db = getDb();
  const rows = await db
    .select(versionColumns)
    .from(summaryVersions)
    .where(eq(summaryVersions.articleId, articleId))
    .orderBy(desc(summaryVersions.number));
  return versionViews(db, rows as SummaryVersion[]);
}

/** One format of a published version, exactly as it was published; undefined when there is none. */
export async function getSummaryVersionFile({
  articleId,
  number,
  format,
}: {
  articleId: number;
  number: number;
  format: ExportFormat;
}): Promise<
  { version: SummaryVersionView; text: string; title: string; publishedAt: string | null } | undefined
> {
  const db = getDb();
  const [row] = await db
    .select({ version: summaryVersions, title: articles.title, publishedAt: articles.publishedAt })
    .from(summaryVersions)
    .innerJoin(articles, eq(articles.id, summaryVersions.articleId))
    .where(and(eq(summaryVersions.articleId, articleId), eq(summaryVersions.number, number)))
    .limit(1);
  if (!row) return undefined;
  const [version] = await versionViews(db, [row.version]);
  return { version: version!, text: row.version[format], title: row.title, publishedAt: row.publishedAt };
}
