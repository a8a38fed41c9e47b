import { eq } from "drizzle-orm";
import { claims } from "@/db/schema";
import { countRows, getDb } from "./connection";

export async function countQueue(): Promise<number> {
  return countRows(getDb(), claims, eq(claims.stage, "in_review"));
}
