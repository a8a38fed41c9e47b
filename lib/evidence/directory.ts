// Where the evidence files live: DESK_FILES_DIR, else "files" beside the SQLite database
// (data/files). No server-only import: the backup and restore scripts read it too.
import path from "node:path";
import { dataDirectory, getEnv } from "@/lib/env";

export function evidenceDirectory(): string {
  return path.resolve(getEnv().DESK_FILES_DIR ?? path.join(dataDirectory(), "files"));
}
