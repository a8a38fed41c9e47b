import { getFormatter, getTranslations } from "next-intl/server";
import type { TokenView } from "@/lib/data/tokens";
import { TokenRevokeButton } from "./token-revoke-button";
import { bidiSafe } from "@/lib/text/bidi";

export async function TokenTable({
  tokens,
  showOwner,
  caption,
  now,
}: {
  tokens: TokenView[];
  showOwner: boolean;
  caption: string;
  now: Date;
}) {
  const t = await getTranslations("apiTokens");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="border-line overflow-x-auto rounded-lg border bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-line text-muted border-b bg-slate-50 text-xs tracking-wide uppercase">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap">
              {t("colName")}
            </th>
            {showOwner ? (
              <th scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap">
                {t("colOwner")}
              </th>
            ) : null}
            <th scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap max-md:hidden">
              {t("colToken")}
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap max-md:hidden">
              {t("colCreated")}
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap">
              {t("colLastUsed")}
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap">
              {t("colStatus")}
            </th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium whitespace-nowrap">
              <span className="sr-only">{t("colActions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-line divide-y">
          {tokens.map((token) => (
            <tr key={token.id} className={token.revokedAt ? "text-muted" : undefined} data-testid="token-row">
              <td className="text-ink px-4 py-3 font-medium">{bidiSafe(token.name)}</td>
              {showOwner ? (
                <td className="px-4 py-3">
                  <div>{bidiSafe(token.owner.name)}</div>
                  <div className="text-muted text-xs">{token.owner.email}</div>
                </td>
              ) : null}
              <td className="px-4 py-3 max-md:hidden">
                <code className="text-muted rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                  {token.prefix}_…
                </code>
              </td>
              <td className="text-muted px-4 py-3 whitespace-nowrap max-md:hidden">
                {when(token.createdAt)}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {token.lastUsedAt ? (
                  <time dateTime={token.lastUsedAt.toISOString()} title={when(token.lastUsedAt)}>
                    {format.relativeTime(token.lastUsedAt, now)}
                  </time>
                ) : (
                  <span className="text-muted">{t("never")}</span>
                )}
              </td>
              <td className="px-4 py-3">
                {token.revokedAt ? (
                  <span className="text-muted text-xs">
                    {t("revokedOn", { date: when(token.revokedAt) })}
                  </span>
                ) : !token.owner.active ? (
                  <span className="bg-uncommented-bg text-uncommented rounded-full px-2 py-0.5 text-xs font-medium">
                    {t("ownerDeactivated")}
                  </span>
                ) : (
                  <span className="bg-confirmed-bg text-confirmed rounded-full px-2 py-0.5 text-xs font-medium">
                    {t("active")}
                  </span>
                )}
              </td>
              <td className="px-4 py-3 text-right">
                {token.revokedAt ? null : <TokenRevokeButton id={token.id} name={bidiSafe(token.name)} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
