// npm run bench:data -- --claims 100000 [--articles N] [--out FILE] [--seed N]
//
// Builds a newsroom-sized database for the benchmark: about one article per 20 claims, French and
// English, claims in every stage and verdict with valid spans, their history and sources, and 20
// accounts. The real migrations run first (so triggers and full-text tables stay in sync), then
// everything is written in ONE transaction with prepared statements. better-sqlite3 is used
// directly: this is a data generator, not app code, and going through lib/data would take hours.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import { normaliseBody } from "@/lib/text/normalise";
import {
  BENCH_ACCOUNTS,
  BENCH_PASSWORD,
  manifestPath,
  type BenchAccount,
  type BenchManifest,
} from "./bench/accounts";
import { OUTLETS, between, createRng, generateArticle, pick, type Lang, type Rng } from "./bench/text";

const HELP = `Build a benchmark database.

  npm run bench:data -- [--claims 100000] [--articles N] [--out bench/data/bench.db] [--seed 1]

--articles defaults to claims / 20. An existing file at --out is replaced.
`;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Stage = "draft" | "in_review" | "approved";
type Verdict = "unrated" | "confirmed" | "disputed" | "uncommented";

type Account = BenchAccount & { id: number };

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      claims: { type: "string", default: "100000" },
      articles: { type: "string" },
      out: { type: "string", default: "bench/data/bench.db" },
      seed: { type: "string", default: "1" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const claims = Number(values.claims);
  if (!Number.isInteger(claims) || claims < 500)
    throw new Error("--claims must be an integer of at least 500");
  const articles = values.articles === undefined ? Math.round(claims / 20) : Number(values.articles);
  if (!Number.isInteger(articles) || articles < 3)
    throw new Error("--articles must be an integer of at least 3");
  return { claims, articles, out: values.out, seed: Number(values.seed) || 1 };
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", ".json"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** How many claims each article gets: varied, summing to `total`. */
function spread(rng: Rng, total: number, count: number): number[] {
  const weights = Array.from({ length: count }, () => (rng() < 0.03 ? 0 : 0.2 + rng() * rng() * 3));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  while (rest > 0) {
    const i = Math.floor(rng() * count);
    if (weights[i]! > 0) {
      counts[i]!++;
      rest--;
    }
  }
  return counts;
}

function stageFor(rng: Rng, age: number): Stage {
  // Older articles are mostly verified; the last months hold the drafts and the queue.
  const r = rng();
  if (age < 0.6) return r < 0.85 ? "approved" : r < 0.93 ? "in_review" : "draft";
  return r < 0.1 ? "approved" : r < 0.6 ? "in_review" : "draft";
}

function verdictFor(rng: Rng): Exclude<Verdict, "unrated"> {
  const r = rng();
  return r < 0.5 ? "confirmed" : r < 0.8 ? "disputed" : "uncommented";
}

const NOTES = {
  fr: {
    confirmed: [
      "Chiffre confirmé par le communiqué officiel.",
      "Confirmé par deux sources indépendantes.",
      "Conforme aux données publiées par l'Insee.",
    ],
    disputed: [
      "La préfecture avance un chiffre nettement inférieur.",
      "Démenti par la direction dans un communiqué.",
      "Les données publiques ne permettent pas d'établir ce chiffre.",
    ],
    uncommented: ["Sollicité à deux reprises, sans réponse.", "Aucune réaction à l'heure de la publication."],
  },
  en: {
    confirmed: [
      "Figure confirmed by the official statement.",
      "Confirmed by two independent sources.",
      "Matches the published statistics.",
    ],
    disputed: [
      "The prefecture gives a much lower figure.",
      "Denied by the management in a statement.",
      "Public data do not support this figure.",
    ],
    uncommented: ["Asked twice, no answer.", "No response at the time of publication."],
  },
} as const;

const RETURN_NOTES = [
  "Le verdict ne tient pas : la source citée date de l'an dernier.",
  "Please add the primary source for this figure.",
  "La formulation reprend l'interprétation du porte-parole, pas le fait.",
  "Which party did not comment? Name it.",
];

const SILENT = {
  fr: ["Kyiv", "Le Kremlin", "Le ministère des Transports", "La direction", "La préfecture", "L'armée"],
  en: ["Kyiv", "The Kremlin", "The transport ministry", "The management", "The Home Office", "The army"],
} as const;

const SOURCE_SITES = [
  ["https://www.insee.fr/fr/statistiques/", "Insee — statistiques"],
  ["https://www.gouvernement.fr/communique/", "Communiqué du gouvernement"],
  ["https://ec.europa.eu/commission/presscorner/detail/", "European Commission press corner"],
  ["https://www.who.int/news/item/", "WHO news"],
  ["https://www.ons.gov.uk/releases/", "Office for National Statistics"],
  ["https://data.example-ministry.org/datasets/", "Ministry open data"],
] as const;

async function main(): Promise<void> {
  const opts = options();
  const started = performance.now();
  const rng = createRng(opts.seed);
  const out = path.resolve(opts.out);
  removeDatabase(out);

  const db = openDatabase(out);
  migrateDatabase(db);
  const sqlite = db.$client;
  // A fresh file that is thrown away on failure: no journal and no fsync while loading, a big
  // page cache for the index builds, then back to the app's WAL mode.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  const insertUser = sqlite.prepare(
    "INSERT INTO users (email, name, role, password_hash, locale, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const insertArticle = sqlite.prepare(
    `INSERT INTO articles (id, title, outlet, url, language, published_at, body, created_by_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertClaim = sqlite.prepare(
    `INSERT INTO claims (id, article_id, start, "end", quote, statement, speaker, verdict, verdict_note, silent_party,
       stage, version, rated_by_id, rated_at, submitted_by_id, submitted_at, approved_by_id, approved_at,
       return_note, returned_by_id, returned_at, created_by_id, created_at, updated_by_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSource = sqlite.prepare(
    "INSERT INTO claim_sources (claim_id, position, url, title) VALUES (?, ?, ?, ?)",
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO claim_events (claim_id, article_id, actor_id, type, before, after, note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const now = Date.now();
  const span = 3 * 365 * DAY;
  const counts = {
    articles: 0,
    claims: 0,
    events: 0,
    sources: 0,
    stages: { draft: 0, in_review: 0, approved: 0 },
  };
  let article50 = 0;
  let article200 = 0;

  sqlite.transaction(() => {
    const accounts: Account[] = BENCH_ACCOUNTS.map((a, i) => {
      const info = insertUser.run(
        a.email,
        a.name,
        a.role,
        passwordHash,
        i % 3 === 0 ? "en" : "fr",
        now - span - DAY,
      );
      return { ...a, id: Number(info.lastInsertRowid) };
    });
    const editors = accounts.filter((a) => a.role === "editor");
    // The last reviewer never rates: the approval run acts as this account (four eyes always hold).
    const approver = accounts.filter((a) => a.role === "reviewer").at(-1)!;
    const reviewers = accounts.filter((a) => a.role !== "editor" && a.id !== approver.id);
    const raters = [...editors, ...editors, ...reviewers];
    const deciders = [...reviewers, approver];

    const regular = opts.articles - 2;
    const perArticle = spread(rng, opts.claims - 250, regular);
    // The two special articles are among the most recent; the 200-claim one is fully verified.
    const plan = [...perArticle.map((n) => ({ claims: n, special: 0 }))];
    plan.splice(regular - 7, 0, { claims: 200, special: 200 });
    plan.splice(regular - 3, 0, { claims: 50, special: 50 });

    let claimId = 0;
    plan.forEach((entry, index) => {
      const id = index + 1;
      const age = index / plan.length;
      const lang: Lang = rng() < 0.6 ? "fr" : "en";
      const sentenceCount = Math.max(12, entry.claims + between(rng, 6, 20));
      const generated = generateArticle(rng, lang, sentenceCount, entry.claims);
      if (normaliseBody(generated.body) !== generated.body)
        throw new Error(`article ${id}: body not normalised`);
      const createdAt = now - 3 * DAY - Math.round((1 - age) * span) + between(rng, 0, 6 * HOUR);
      const creator = pick(rng, editors);
      const outlet = pick(rng, OUTLETS);
      insertArticle.run(
        id,
        generated.title,
        outlet,
        `https://news.example/${lang}/${new Date(createdAt).toISOString().slice(0, 10)}/${id}`,
        lang,
        new Date(createdAt - between(rng, 0, 12) * HOUR).toISOString().slice(0, 10),
        generated.body,
        creator.id,
        createdAt,
        createdAt,
      );
      counts.articles++;
      if (entry.special === 50) article50 = id;
      if (entry.special === 200) article200 = id;

      const claimSentences = generated.sentences.filter((s) => s.statement !== null).slice(0, entry.claims);
      claimSentences.forEach((s, k) => {
        claimId++;
        let stage: Stage;
        if (entry.special === 200) stage = "approved";
        else if (entry.special === 50) stage = k % 3 === 0 ? "approved" : k % 3 === 1 ? "in_review" : "draft";
        else stage = stageFor(rng, age);
        counts.stages[stage]++;
        const verdict: Verdict = stage === "draft" && rng() < 0.5 ? "unrated" : verdictFor(rng);
        const notes = NOTES[lang];
        const verdictNote =
          verdict === "unrated" || rng() < 0.4 ? null : pick(rng, notes[verdict as keyof typeof notes]);
        const silentParty = verdict === "uncommented" ? pick(rng, SILENT[lang]) : null;
        const creatorId = rng() < 0.7 ? creator.id : pick(rng, editors).id;
        const raterId = rng() < 0.8 ? creatorId : pick(rng, raters).id;
        const returned =
          stage !== "approved" && verdict !== "unrated" && rng() < (stage === "draft" ? 0.4 : 0.1);
        // Sub-span on a few claims: the quote starts after the attribution ("…said that …").
        let start = s.start;
        const cut = s.text.search(/ (que|that) /);
        if (cut > 0 && rng() < 0.15) start = s.start + cut + (s.text[cut + 1] === "q" ? 5 : 6);
        const end = s.end;
        const quote = generated.body.slice(start, end);

        const sources: { url: string; title: string | null }[] = [];
        const sourceCount =
          verdict === "unrated" ? 0 : verdict === "uncommented" ? between(rng, 0, 1) : between(rng, 1, 3);
        for (let p = 0; p < sourceCount; p++) {
          const [site, title] = pick(rng, SOURCE_SITES);
          sources.push({ url: `${site}${claimId}-${p + 1}`, title: rng() < 0.8 ? title : null });
        }

        // History, in order: created (with or without a verdict), rated, submitted, returned, …
        const events: {
          actor: number;
          type: string;
          before: unknown;
          after: unknown;
          note: string | null;
          at: number;
        }[] = [];
        let t = createdAt + between(rng, 5, 180) * MINUTE;
        const createdWithVerdict = verdict !== "unrated" && raterId === creatorId && rng() < 0.5;
        // A claim returned and resubmitted was first worded as its quote, then reworded.
        const reworded = returned && stage === "in_review";
        const snapshot = (v: Verdict) => ({
          statement: reworded ? quote : s.statement,
          quote,
          start,
          end,
          speaker: s.speaker,
          verdict: v,
          verdictNote: v === "unrated" ? null : verdictNote,
          silentParty: v === "uncommented" ? silentParty : null,
          sources,
        });
        const createdAtClaim = t;
        events.push({
          actor: creatorId,
          type: "created",
          before: null,
          after: snapshot(createdWithVerdict ? verdict : "unrated"),
          note: null,
          at: t,
        });
        let ratedAt: number | null = createdWithVerdict ? t : null;
        if (verdict !== "unrated" && !createdWithVerdict) {
          t += between(rng, 1, 90) * MINUTE;
          ratedAt = t;
          events.push({
            actor: raterId,
            type: "rated",
            before: { verdict: "unrated" },
            after: {
              verdict,
              ...(verdictNote ? { verdictNote } : {}),
              ...(silentParty ? { silentParty } : {}),
            },
            note: null,
            at: t,
          });
        }
        let submittedAt: number | null = null;
        let returnedBy: number | null = null;
        let returnedAt: number | null = null;
        let returnNote: string | null = null;
        if (stage !== "draft" || returned) {
          t += between(rng, 1, 120) * MINUTE;
          submittedAt = t;
          events.push({
            actor: raterId,
            type: "submitted",
            before: { stage: "draft" },
            after: { stage: "in_review" },
            note: null,
            at: t,
          });
        }
        if (returned) {
          t += between(rng, 10, 600) * MINUTE;
          returnedBy = pick(
            rng,
            deciders.filter((d) => d.id !== raterId),
          ).id;
          returnedAt = t;
          returnNote = pick(rng, RETURN_NOTES);
          events.push({
            actor: returnedBy,
            type: "returned",
            before: { stage: "in_review" },
            after: { stage: "draft" },
            note: returnNote,
            at: t,
          });
          if (stage === "in_review") {
            t += between(rng, 10, 300) * MINUTE;
            events.push({
              actor: raterId,
              type: "edited",
              before: { statement: quote },
              after: { statement: s.statement },
              note: null,
              at: t,
            });
            t += between(rng, 1, 60) * MINUTE;
            submittedAt = t;
            events.push({
              actor: raterId,
              type: "submitted",
              before: { stage: "draft" },
              after: { stage: "in_review" },
              note: null,
              at: t,
            });
          }
        }
        let approvedBy: number | null = null;
        let approvedAt: number | null = null;
        if (stage === "approved") {
          t += between(rng, 10, 48 * 60) * MINUTE;
          approvedBy = pick(
            rng,
            deciders.filter((d) => d.id !== raterId),
          ).id;
          approvedAt = t;
          events.push({
            actor: approvedBy,
            type: "approved",
            before: { stage: "in_review" },
            after: { stage: "approved" },
            note: null,
            at: t,
          });
        }
        const last = events.at(-1)!;
        insertClaim.run(
          claimId,
          id,
          start,
          end,
          quote,
          s.statement,
          s.speaker,
          verdict,
          verdict === "unrated" ? null : verdictNote,
          silentParty,
          stage,
          events.length,
          verdict === "unrated" ? null : raterId,
          ratedAt,
          submittedAt === null ? null : raterId,
          submittedAt,
          approvedBy,
          approvedAt,
          returnNote,
          returnedBy,
          returnedAt,
          creatorId,
          createdAtClaim,
          last.actor,
          last.at,
        );
        counts.claims++;
        sources.forEach((src, position) => {
          insertSource.run(claimId, position, src.url, src.title);
          counts.sources++;
        });
        for (const e of events) {
          insertEvent.run(
            claimId,
            id,
            e.actor,
            e.type,
            e.before === null ? null : JSON.stringify(e.before),
            JSON.stringify(e.after),
            e.note,
            e.at,
          );
          counts.events++;
        }
      });
      if (claimSentences.length !== entry.claims)
        throw new Error(`article ${id}: not enough claim sentences`);
    });
  })();
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();

  const reviewer = BENCH_ACCOUNTS.find((a) => a.role === "reviewer")!;
  const approver = BENCH_ACCOUNTS.filter((a) => a.role === "reviewer").at(-1)!;
  const manifest: BenchManifest = {
    claims: counts.claims,
    articles: counts.articles,
    article50,
    article200,
    reviewer: reviewer.email,
    approver: approver.email,
    password: BENCH_PASSWORD,
    searchQuery: "évacuées Marseille",
  };
  fs.writeFileSync(manifestPath(out), `${JSON.stringify(manifest, null, 2)}\n`);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const size = (fs.statSync(out).size / 1024 / 1024).toFixed(0);
  console.log(
    [
      `Built ${path.relative(process.cwd(), out)} (${size} MB) in ${seconds} s:`,
      `  ${counts.articles} articles, ${counts.claims} claims (${counts.stages.draft} draft, ${counts.stages.in_review} in review, ${counts.stages.approved} approved),`,
      `  ${counts.events} claim events, ${counts.sources} sources, ${BENCH_ACCOUNTS.length} accounts.`,
      `  Article with 50 claims: /articles/${article50}; with 200 approved claims: /articles/${article200}.`,
      `Accounts (password for all: ${BENCH_PASSWORD}):`,
      ...BENCH_ACCOUNTS.map((a) => `  ${a.role.padEnd(9)} ${a.email}`),
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
