// The bench's profile summary counts only the samples inside the measured windows, so a short run's
// shares are not the server's start-up's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyseProfile, monotonicUs } from "./profile";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A profile with a root, one React DOM frame and one proxy frame, sampled at the given times. */
function writeProfile(samples: { at: number; node: 2 | 3 }[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "desk-profile-"));
  dirs.push(dir);
  const frame = (functionName: string, url: string) => ({
    functionName,
    url,
    lineNumber: 0,
    columnNumber: 0,
  });
  const startTime = 1_000_000;
  let last = startTime;
  const profile = {
    nodes: [
      { id: 1, callFrame: frame("(root)", ""), children: [2, 3] },
      { id: 2, callFrame: frame("renderToHTML", "node_modules/react-dom/server.js") },
      { id: 3, callFrame: frame("proxy", "proxy.ts") },
    ],
    startTime,
    endTime: samples.at(-1)!.at,
    samples: samples.map((s) => s.node),
    timeDeltas: samples.map((s) => {
      const delta = s.at - last;
      last = s.at;
      return delta;
    }),
  };
  const file = path.join(dir, "run.cpuprofile");
  fs.writeFileSync(file, JSON.stringify(profile));
  return file;
}

describe("analyseProfile", () => {
  // Start-up: proxy.ts 5 ms of samples; then the measured window: React DOM 3 ms; then proxy again.
  const samples = [
    ...[1, 2, 3, 4, 5].map((ms) => ({ at: 1_000_000 + ms * 1000, node: 3 as const })),
    ...[11, 12, 13].map((ms) => ({ at: 1_000_000 + ms * 1000, node: 2 as const })),
    ...[21, 22].map((ms) => ({ at: 1_000_000 + ms * 1000, node: 3 as const })),
  ];

  it("counts every sample without windows", () => {
    const summary = analyseProfile(writeProfile(samples));
    const ms = Object.fromEntries(summary.buckets.map((b) => [b.bucket.split(" ")[0], b.ms]));
    // A sample's self time is the time since the one before: 5 × 1 ms, then 8 + 1 ms after the window.
    expect(ms["proxy.ts"]).toBeCloseTo(5 + 9, 5);
    expect(ms["React"]).toBeCloseTo(6 + 1 + 1, 5);
  });

  it("counts only the samples inside the windows, with their wall time and ms per response", () => {
    const summary = analyseProfile(writeProfile(samples), 4, [{ fromUs: 1_010_500, toUs: 1_013_500 }]);
    expect(summary.buckets.map((b) => b.bucket)).toEqual(["React DOM (HTML rendering)"]);
    expect(summary.busyMs).toBeCloseTo(6 + 1 + 1, 5);
    expect(summary.wallMs).toBeCloseTo(3, 5);
    expect(summary.buckets[0]!.msPerRequest).toBeCloseTo(2, 5);
  });

  it("reads the clock the profiles use", () => {
    const before = monotonicUs();
    expect(Number(process.hrtime.bigint() / 1000n) - before).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(before)).toBe(true);
  });
});
