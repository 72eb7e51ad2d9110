// vendata: validate, render and summarize values files for the umbrella chart.
import { parseArgs } from "node:util";
import type { HelmMajor } from "../helm/provision.ts";
import { helmVersion, HelmError } from "../helm/run.ts";
import { PHASES, phaseValuesFiles, type Phase } from "../phases.ts";
import { render } from "../render/render.ts";
import { validateValuesFiles } from "../values/validate.ts";
import { summarize } from "./summary.ts";

const USAGE = `usage: vendata <command> [phaseN] [options]

commands:
  validate   check values files against the schema, then the chart's own rules (helm template)
  render     print the manifest helm template gives
  summary    render, then print workloads, replicas, images and connections
  versions   print the Helm versions the toolkit runs

options:
  -f, --values FILE   values file (repeatable; after the phase's own files)
  --region NAME       phase 4 region overlay (default sa-east)
  --set KEY=VALUE     passed to helm (repeatable)
  --helm 3|4          bundled Helm to use (default $HELM, else 4)
  --release NAME      release name (default vendata)
  --namespace NAME    namespace (default vendata)

example: npx vendata summary phase3`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { positionals, values: opts } = parseArgs({
  allowPositionals: true,
  options: {
    values: { type: "string", short: "f", multiple: true },
    region: { type: "string" },
    set: { type: "string", multiple: true },
    helm: { type: "string" },
    release: { type: "string" },
    namespace: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

const [command, phaseArg] = positionals;
if (opts.help || !command) fail(USAGE);
if (phaseArg !== undefined && !PHASES.includes(phaseArg as Phase)) fail(`unknown phase "${phaseArg}"; one of ${PHASES.join(", ")}`);
if (opts.helm !== undefined && opts.helm !== "3" && opts.helm !== "4") fail(`--helm must be 3 or 4, not "${opts.helm}"`);

const files = [...(phaseArg ? phaseValuesFiles(phaseArg as Phase, opts.region) : []), ...(opts.values ?? [])];
const helm = opts.helm === undefined ? undefined : (Number(opts.helm) as HelmMajor);
const set = Object.fromEntries(
  (opts.set ?? []).map((pair) => {
    const at = pair.indexOf("=");
    if (at < 1) fail(`--set takes KEY=VALUE, not "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

if (command === "versions") {
  for (const major of [3, 4] as const) console.log(`bundled helm ${major}: ${await helmVersion({ helm: major })}`);
  if (process.env.HELM) console.log(`$HELM (${process.env.HELM}): ${await helmVersion()}`);
  process.exit(0);
}

const problems = validateValuesFiles(files, { helm, release: opts.release });
if (problems.length > 0) fail(`invalid values (${files.join(", ") || "chart defaults"}):\n  ${problems.join("\n  ")}`);

try {
  switch (command) {
    case "validate":
      console.log(`valid: ${files.join(", ") || "chart defaults"}`);
      break;
    case "render":
      process.stdout.write(`${(await render({ valuesFiles: files, set, helm, releaseName: opts.release, namespace: opts.namespace })).manifest}\n`);
      break;
    case "summary": {
      const rendered = await render({ valuesFiles: files, set, helm, releaseName: opts.release, namespace: opts.namespace });
      console.log(`${phaseArg ?? "values"} rendered by helm ${await helmVersion({ helm })} from ${files.join(", ") || "chart defaults"}\n`);
      console.log(summarize(rendered));
      break;
    }
    default:
      fail(`unknown command "${command}"\n\n${USAGE}`);
  }
} catch (error) {
  if (error instanceof HelmError) fail(error.message);
  throw error;
}
