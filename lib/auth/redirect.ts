/** Only same-site paths are followed after sign-in: never an open redirect. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return "/articles";
  }
  if (value.startsWith("/sign-in") || value.startsWith("/api/")) return "/articles";
  return value;
}
