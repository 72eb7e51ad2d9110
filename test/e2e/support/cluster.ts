// The e2e tests' view of the local cluster: the toolkit's kubectl helpers, and a
// namespace per test file.
import { afterAll, beforeAll } from "vitest";
import { createNamespace, deleteNamespace } from "../../../src/cluster/kube.ts";

export { cluster, createNamespace, deleteNamespace, getJson, kubectl } from "../../../src/cluster/kube.ts";

/** A namespace for the tests of one file (created before them, deleted after): call the result for its name. */
export function namespaceForFile(prefix: string): () => string {
  let name = "";
  beforeAll(async () => {
    name = await createNamespace(prefix);
  });
  afterAll(async () => {
    await deleteNamespace(name);
  });
  return () => name;
}
