import { defineConfig } from "vitest/config";

// npm run test:e2e: tests against the local cluster (cluster/), one file at a time (one
// node, two cores). The global setup starts the cluster when it is not running.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: "forks",
  },
});
