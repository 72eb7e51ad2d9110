// The MongoDB stand-in of the local cluster: FerretDB (images/ferretdb) as a Deployment
// and Service in the stack's namespace, with SCRAM on. No mongod exists on any registry
// here, so the stack runs with mongo.enabled=false and global.externalMongo pointing at it.
import { randomBytes } from "node:crypto";
import { apply, kubectl } from "./kube.ts";

export const FERRETDB_IMAGE = "vendata.local/ferretdb:1";

export interface StandInMongo {
  /** host:port inside the cluster. */
  readonly host: string;
  readonly database: string;
  readonly username: string;
  /** The Secret and key holding the password (the chart's externalMongo reads them). */
  readonly secretName: string;
  readonly passwordKey: string;
}

const NAME = "ferretdb";

/** Deploys FerretDB into the namespace (idempotent) and waits until it serves. */
export async function deployFerretDb(namespace: string, database = "vendata"): Promise<StandInMongo> {
  const username = "vendata";
  const existing = await kubectl(["get", "secret", `${NAME}-auth`, "-o", "jsonpath={.data.password}"], { namespace, allowFailure: true });
  const password = existing.exitCode === 0 ? Buffer.from(existing.stdout, "base64").toString() : randomBytes(24).toString("hex");
  const labels = { "app.kubernetes.io/name": NAME, "app.kubernetes.io/part-of": "vendata-e2e" };
  const objects = [
    { apiVersion: "v1", kind: "Secret", metadata: { name: `${NAME}-auth`, labels }, stringData: { password } },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: NAME, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } },
            containers: [
              {
                name: NAME,
                image: FERRETDB_IMAGE,
                imagePullPolicy: "Never",
                args: [
                  "--handler=sqlite",
                  "--sqlite-url=file:/state/",
                  "--state-dir=/state",
                  "--listen-addr=:27017",
                  "--debug-addr=-",
                  "--telemetry=disable",
                  "--test-enable-new-auth",
                  `--setup-username=${username}`,
                  `--setup-database=${database}`,
                  "--log-level=warn",
                ],
                env: [{ name: "FERRETDB_SETUP_PASSWORD", valueFrom: { secretKeyRef: { name: `${NAME}-auth`, key: "password" } } }],
                ports: [{ name: "mongodb", containerPort: 27017 }],
                readinessProbe: { tcpSocket: { port: 27017 }, periodSeconds: 2 },
                volumeMounts: [{ name: "state", mountPath: "/state" }],
                securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true },
                resources: { requests: { cpu: "20m", memory: "64Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
              },
            ],
            // The data dies with the pod: a stand-in for tests, not a database.
            volumes: [{ name: "state", emptyDir: {} }],
          },
        },
      },
    },
    { apiVersion: "v1", kind: "Service", metadata: { name: NAME, labels }, spec: { selector: labels, ports: [{ name: "mongodb", port: 27017, targetPort: "mongodb" }] } },
  ];
  await apply(namespace, ...objects);
  await kubectl(["rollout", "status", `deployment/${NAME}`, "--timeout=120s"], { namespace });
  return { host: `${NAME}.${namespace}.svc:27017`, database, username, secretName: `${NAME}-auth`, passwordKey: "password" };
}
