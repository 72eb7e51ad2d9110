// Starts the local cluster for the e2e suite when it is not running (and says so), builds
// and imports the images the tests install (npm run images), and stops the cluster
// afterwards only if this run started it.
import { execa } from "execa";
import { REPO_ROOT } from "../../src/paths.ts";
import { kubectl } from "./support/cluster.ts";

async function running(): Promise<boolean> {
  try {
    const ready = await kubectl(["get", "--raw", "/readyz"], { allowFailure: true, timeoutMs: 10_000 });
    return ready.exitCode === 0;
  } catch {
    return false; // kubectl not built yet
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  if (process.getuid?.() !== 0) throw new Error("the e2e tests drive the local cluster, which runs as root: run them as root, as CI does");
  const started = !(await running());
  if (started) {
    console.log("e2e: the local cluster is not running; starting it (npm run cluster:up)");
    await execa("bash", ["cluster/up.sh"], { cwd: REPO_ROOT, stdio: "inherit" });
  } else {
    console.log("e2e: using the running local cluster");
  }
  const teardown = async () => {
    if (!started) return;
    console.log("e2e: stopping the cluster this suite started (npm run cluster:down)");
    await execa("bash", ["cluster/down.sh"], { cwd: REPO_ROOT, stdio: "inherit" });
  };
  // The stack's images (cached until their recipes change; imported when missing). When
  // they fail, vitest runs no teardown: stop the cluster this run started here.
  try {
    await execa("bash", ["images/build.sh"], { cwd: REPO_ROOT, stdio: "inherit" });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
