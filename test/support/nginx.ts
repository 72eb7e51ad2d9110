// Runs Debian's nginx on an nginx.conf rendered by the chart, verbatim. A private mount
// namespace (unshare -m) puts the config where the pod has it (/etc/nginx/nginx.conf,
// /etc/nginx/tls/), maps names through a private /etc/hosts and gives nginx its own /tmp;
// the machine's files are never touched. nginx runs as nobody, like the pod's non-root user.
// A system nginx (Debian's package may start one on port 80) does not matter: this one has
// its own config, ports, pid file and temporary paths. The TLS files are laid out as kubelet
// mounts a Secret (tls.crt -> ..data/tls.crt, ..data -> a versioned directory), so a renewal
// swaps both files in one rename, as on a pod.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa, execaSync } from "execa";
import { requireRoot, requireTool, startProcess, waitForPort, type RunningProcess } from "./process.ts";

const NOBODY = "65534";

// Mounts /tmp last: the sandbox itself lives under /tmp.
const SCRIPT = `
exec >"$SANDBOX/nginx.log" 2>&1
mount --bind "$SANDBOX/etc" /etc/nginx
mount --bind "$SANDBOX/hosts" /etc/hosts
mount --bind "$SANDBOX/tmp" /tmp
exec setpriv --reuid=${NOBODY} --regid=${NOBODY} --clear-groups "$@"
`;

const NGINX_FOREGROUND = ["nginx", "-g", "daemon off;"];

export interface NginxSandboxOptions {
  /** The nginx.conf to run. */
  nginxConf: string;
  /** Names to map in the private /etc/hosts (nginx -t and start-up resolve names through it). */
  hosts?: Readonly<Record<string, string>>;
  /** Names the self-signed certificate is for. */
  certificateNames?: readonly string[];
}

export interface NginxSandbox {
  readonly dir: string;
  /** PEM of the self-signed certificate at /etc/nginx/tls/tls.crt now (clients trust it). */
  readonly certificate: string;
  /** `nginx -t` on the config. */
  testConfig(): Promise<{ ok: boolean; output: string }>;
  /**
   * Starts nginx in the foreground (or `command`, a pod's command and args that end up
   * running nginx) and waits until these ports on 127.0.0.1 accept connections.
   */
  start(ports: readonly number[], command?: readonly string[]): Promise<RunningProcess>;
  /** A new certificate and key, swapped in as kubelet updates a renewed Secret; returns the certificate. */
  renewCertificate(): string;
  /** Swaps in these tls.crt and tls.key contents instead (e.g. a broken pair). */
  replaceTlsFiles(certificate: string, key: string): void;
  /** What nginx wrote (stdout and stderr: the access and error logs). */
  log(): string;
  remove(): void;
}

export function createNginxSandbox(options: NginxSandboxOptions): NginxSandbox {
  for (const tool of ["nginx", "openssl"]) requireTool(tool, `apt-get install -y ${tool}`);
  requireRoot("the nginx sandbox");

  const dir = mkdtempSync(join(tmpdir(), "vendata-nginx-"));
  const tls = join(dir, "etc", "tls");
  mkdirSync(tls, { recursive: true });
  mkdirSync(join(dir, "tmp"));
  writeFileSync(join(dir, "etc", "nginx.conf"), options.nginxConf);
  copyFileSync("/etc/nginx/mime.types", join(dir, "etc", "mime.types"));
  writeFileSync(join(dir, "hosts"), ["127.0.0.1 localhost", ...Object.entries(options.hosts ?? {}).map(([name, address]) => `${address} ${name}`), ""].join("\n"));
  writeFileSync(join(dir, "nginx.log"), "");
  // Each version of the Secret in a directory of its own, ..data pointing at the current one.
  let version = 0;
  const swapIn = (write: (into: string) => void) => {
    const name = `..${++version}`;
    mkdirSync(join(tls, name), { mode: 0o755 });
    write(join(tls, name));
    for (const file of ["tls.crt", "tls.key"]) chmodSync(join(tls, name, file), 0o644);
    symlinkSync(name, join(tls, "..data_tmp"));
    renameSync(join(tls, "..data_tmp"), join(tls, "..data"));
  };
  const names = options.certificateNames ?? ["vendata.com.br"];
  let certificate = "";
  const renew = () => swapIn((into) => (certificate = selfSignedCertificate(into, names)));
  renew();
  for (const file of ["tls.crt", "tls.key"]) symlinkSync(join("..data", file), join(tls, file));
  // nobody reads the config and writes its logs and temporary files.
  for (const path of [dir, join(dir, "etc"), tls]) chmodSync(path, 0o755);
  for (const file of ["nginx.conf", "mime.types"]) chmodSync(join(dir, "etc", file), 0o644);
  chmodSync(join(dir, "hosts"), 0o644);
  chmodSync(join(dir, "tmp"), 0o1777);
  chmodSync(join(dir, "nginx.log"), 0o666);

  const args = (command: readonly string[]) => ["-m", "sh", "-c", SCRIPT, "sandbox", ...command];
  const env = { ...process.env, SANDBOX: dir };
  const log = () => readFileSync(join(dir, "nginx.log"), "utf8");

  return {
    dir,
    get certificate() {
      return certificate;
    },
    log,
    async testConfig() {
      const result = await execa("unshare", args(["nginx", "-t"]), { env, reject: false });
      return { ok: result.exitCode === 0, output: log() };
    },
    async start(ports, command = NGINX_FOREGROUND) {
      const nginx = startProcess("unshare", args(command), { env });
      const exited = new Promise<never>((_, reject) => nginx.child.once("exit", (code) => reject(new Error(`nginx exited (${code}) at start:\n${log()}`))));
      await Promise.race([Promise.all(ports.map((port) => waitForPort(port))), exited]);
      exited.catch(() => undefined); // it exits later, when the test stops it
      return nginx;
    },
    renewCertificate() {
      renew();
      return certificate;
    },
    replaceTlsFiles(crt, key) {
      swapIn((into) => {
        writeFileSync(join(into, "tls.crt"), crt);
        writeFileSync(join(into, "tls.key"), key);
      });
      certificate = crt;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A throwaway certificate and key (EC P-256) for these names; returns the certificate. */
function selfSignedCertificate(into: string, names: readonly string[]): string {
  const result = execaSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", `/CN=${names[0]}`,
      "-addext", `subjectAltName=${names.map((n) => `DNS:${n}`).join(",")}`, "-keyout", join(into, "tls.key"), "-out", join(into, "tls.crt")],
    { reject: false },
  );
  if (result.exitCode !== 0) throw new Error(`openssl could not make a test certificate:\n${result.stderr}`);
  return readFileSync(join(into, "tls.crt"), "utf8");
}
