// The 20 accounts of the benchmark database. Every one has BENCH_PASSWORD.
import type { Role } from "@/lib/review/model";

export const BENCH_PASSWORD = "bench-desk-password";

export type BenchAccount = { email: string; name: string; role: Role };

const NAMES: [string, Role][] = [
  ["Ana Martin", "editor"],
  ["Lucas Bernard", "editor"],
  ["Emma Thompson", "editor"],
  ["Hugo Petit", "editor"],
  ["Léa Moreau", "editor"],
  ["Omar Said", "editor"],
  ["Julia Novak", "editor"],
  ["Nathan Roux", "editor"],
  ["Chiara Romano", "editor"],
  ["Samuel Adeyemi", "editor"],
  ["Ben Okafor", "reviewer"],
  ["Camille Laurent", "reviewer"],
  ["David Cohen", "reviewer"],
  ["Manon Girard", "reviewer"],
  ["Priya Raman", "reviewer"],
  ["Thomas Müller", "reviewer"],
  ["Zoé Fontaine", "reviewer"],
  ["Chloé Dubois", "admin"],
  ["Marta Kowalska", "admin"],
  ["Youssef Amrani", "admin"],
];

function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".");
}

export const BENCH_ACCOUNTS: BenchAccount[] = NAMES.map(([name, role]) => ({
  email: `${slug(name)}@bench.example`,
  name,
  role,
}));

/** What bench-data leaves beside the database for the bench: where the interesting rows are. */
export type BenchManifest = {
  claims: number;
  articles: number;
  /** An article with exactly 50 claims in every stage (the article page run). */
  article50: number;
  /** An article with 200 approved claims (the Markdown export run). */
  article200: number;
  /** Signs in for the page runs and approves through the API. */
  reviewer: string;
  /** Approves in the throughput run; never rated a claim. */
  approver: string;
  password: string;
  searchQuery: string;
};

export function manifestPath(databasePath: string): string {
  return `${databasePath}.json`;
}
