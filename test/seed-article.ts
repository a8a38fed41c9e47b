import fs from "node:fs";
import path from "node:path";

/** The shared French seed article, for tests only: read from the shared folder, never copied into the project. */
export const SEED_ARTICLE_PATH = path.resolve(process.cwd(), "../shared/fixtures/seed-article-fr.txt");

export function readSeedArticle(): string {
  return fs.readFileSync(SEED_ARTICLE_PATH, "utf8");
}
