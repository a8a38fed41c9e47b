import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FieldTable, MethodBadge, OperationSection } from "@/components/api-reference";
import { InlineText } from "@/components/inline-text";
import { buildOpenApiDocument, PROBLEM_CODES } from "@/lib/api/openapi";
import { fieldRows, operationsByTag, requestSchemaNames } from "@/lib/api/reference";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_APP_URL, requestOrigin } from "@/lib/app-url";
import { getEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

/** Where this desk answers, as the browser reached it (falls back to APP_URL). */
async function origin(): Promise<string> {
  return requestOrigin(await headers()) ?? getEnv().APP_URL ?? DEFAULT_APP_URL;
}

export default async function ApiReferencePage() {
  await requireUser();
  const t = await getTranslations("apiDocs");
  const doc = buildOpenApiDocument();
  const schemas = doc.components.schemas;
  const groups = operationsByTag(doc);
  const requestSchemas = requestSchemaNames(doc);
  const base = `${await origin()}${doc.servers[0]?.url ?? "/api/v1"}`;
  // The document's conventions, less its opening line and the token paragraph the section above translates.
  const conventions = doc.info.description
    .split("\n\n")
    .slice(1)
    .filter((paragraph) => !paragraph.startsWith("**Tokens.**"));

  return (
    <div className="max-w-5xl space-y-10">
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted max-w-3xl text-sm">{t("intro")}</p>
        <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted">{t("baseUrl")}</dt>
          <dd>
            <code className="font-mono" data-testid="api-base-url">
              {base}
            </code>
          </dd>
          <dt className="text-muted">{t("document")}</dt>
          <dd>
            <a
              href="/api/v1/openapi.json"
              className="text-accent font-mono underline underline-offset-2 hover:no-underline"
            >
              /api/v1/openapi.json
            </a>{" "}
            <span className="text-muted">(OpenAPI {doc.openapi})</span>
          </dd>
        </dl>
      </div>

      <section aria-labelledby="auth" className="border-line space-y-3 rounded-lg border bg-white p-5">
        <h2 id="auth" className="text-lg font-medium">
          {t("authTitle")}
        </h2>
        <p className="max-w-3xl text-sm">
          {t("authText")}{" "}
          <Link
            href="/settings/tokens"
            className="text-accent underline underline-offset-2 hover:no-underline"
          >
            {t("tokensLink")}
          </Link>
        </p>
        <p className="text-muted text-xs font-medium">{t("example")}</p>
        <pre className="bg-ink overflow-x-auto rounded-md p-3 font-mono text-xs text-white">
          {`curl -H "Authorization: Bearer $CLAIM_DESK_TOKEN" \\\n  "${base}/articles?limit=5"`}
        </pre>
        <div className="max-w-3xl space-y-2 pt-2 text-sm leading-relaxed">
          {conventions.map((paragraph) => (
            <p key={paragraph.slice(0, 24)}>
              <InlineText text={paragraph} />
            </p>
          ))}
        </div>
      </section>

      <nav aria-labelledby="contents" className="space-y-3">
        <h2 id="contents" className="text-lg font-medium">
          {t("contents")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {groups.map((group) => (
            <div key={group.tag} className="space-y-1">
              <h3 className="text-muted text-xs font-semibold tracking-wide uppercase">{group.tag}</h3>
              <ul className="space-y-1 text-sm">
                {group.entries.map(({ method, path, operation }) => (
                  <li key={operation.operationId}>
                    <a href={`#${operation.operationId}`} className="group flex items-center gap-2">
                      <MethodBadge method={method} />
                      <code className="font-mono text-xs group-hover:underline">{path}</code>
                      <span className="text-muted truncate text-xs">{operation.summary}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </nav>

      {groups.map((group) => (
        <section key={group.tag} aria-labelledby={`tag-${group.tag}`} className="space-y-4">
          <div>
            <h2 id={`tag-${group.tag}`} className="text-lg font-medium">
              {group.tag}
            </h2>
            <p className="text-muted text-sm">{group.description}</p>
          </div>
          {group.entries.map((entry) => (
            <OperationSection key={entry.operation.operationId} entry={entry} schemas={schemas} />
          ))}
        </section>
      ))}

      <section aria-labelledby="objects" className="space-y-4">
        <h2 id="objects" className="text-lg font-medium">
          {t("schemasTitle")}
        </h2>
        {Object.entries(schemas)
          .filter(([name]) => !requestSchemas.has(name))
          .map(([name, schema]) => (
            <div key={name} id={`schema-${name}`} className="scroll-mt-6 space-y-2">
              <h3 className="font-mono text-sm font-semibold">{name}</h3>
              {typeof schema.description === "string" ? (
                <p className="text-muted text-sm">{schema.description}</p>
              ) : null}
              <FieldTable rows={fieldRows(schema, schemas)} caption={name} />
            </div>
          ))}
      </section>

      <section aria-labelledby="problems" className="space-y-3">
        <h2 id="problems" className="text-lg font-medium">
          {t("problemsTitle")}
        </h2>
        <p className="text-muted max-w-3xl text-sm">{t("problemsText")}</p>
        <div className="border-line overflow-x-auto rounded-md border bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("problemsTitle")}</caption>
            <thead className="border-line text-muted border-b bg-slate-50 text-xs">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("colStatus")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("colCode")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("colTitle")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-line divide-y">
              {[...PROBLEM_CODES]
                .sort((a, b) => a.status - b.status)
                .map((problem) => (
                  <tr
                    key={problem.code}
                    id={`problem-${problem.code}`}
                    className="scroll-mt-6 target:bg-amber-50"
                  >
                    <td className="px-3 py-2 font-mono text-xs">{problem.status}</td>
                    <td className="px-3 py-2">
                      <code className="font-mono text-xs">{problem.code}</code>
                    </td>
                    <td className="px-3 py-2">{problem.title}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
