import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Compiles src/ to dist/ first: the tests run node dist/main.js, as the image does.
    globalSetup: ["test/global-setup.ts"],
    // Every file starts real servers (redis-server, FerretDB) and the API as a process.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
