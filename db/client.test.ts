import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";

describe("openDatabase's statement cache", () => {
  it("prepares a SQL text once", () => {
    const db = openDatabase(":memory:");
    expect(db.$client.prepare("SELECT 1 AS n")).toBe(db.$client.prepare("SELECT 1 AS n"));
    expect(db.$client.prepare("SELECT 2 AS n")).not.toBe(db.$client.prepare("SELECT 1 AS n"));
    db.$client.close();
  });

  it("hands a statement back in its default mode, whatever the last caller switched on", () => {
    const db = openDatabase(":memory:");
    expect(db.$client.prepare("SELECT 1 AS n").raw().get()).toEqual([1]);
    expect(db.$client.prepare("SELECT 1 AS n").get()).toEqual({ n: 1 });
    expect(db.$client.prepare("SELECT 1 AS n").pluck().get()).toBe(1);
    expect(db.$client.prepare("SELECT 1 AS n").get()).toEqual({ n: 1 });
    db.$client.close();
  });

  it("prepares a fresh statement while the cached one is still being iterated", () => {
    const db = openDatabase(":memory:");
    const sql = "SELECT value FROM json_each('[1,2,3]')";
    const seen: number[] = [];
    for (const row of db.$client.prepare(sql).iterate() as IterableIterator<{ value: number }>) {
      const inner = db.$client.prepare(sql).all() as { value: number }[];
      seen.push(row.value * 10 + inner.length);
    }
    expect(seen).toEqual([13, 23, 33]);
    db.$client.close();
  });
});
