// Requests to the stack through nginx, as a client outside the cluster: curl over HTTPS
// with HTTP/2 (the certificate is self-signed).
import { execa } from "execa";

export interface Answer {
  readonly status: number;
  readonly httpVersion: string;
  readonly body: string;
}

const MARK = "\n--vendata-e2e--";

export async function request(baseUrl: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const args = ["-sk", "--http2", "--max-time", "10", "-X", method, "-w", `${MARK}%{http_code} %{http_version}`];
  if (body !== undefined) args.push("-H", "content-type: application/json", "--data-binary", JSON.stringify(body));
  const result = await execa("curl", [...args, `${baseUrl}${path}`], { reject: false });
  const at = result.stdout.lastIndexOf(MARK);
  if (at < 0) throw new Error(`curl ${method} ${path} gave no answer (exit ${result.exitCode}): ${result.stderr}`);
  const [status = "0", httpVersion = ""] = result.stdout.slice(at + MARK.length).split(" ");
  return { status: Number(status), httpVersion, body: result.stdout.slice(0, at) };
}
