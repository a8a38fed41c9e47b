import "server-only";
// The right of reply in the queue and the insights. Insights: per party, how many requests, the shares answered, declined and
// unanswered, and the median time to answer; the requests overdue now. Counts by the database
// (numbers on both); the median of the answer times in JavaScript from the answered requests'
// times (epoch milliseconds on both), so it is the same on SQLite and PostgreSQL.
import { and, asc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import { articles, claims, commentRequests, type CommentRequest } from "@/lib/data/tables";
import { getDb } from "./connection";
import { median } from "./insights";

export type PartyInsight = {
  party: string;
  requests: number;
  answered: number;
  declined: number;
  unanswered: number;
  /** Median minutes from the request to the answer, over answered requests; null when none. */
  medianAnswerMinutes: number | null;
};

export type OverdueRequest = {
  requestId: number;
  claimId: number;
  articleId: number;
  statement: string;
  party: string;
  deadline: Date;
  overdueMinutes: number;
};

export type CommentInsights = { parties: PartyInsight[]; overdue: OverdueRequest[] };

export async function commentInsights({
  now,
  limit = 20,
}: {
  now: Date;
  limit?: number;
}): Promise<CommentInsights> {
  const db = getDb();
  const n = (expression: ReturnType<typeof sql>) => expression.mapWith(Number);
  const counts = await db
    .select({
      party: commentRequests.party,
      requests: n(sql`count(*)`),
      answered: n(sql`sum(case when ${commentRequests.outcome} = 'answered' then 1 else 0 end)`),
      declined: n(sql`sum(case when ${commentRequests.outcome} = 'declined' then 1 else 0 end)`),
    })
    .from(commentRequests)
    .groupBy(commentRequests.party);
  const answers = await db
    .select({
      party: commentRequests.party,
      askedAt: commentRequests.askedAt,
      repliedAt: commentRequests.repliedAt,
    })
    .from(commentRequests)
    .where(eq(commentRequests.outcome, "answered"));
  const durations = new Map<string, number[]>();
  for (const a of answers) {
    if (!a.repliedAt) continue;
    const list = durations.get(a.party) ?? [];
    list.push((a.repliedAt.getTime() - a.askedAt.getTime()) / 60_000);
    durations.set(a.party, list);
  }
  const parties = counts
    .map((c) => {
      const m = median(durations.get(c.party) ?? []);
      return {
        party: c.party,
        requests: c.requests,
        answered: c.answered,
        declined: c.declined,
        unanswered: c.requests - c.answered - c.declined,
        medianAnswerMinutes: m === null ? null : Math.round(m),
      };
    })
    .sort((a, b) => b.requests - a.requests || a.party.localeCompare(b.party));

  const overdueRows = await db
    .select({
      requestId: commentRequests.id,
      claimId: commentRequests.claimId,
      articleId: commentRequests.articleId,
      statement: claims.statement,
      party: commentRequests.party,
      deadline: commentRequests.deadline,
    })
    .from(commentRequests)
    .innerJoin(claims, eq(claims.id, commentRequests.claimId))
    .where(and(isNull(commentRequests.outcome), lte(commentRequests.deadline, now)))
    .orderBy(asc(commentRequests.deadline), asc(commentRequests.id))
    .limit(limit);
  return {
    parties,
    overdue: overdueRows.map((r) => ({
      ...r,
      overdueMinutes: Math.floor((now.getTime() - r.deadline.getTime()) / 60_000),
    })),
  };
}

export type ReplyQueueFilter = "all" | "overdue" | "answered";

export type ReplyQueueItem = {
  requestId: number;
  claimId: number;
  articleId: number;
  articleTitle: string;
  statement: string;
  party: string;
  channel: CommentRequest["channel"];
  askedAt: Date;
  deadline: Date;
  outcome: CommentRequest["outcome"];
  repliedAt: Date | null;
  /** overdue, answered (a reply not weighed yet) or waiting. */
  state: "overdue" | "answered" | "waiting";
  overdueMinutes: number;
};

/**
 * The queue's right-of-reply list: requests overdue now and answers not yet weighed (logged after
 * the claim's verdict was set) first, then requests still waiting. `filter` keeps one kind.
 */
export async function listReplyQueue({
  now,
  filter = "all",
  limit = 50,
}: {
  now: Date;
  filter?: ReplyQueueFilter;
  limit?: number;
}): Promise<ReplyQueueItem[]> {
  const db = getDb();
  const open = isNull(commentRequests.outcome);
  const unweighed = and(
    eq(commentRequests.outcome, "answered"),
    or(isNull(claims.ratedAt), gt(commentRequests.replyLoggedAt, claims.ratedAt)),
  );
  const where =
    filter === "overdue"
      ? and(open, lte(commentRequests.deadline, now))
      : filter === "answered"
        ? unweighed
        : or(open, unweighed);
  const rows = await db
    .select({ request: commentRequests, statement: claims.statement, articleTitle: articles.title })
    .from(commentRequests)
    .innerJoin(claims, eq(claims.id, commentRequests.claimId))
    .innerJoin(articles, eq(articles.id, commentRequests.articleId))
    .where(where)
    .orderBy(asc(commentRequests.deadline), asc(commentRequests.id))
    .limit(500);
  const rank = { overdue: 0, answered: 1, waiting: 2 } as const;
  return rows
    .map(({ request: r, statement, articleTitle }) => {
      const state: ReplyQueueItem["state"] = r.outcome
        ? "answered"
        : r.deadline.getTime() <= now.getTime()
          ? "overdue"
          : "waiting";
      return {
        requestId: r.id,
        claimId: r.claimId,
        articleId: r.articleId,
        articleTitle,
        statement,
        party: r.party,
        channel: r.channel,
        askedAt: r.askedAt,
        deadline: r.deadline,
        outcome: r.outcome,
        repliedAt: r.repliedAt,
        state,
        overdueMinutes: state === "overdue" ? Math.floor((now.getTime() - r.deadline.getTime()) / 60_000) : 0,
      };
    })
    .sort((a, b) => rank[a.state] - rank[b.state] || a.deadline.getTime() - b.deadline.getTime())
    .slice(0, limit);
}
