import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The import-boundary rule of eslint.config.mjs, run by ESLint itself on small sources placed in
// each layer (the files need not exist: the path decides which rules apply).
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

describe("import boundaries", { timeout: 60_000 }, () => {
  it("refuses lib importing app or components", async () => {
    expect(
      await problems("lib/data/fixture.ts", `import { X } from "@/components/x";\nexport { X };\n`),
    ).toEqual([expect.stringContaining("lib must not import app or components")]);
    expect(
      await problems("lib/api/fixture.ts", `import { x } from "../../app/actions/x";\nexport { x };\n`),
    ).toHaveLength(1);
    expect(
      await problems("lib/data/fixture.ts", `import { getDb } from "@/db/client";\nexport { getDb };\n`),
    ).toEqual([]);
  });

  it("refuses the pure modules importing the database or Next.js", async () => {
    for (const [file, from] of [
      ["lib/export/fixture.ts", "@/db/client"],
      ["lib/review/fixture.ts", "next/headers"],
      ["lib/claims/fixture.ts", "@/lib/data/claims"],
      ["lib/export/fixture.ts", "drizzle-orm"],
      ["lib/export/fixture.ts", "../data/connection"],
    ] as const) {
      expect(
        await problems(file, `import { x } from "${from}";\nexport { x };\n`),
        `${file} ← ${from}`,
      ).toEqual([expect.stringContaining("are pure")]);
    }
    // Types leave nothing at run time.
    expect(
      await problems(
        "lib/export/fixture.ts",
        `import type { Claim } from "@/db/schema";\nexport type { Claim };\n`,
      ),
    ).toEqual([]);
    expect(await problems("lib/export/fixture.ts", `import { z } from "zod";\nexport { z };\n`)).toEqual([]);
  });

  it("refuses db importing lib, except the shared vocabulary", async () => {
    expect(
      await problems("db/fixture.ts", `import { AppError } from "@/lib/errors";\nexport { AppError };\n`),
    ).toHaveLength(1);
    expect(
      await problems("db/fixture.ts", `import { getEnv } from "../lib/env";\nexport { getEnv };\n`),
    ).toHaveLength(1);
    expect(
      await problems("db/fixture.ts", `import { ROLES } from "../lib/review/model";\nexport { ROLES };\n`),
    ).toEqual([]);
    expect(
      await problems("db/fixture.ts", `import { ROLES } from "@/lib/review/model";\nexport { ROLES };\n`),
    ).toEqual([]);
    expect(
      await problems("db/fixture.ts", `import { x } from "../lib/review/model-extra";\nexport { x };\n`),
    ).toHaveLength(1);
  });
});
