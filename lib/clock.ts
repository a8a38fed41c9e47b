import fs from "node:fs";
import { getEnv } from "@/lib/env";

// The time the desk goes by for deadlines (right of reply: waiting or overdue). Data-layer
// functions take `now` from their callers, who ask this module; tests pass their own `now`, and an
// end-to-end test moves a running server's clock with CLOCK_OFFSET_FILE (lib/env.ts) instead of
// sleeping.

/** The current time, plus the offset in CLOCK_OFFSET_FILE when that variable is set. */
export function now(): Date {
  const file = getEnv().CLOCK_OFFSET_FILE;
  if (!file) return new Date();
  let offset = 0;
  try {
    offset = Number(fs.readFileSync(file, "utf8").trim()) || 0;
  } catch {
    offset = 0;
  }
  return new Date(Date.now() + offset);
}
