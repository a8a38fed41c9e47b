// Each database keeps the desk's statements prepared: SQLite's handle caches them by text
// (db/client.ts), and each PostgreSQL connection of the pool prepares a parameterised text once under
// a name derived from it (db/client-pg.ts), so that a page's reads are bound and executed, not parsed
// and planned again on every request.
import { describe, expect, it } from "vitest";
import type { PgDb } from "@/db/client-pg";
import type { Db } from "@/db/client";
import { testDatabase } from "@/test/temp-db";
import { getDb } from "./connection";

describe("prepared statements", () => {
  it("prepares a parameterised text once per connection and answers each call with its own values", async () => {
    if (testDatabase() === "sqlite") {
      const sqlite = (getDb() as unknown as Db).$client;
      const first = sqlite.prepare("SELECT ? + 1 AS n");
      expect(first.get(1)).toEqual({ n: 2 });
      const again = sqlite.prepare("SELECT ? + 1 AS n");
      expect(again).toBe(first);
      expect(again.get(41)).toEqual({ n: 42 });
      return;
    }
    const pool = (getDb() as unknown as PgDb).$client;
    const client = await pool.connect();
    try {
      const text = "SELECT $1::int + 1 AS n";
      const kept = "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1";
      expect((await client.query(text, [1])).rows).toEqual([{ n: 2 }]);
      expect((await client.query(text, [41])).rows).toEqual([{ n: 42 }]);
      expect((await client.query(kept, [text])).rows).toEqual([{ n: 1 }]);
      // Without parameters a text goes as a simple query, as before (it may hold several statements).
      await client.query("SELECT 1 AS one; SELECT 2 AS two");
      expect((await client.query(kept, ["SELECT 1 AS one; SELECT 2 AS two"])).rows).toEqual([{ n: 0 }]);
    } finally {
      client.release();
    }
  });
});
