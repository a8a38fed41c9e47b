import { getTranslations } from "next-intl/server";
import type { JsonSchema } from "@/lib/api/openapi";
import { ERROR_TITLES } from "@/lib/errors";
import { fieldRows, refName, typeLabel, type FieldRow, type OperationEntry } from "@/lib/api/reference";
import { InlineText } from "./inline-text";
import { cn } from "./ui/cn";

const METHOD_STYLES: Record<string, string> = {
  GET: "bg-unrated-bg text-unrated",
  POST: "bg-confirmed-bg text-confirmed",
  PATCH: "bg-uncommented-bg text-uncommented",
  DELETE: "bg-disputed-bg text-disputed",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={cn(
        "inline-block w-16 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold",
        METHOD_STYLES[method] ?? "bg-slate-100",
      )}
    >
      {method}
    </span>
  );
}

function SchemaLink({ name }: { name: string }) {
  return (
    <a href={`#schema-${name}`} className="text-accent underline underline-offset-2 hover:no-underline">
      {name}
    </a>
  );
}

/** A type label with each component name in it linked to its object. */
function TypeText({ row }: { row: Pick<FieldRow, "type" | "ref"> }) {
  if (!row.ref) return <>{row.type}</>;
  const [before, ...after] = row.type.split(row.ref);
  return (
    <>
      {before}
      <SchemaLink name={row.ref} />
      {after.join(row.ref)}
    </>
  );
}

export async function FieldTable({ rows, caption }: { rows: FieldRow[]; caption: string }) {
  const t = await getTranslations("apiDocs");
  return (
    <div className="border-line overflow-x-auto rounded-md border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-line text-muted border-b bg-slate-50 text-xs">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("colName")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("colType")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("colDescription")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-line divide-y">
          {rows.map((row) => (
            <tr key={row.name} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap">
                <code className="font-mono text-[0.85em] font-semibold">{row.name}</code>
                <div className={cn("text-xs", row.required ? "text-disputed" : "text-muted")}>
                  {row.required ? t("required") : t("optional")}
                </div>
              </td>
              <td className="text-muted px-3 py-2 font-mono text-xs">
                <TypeText row={row} />
                {row.constraints.length > 0 ? <div>{row.constraints.join(", ")}</div> : null}
              </td>
              <td className="px-3 py-2">
                {row.description ? <InlineText text={row.description} /> : null}
                {row.defaultValue !== undefined ? (
                  <div className="text-muted text-xs">{t("default", { value: row.defaultValue })}</div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function OperationSection({
  entry,
  schemas,
}: {
  entry: OperationEntry;
  schemas: Record<string, JsonSchema>;
}) {
  const t = await getTranslations("apiDocs");
  const roles = await getTranslations("roles");
  const { method, path, operation } = entry;
  // The document ends each description with who may call it; the page shows that on its own line.
  const description = operation.description.split("\n\n").slice(0, -1).join("\n\n");
  const body = operation.requestBody?.content["application/json"]?.schema;
  const parameterRows: FieldRow[] = operation.parameters.map((p) => ({
    name: p.name,
    type: `${typeLabel(p.schema)} · ${p.in}`,
    required: p.required,
    description: p.description,
    defaultValue: "default" in p.schema ? JSON.stringify(p.schema.default) : undefined,
    constraints: [],
  }));
  return (
    <section
      id={operation.operationId}
      aria-labelledby={`${operation.operationId}-title`}
      className="border-line scroll-mt-6 space-y-4 rounded-lg border bg-white p-5"
    >
      <div className="space-y-1">
        <h3 id={`${operation.operationId}-title`} className="flex flex-wrap items-center gap-3">
          <MethodBadge method={method} />
          <code className="font-mono text-sm font-semibold">{path}</code>
          <span className="text-muted text-sm font-normal">{operation.summary}</span>
        </h3>
      </div>
      <p className="max-w-3xl text-sm leading-relaxed">
        <InlineText text={description} />
      </p>
      <p className="text-muted text-xs">
        {operation["x-roles"].length > 0
          ? `${t("roles")}: ${operation["x-roles"].map((r) => roles(r)).join(", ")}`
          : t("noToken")}
      </p>
      {parameterRows.length > 0 ? (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold">{t("parameters")}</h4>
          <FieldTable rows={parameterRows} caption={`${t("parameters")}: ${method} ${path}`} />
        </div>
      ) : null}
      {body ? (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold">
            {t("requestBody")}
            {operation.requestBody?.required ? null : (
              <span className="text-muted ml-2 font-normal">({t("optionalBody")})</span>
            )}
          </h4>
          <FieldTable rows={fieldRows(body, schemas)} caption={`${t("requestBody")}: ${method} ${path}`} />
        </div>
      ) : null}
      <div className="space-y-2">
        <h4 className="text-sm font-semibold">{t("responses")}</h4>
        <ul className="space-y-1 text-sm">
          {Object.entries(operation.responses).map(([status, response]) => {
            const schema = response.content?.["application/json"]?.schema;
            const files = Object.keys(response.content ?? {}).filter(
              (type) => !type.endsWith("json") || !response.content?.[type]?.schema.$ref,
            );
            const name = schema ? refName(schema) : undefined;
            const codes = response["x-problem-codes"];
            return (
              <li key={status} className="flex gap-3">
                <span
                  className={cn(
                    "w-10 shrink-0 font-mono text-xs leading-5 font-semibold",
                    status.startsWith("2") ? "text-confirmed" : "text-disputed",
                  )}
                >
                  {status}
                </span>
                <span>
                  {codes ? (
                    codes.map((code, i) => (
                      <span key={code}>
                        {i > 0 ? "; " : null}
                        <a
                          href={`#problem-${code}`}
                          className="text-accent underline underline-offset-2 hover:no-underline"
                        >
                          <code className="font-mono text-[0.85em]">{code}</code>
                        </a>{" "}
                        <span className="text-muted">{ERROR_TITLES[code]}</span>
                      </span>
                    ))
                  ) : (
                    <>
                      {response.description}
                      {name ? (
                        <>
                          {" "}
                          → <SchemaLink name={name} />
                        </>
                      ) : null}
                      {files.length > 0 && !name ? (
                        <span className="text-muted font-mono text-xs"> {files.join(", ")}</span>
                      ) : null}
                    </>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
