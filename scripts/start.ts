// npm start: build when the build is missing or older than the sources, then serve.
// Migrations and the demo workspace run inside the server at start (instrumentation.ts).
import { spawnSync } from "node:child_process";
import { buildIfNeeded, nextBin } from "./build-if-needed";

buildIfNeeded();

const port = process.env.PORT ?? "3000";
console.log(`Claim Desk on http://localhost:${port}`);
const server = spawnSync(nextBin, ["start", "-p", port], { stdio: "inherit" });
process.exit(server.status ?? 0);
