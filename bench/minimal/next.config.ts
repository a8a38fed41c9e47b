import type { NextConfig } from "next";

// The anchor of the bench (scripts/bench.ts): a bare Next.js app of the desk's version, built and
// served from here with the desk's node_modules.
const nextConfig: NextConfig = { poweredByHeader: false };

export default nextConfig;
