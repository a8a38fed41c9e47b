import "server-only";
// The few SQL expressions that SQLite and PostgreSQL spell differently, for the raw fragments in
// lib/data. Everything else is drizzle's builder, the same on both.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { databaseDialect } from "@/lib/env";

const pg = () => databaseDialect() === "postgres";

/** A time as a raw SQL parameter: SQLite stores epoch milliseconds, PostgreSQL timestamptz. */
export function timeParam(ms: number | Date): SQL {
  const value = typeof ms === "number" ? ms : ms.getTime();
  return pg() ? sql`${new Date(value).toISOString()}::timestamptz` : sql`${value}`;
}

/** A time column or expression read by raw SQL as epoch milliseconds (a number) on both. */
export function epochMs(expression: SQLWrapper): SQL {
  return pg() ? sql`(extract(epoch from ${expression}) * 1000)::float8` : sql`${expression}`;
}

/** The UTC calendar day ("YYYY-MM-DD") of a time column. */
export function utcDay(expression: SQLWrapper): SQL {
  return pg()
    ? sql`to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`
    : sql`date(${expression} / 1000, 'unixepoch')`;
}

/** The larger of two values (SQLite's two-argument max, PostgreSQL's greatest). */
export function greatest(a: SQLWrapper | number, b: SQLWrapper | number): SQL {
  return pg() ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`;
}

/** substr(text, from, count); PostgreSQL's wants int arguments, and the columns are bigint there. */
export function substring(text: SQLWrapper, from: SQLWrapper, length: SQLWrapper): SQL {
  return pg()
    ? sql`substr(${text}, (${from})::int, (${length})::int)`
    : sql`substr(${text}, ${from}, ${length})`;
}

/** A text in ASCII-case-insensitive order (SQLite's NOCASE; lower() on PostgreSQL). */
export function caseless(expression: SQLWrapper): SQL {
  return pg() ? sql`lower(${expression})` : sql`${expression} COLLATE NOCASE`;
}

/** Equal ignoring case. */
export function equalsCaseless(expression: SQLWrapper, value: string): SQL {
  return pg() ? sql`lower(${expression}) = lower(${value})` : sql`${expression} = ${value} COLLATE NOCASE`;
}

/** A LIKE pattern with %, _ and \ escaped, matched ignoring ASCII case as SQLite's LIKE does. */
export function likeCaseless(expression: SQLWrapper, pattern: string): SQL {
  return pg()
    ? sql`${expression} ILIKE ${pattern} ESCAPE '\\'`
    : sql`${expression} LIKE ${pattern} ESCAPE '\\'`;
}

/** Escapes LIKE's wildcards in a text typed by someone. */
export function likeEscape(text: string): string {
  return text.replace(/[%_\\]/g, "\\$&");
}
