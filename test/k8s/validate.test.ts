import { describe, expect, it } from "vitest";
import { assertValidKubernetesObjects, validateKubernetesObject } from "../../src/k8s/validate.ts";

// A fresh Deployment per test, so mutations do not leak between tests.
function deployment() {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "vendata-api", labels: { app: "vendata-api" }, creationTimestamp: null },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "vendata-api" } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 2, maxUnavailable: "25%" } },
      template: {
        metadata: { labels: { app: "vendata-api" } },
        spec: {
          containers: [
            {
              name: "api",
              image: "vendata/api:1.0.0",
              imagePullPolicy: "IfNotPresent",
              ports: [{ name: "http", containerPort: 3011 }],
              readinessProbe: { httpGet: { path: "/health", port: "http" } },
              livenessProbe: { httpGet: { path: "/health", port: 3011 } },
              resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: 1, memory: 536870912 } },
            },
          ],
        },
      },
    },
  };
}

describe("validateKubernetesObject", () => {
  it("accepts a valid Deployment", () => {
    expect(validateKubernetesObject(deployment())).toEqual([]);
  });

  it("rejects a misspelt field deep in a pod spec, with its path", () => {
    const obj = deployment();
    const container: Record<string, unknown> = { ...obj.spec.template.spec.containers[0] };
    container.imagePullPolicyy = "Always";
    const bad = { ...obj, spec: { ...obj.spec, template: { ...obj.spec.template, spec: { containers: [container] } } } };

    expect(validateKubernetesObject(bad)).toEqual([
      "/spec/template/spec/containers/0/imagePullPolicyy must NOT have additional property",
    ]);
    expect(() => assertValidKubernetesObjects([deployment(), bad])).toThrow(
      "Deployment/vendata-api: /spec/template/spec/containers/0/imagePullPolicyy must NOT have additional property",
    );
  });

  it("rejects a wrong type", () => {
    const obj = { ...deployment(), spec: { ...deployment().spec, replicas: "two" } };
    expect(validateKubernetesObject(obj)).toEqual(["/spec/replicas must be number"]);
  });

  it("accepts quantities and int-or-string values as numbers or strings", () => {
    const pvc = {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: "data" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
    };
    const pvcNumber = { ...pvc, spec: { ...pvc.spec, resources: { requests: { storage: 1e9 } } } };
    const service = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "vendata-api" },
      spec: { ports: [{ port: 80, targetPort: "http" }, { port: 3011, targetPort: 3011 }] },
    };
    const pdb = {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: "vendata-api" },
      spec: { maxUnavailable: "50%", selector: { matchLabels: { app: "vendata-api" } } },
    };
    for (const obj of [deployment(), pvc, pvcNumber, service, pdb]) {
      expect(validateKubernetesObject(obj)).toEqual([]);
    }
    const boolQuantity = { ...pvc, spec: { ...pvc.spec, resources: { requests: { storage: true } } } };
    expect(validateKubernetesObject(boolQuantity)).toEqual(["/spec/resources/requests/storage must be string,number"]);
  });

  it("rejects a kind that is not in schema/k8s/kinds.ts", () => {
    const obj = { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "agent" } };
    expect(validateKubernetesObject(obj)).toEqual(["unknown kind apps/v1/DaemonSet, add it to schema/k8s/kinds.ts"]);
    expect(() => assertValidKubernetesObjects([obj])).toThrow("DaemonSet/agent: unknown kind apps/v1/DaemonSet");
  });

  it("rejects values that are not Kubernetes objects", () => {
    expect(validateKubernetesObject("kind: Deployment")).toEqual(["not an object"]);
    expect(validateKubernetesObject({ kind: "Deployment" })).toEqual(["missing apiVersion or kind"]);
  });
});

describe("assertValidKubernetesObjects", () => {
  it("does not throw when every object is valid", () => {
    expect(() => assertValidKubernetesObjects([deployment(), deployment()])).not.toThrow();
  });
});
