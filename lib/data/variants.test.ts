import { beforeAll, describe, expect, it } from "vitest";
import { parseSearchParams } from "@/lib/validation/search";
import { claimInput, makeArticle, makeUser, refusal } from "@/test/data-helpers";
import { createClaim } from "./claims";
import { search } from "./search";
import { suggestSpeakerMerges } from "./speakers";
import { addNameVariant, getVariantTable, listAddedVariants, removeNameVariant } from "./variants";

type Person = Awaited<ReturnType<typeof makeUser>>;
let editor: Person;
let admin: Person;
let reviewer: Person;
const ids: Record<string, number> = {};

const BODY = [
  "Le président Zelenski affirme que 300 drones ont été abattus.",
  "À Kiev, les sirènes ont retenti toute la nuit selon la mairie.",
  "Moscou assure que ses forces avancent près de Pokrovsk.",
  "Le maire de Lviv annonce la réouverture des écoles.",
].join("\n\n");

async function claimIds(q: string): Promise<number[]> {
  const results = await search(parseSearchParams({ q, type: "claims" }));
  return results?.claims?.items.map((c) => c.id) ?? [];
}

beforeAll(async () => {
  editor = await makeUser("editor", "Ana Variants");
  reviewer = await makeUser("reviewer", "Ben Variants");
  admin = await makeUser("admin", "Chloé Variants");
  const article = await makeArticle(editor, BODY);
  const [a, b, c, d] = BODY.split("\n\n") as [string, string, string, string];
  ids.zelenski = (
    await createClaim({ actor: editor, input: claimInput(article.id, BODY, a, { speaker: "Zelenski" }) })
  ).id;
  ids.kiev = (
    await createClaim({ actor: editor, input: claimInput(article.id, BODY, b, { speaker: "la mairie" }) })
  ).id;
  // Moscow's claim, on which Kyiv kept silent; the Lviv claim has another silent party.
  ids.moscow = (
    await createClaim({
      actor: editor,
      input: claimInput(article.id, BODY, c, {
        speaker: "Moscou",
        verdict: "uncommented",
        silentParty: "Kyiv",
        verdictNote: "Pas de réaction ukrainienne.",
      }),
    })
  ).id;
  ids.lviv = (
    await createClaim({
      actor: editor,
      input: claimInput(article.id, BODY, d, {
        speaker: "Volodymyr Zelensky",
        verdict: "uncommented",
        silentParty: "la mairie de Lviv",
        verdictNote: "Kyiv n'a pas été interrogé.",
      }),
    })
  ).id;
});

describe("name variants in search", () => {
  it("finds a claim whichever spelling of a built-in name is typed", async () => {
    expect(await claimIds("Kyiv sirènes")).toEqual([ids.kiev]);
    expect(await claimIds("Zelensky drones")).toEqual([ids.zelenski]);
    expect(await claimIds("Zelenskyy")).toContain(ids.zelenski);
    expect(await claimIds("Moscow")).toEqual([ids.moscow]);
  });

  it("searches the silent parties, and reads “… did not comment” as a search of them alone", async () => {
    expect(await claimIds("Kyiv did not comment")).toEqual([ids.moscow]);
    expect(await claimIds("Kiev n'a pas commenté")).toEqual([ids.moscow]);
    expect(await claimIds("Kyiv declined to comment")).toEqual([ids.moscow]);
    // The Lviv claim names Kyiv in its note only: a search for Kyiv finds it, a silence search not.
    expect(await claimIds("Lviv did not respond")).toEqual([ids.lviv]);
    const results = await search(parseSearchParams({ q: "Kyiv did not comment" }));
    expect(results?.articles).toBeNull();
  });

  it("uses the variants the desk's admins add, and stops when they are removed", async () => {
    expect(await claimIds("Pokrowsk")).toEqual([]);
    const added = await addNameVariant({ actor: admin, input: { name: "Pokrowsk", preferred: "Pokrovsk" } });
    expect((await listAddedVariants()).map((v) => v.name)).toContain("Pokrowsk");
    expect(await claimIds("Pokrowsk")).toEqual([ids.moscow]);
    expect((await getVariantTable()).canonical("Pokrowsk")).toBe("Pokrovsk");
    await removeNameVariant({ actor: admin, input: { id: added.id } });
    expect(await claimIds("Pokrowsk")).toEqual([]);
  });
});

describe("name variants in speaker merging", () => {
  it("proposes spellings of one speaker's name together", async () => {
    const groups = (await suggestSpeakerMerges()).map((g) => g.map((s) => s.name).sort());
    expect(groups).toContainEqual(["Volodymyr Zelensky", "Zelenski"]);
  });
});

describe("changing the variants", () => {
  it("is for admins only, with a reason for each refusal", async () => {
    for (const actor of [editor, reviewer]) {
      const error = await refusal(addNameVariant({ actor, input: { name: "Kiyv", preferred: "Kyiv" } }));
      expect(error.code).toBe("forbidden");
      expect(error.details?.reason).toBe("variant_forbidden");
    }
    const same = await refusal(addNameVariant({ actor: admin, input: { name: "kyiv ", preferred: "Kyiv" } }));
    expect(same.details?.reason).toBe("variant_same");
    const known = await refusal(addNameVariant({ actor: admin, input: { name: "Kiev", preferred: "Kyiv" } }));
    expect(known.details?.reason).toBe("variant_known");
    const taken = await refusal(
      addNameVariant({ actor: admin, input: { name: "Moscou", preferred: "Kyiv" } }),
    );
    expect(taken.details?.reason).toBe("variant_taken");
    const empty = await refusal(addNameVariant({ actor: admin, input: { name: "", preferred: "Kyiv" } }));
    expect(empty.code).toBe("invalid_input");
    expect(empty.fieldErrors?.name).toEqual(["required"]);
    const gone = await refusal(removeNameVariant({ actor: admin, input: { id: 999_999 } }));
    expect(gone.details?.reason).toBe("variant_gone");
  });

  it("joins a name the table does not know into a new group, and one it knows into its group", async () => {
    const a = await addNameVariant({ actor: admin, input: { name: "Ouaga", preferred: "Ouagadougou" } });
    const b = await addNameVariant({ actor: admin, input: { name: "Kyjiw", preferred: "Kiev" } });
    const table = await getVariantTable();
    expect(table.same("Ouaga", "Ouagadougou")).toBe(true);
    expect(table.canonical("Kyjiw")).toBe("Kyiv");
    expect(await claimIds("Kyjiw sirènes")).toEqual([ids.kiev]);
    const duplicate = await refusal(
      addNameVariant({ actor: admin, input: { name: "kyjiw", preferred: "Kyiv" } }),
    );
    expect(duplicate.code).toBe("conflict");
    await removeNameVariant({ actor: admin, input: { id: a.id } });
    await removeNameVariant({ actor: admin, input: { id: b.id } });
  });
});
