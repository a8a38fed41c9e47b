import type { ReactNode } from "react";

// The framework's own cost: a root layout and nothing else (see scripts/bench.ts).
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
