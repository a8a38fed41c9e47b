import { headers } from "next/headers";

// One dynamic page: reading the request headers makes Next render it on every request, as the
// desk's pages are.
export default async function Page() {
  const agent = (await headers()).get("user-agent") ?? "unknown";
  return (
    <main>
      <h1>Minimal Next.js page</h1>
      <p>Rendered for {agent}.</p>
    </main>
  );
}
