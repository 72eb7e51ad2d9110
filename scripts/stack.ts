// npm run stack:up -- phaseN   the whole stack of phase N (1-3) on the local cluster
// npm run stack:down           uninstall it (volumes and the generated Secret stay, as with any release)
// Brings the cluster up if needed, builds and imports the images, deploys the FerretDB
// stand-in for Mongo and the TLS Secret, installs or upgrades the release, waits until it
// is ready, and writes .cluster/stack.json (phase, release, namespace, nginxUrl).
import { execa } from "execa";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../src/paths.ts";
import { helmOnCluster, installStack, STACK_PHASES, type StackPhase } from "../src/cluster/stack.ts";
import { API_HOST } from "../src/cluster/tls.ts";

const RELEASE = "vendata";
const NAMESPACE = "vendata";
const STATE = join(REPO_ROOT, ".cluster", "stack.json");

async function up(phase: StackPhase): Promise<void> {
  await execa("bash", ["cluster/up.sh"], { cwd: REPO_ROOT, stdio: "inherit" });
  await execa("bash", ["images/build.sh"], { cwd: REPO_ROOT, stdio: "inherit" });
  console.log(`== helm upgrade --install ${RELEASE} (${phase}) in namespace ${NAMESPACE}; waiting for every pod`);
  const stack = await installStack({ phase, namespace: NAMESPACE, release: RELEASE });
  writeFileSync(STATE, `${JSON.stringify({ phase, release: RELEASE, namespace: NAMESPACE, nginxUrl: stack.nginxUrl }, null, 2)}\n`);
  console.log(`== ${phase} is ready: nginx at ${stack.nginxUrl} (NodePort; the certificate is self-signed, for ${API_HOST})`);
  console.log(`   curl -k ${stack.nginxUrl}/api/health`);
  console.log(`   state in ${STATE}`);
}

async function down(): Promise<void> {
  await helmOnCluster(4, ["uninstall", RELEASE, "-n", NAMESPACE, "--wait", "--ignore-not-found"]);
  rmSync(STATE, { force: true });
  console.log(`== release ${RELEASE} uninstalled from ${NAMESPACE} (its volumes and Secret stay; kubectl delete namespace ${NAMESPACE} removes them)`);
}

const [command, phase] = process.argv.slice(2);
if (command === "up" && STACK_PHASES.includes(phase as StackPhase)) await up(phase as StackPhase);
else if (command === "down") await down();
else {
  console.error(`usage: npm run stack:up -- ${STACK_PHASES.join("|")}    or    npm run stack:down`);
  process.exit(2);
}
