import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The cluster tests run apart, with npm run test:e2e (vitest.e2e.config.ts).
    exclude: ["test/e2e/**", "**/node_modules/**"],
    // Tests start real processes (helm, nginx, redis-server); give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
