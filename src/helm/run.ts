// Runs Helm and turns a failure into an error that carries Helm's own message.
import { execa } from "execa";
import { helmBinary, type HelmMajor } from "./provision.ts";

export class HelmError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly exitCode: number | undefined,
  ) {
    super(`helm ${args.join(" ")} failed (exit ${exitCode ?? "?"}):\n${stderr.trim()}`);
    this.name = "HelmError";
  }
}

export interface HelmRunOptions {
  /** Which bundled Helm; default $HELM, else Helm 4. */
  helm?: HelmMajor;
  cwd?: string;
  /** Extra environment, e.g. KUBECONFIG for a test's fake API server. */
  env?: Readonly<Record<string, string>>;
}

export async function runHelm(args: readonly string[], options: HelmRunOptions = {}): Promise<string> {
  const result = await execa(helmBinary(options.helm), args, {
    cwd: options.cwd,
    reject: false,
    // No cluster is ever needed: keep Helm away from the user's kubeconfig and caches.
    env: { KUBECONFIG: "/dev/null", HELM_CACHE_HOME: "/tmp/vendata-helm/cache", HELM_CONFIG_HOME: "/tmp/vendata-helm/config", HELM_DATA_HOME: "/tmp/vendata-helm/data", ...options.env },
  });
  if (result.exitCode !== 0) throw new HelmError(args, `${result.stderr}\n${result.stdout}`, result.exitCode);
  return result.stdout;
}

export async function helmVersion(options: HelmRunOptions = {}): Promise<string> {
  return (await runHelm(["version", "--short"], options)).trim();
}
