// Route handlers read the session through next-auth's auth(), which needs a Next request. Their
// tests mock that one function (never the database), with this line at the top of the file:
//   vi.mock("@/lib/auth/config", () => ({ auth: vi.fn(async () => null) }));
// and say who is signed in with signInAs.
import { vi } from "vitest";
import type { Role } from "@/lib/review/model";

export async function signInAs(user: { id: number; role: Role; name: string } | null): Promise<void> {
  const { auth } = await import("@/lib/auth/config");
  const session = user
    ? { user: { uid: user.id, role: user.role, name: user.name, email: "", locale: null }, expires: "" }
    : null;
  vi.mocked(auth as unknown as () => Promise<typeof session>).mockResolvedValue(session);
}
