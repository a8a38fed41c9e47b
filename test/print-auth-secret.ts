// Prints the desk's session secret as a starting server gets it (lib/auth/secret.test.ts runs
// several of these at once).
import { ensureAuthSecret } from "@/lib/auth/secret";

console.log(ensureAuthSecret());
