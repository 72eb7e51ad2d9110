import { fileURLToPath } from "node:url";

/** Absolute path of the repository root (this file lives in src/). */
export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
