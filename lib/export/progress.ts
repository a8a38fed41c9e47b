// Progress of a bulk export download in the browser: no dependency on the formatters.
import type { BulkFormat } from "./format-names";

/**
 * Counts the records of a bulk export as its text arrives, for a progress bar: JSON lines
 * (articles) or CSV records (claims, header excluded). Line breaks inside quoted CSV fields are
 * not record ends; a doubled quote toggles the state twice and so changes nothing.
 */
export function createRecordCounter(format: BulkFormat): {
  push(text: string): number;
  readonly count: number;
} {
  let records = 0;
  let quoted = false;
  const count = () => (format === "csv" ? Math.max(0, records - 1) : records);
  return {
    push(text: string) {
      if (format === "jsonl") {
        for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) records += 1;
      } else {
        for (let i = 0; i < text.length; i += 1) {
          const char = text.charCodeAt(i);
          if (char === 34) quoted = !quoted;
          else if (char === 10 && !quoted) records += 1;
        }
      }
      return count();
    },
    get count() {
      return count();
    },
  };
}
