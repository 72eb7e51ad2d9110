// Decides, as the Kubernetes NetworkPolicy semantics do, whether one pod may open a
// connection to another in the same namespace (ports aside): the destination's
// ingress and the source's egress must both allow it.
import type { LabelSelector, LabelSelectorRequirement } from "kubernetes-types/meta/v1.js";
import type { NetworkPolicy, NetworkPolicyPeer } from "kubernetes-types/networking/v1.js";

export type Labels = Record<string, string>;

function meets(requirement: LabelSelectorRequirement, labels: Labels): boolean {
  const value = labels[requirement.key];
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    default:
      throw new Error(`unknown label selector operator ${requirement.operator}`);
  }
}

/** Whether a label selector (matchLabels and matchExpressions, ANDed) selects these labels. */
export const selects = (selector: LabelSelector | undefined, labels: Labels): boolean =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v) && (selector?.matchExpressions ?? []).every((r) => meets(r, labels));

// Only same-namespace pod selectors name pods; ipBlocks and namespace selectors name other things.
const peerIsPod = (peer: NetworkPolicyPeer, labels: Labels): boolean =>
  peer.podSelector !== undefined && peer.namespaceSelector === undefined && peer.ipBlock === undefined && selects(peer.podSelector, labels);

function side(policies: readonly NetworkPolicy[], pod: Labels, peer: Labels, direction: "Ingress" | "Egress"): boolean {
  const applying = policies.filter((p) => (p.spec?.policyTypes ?? ["Ingress"]).includes(direction) && selects(p.spec?.podSelector, pod));
  if (applying.length === 0) return true;
  return applying.some((p) => {
    const rules = direction === "Ingress" ? (p.spec?.ingress ?? []).map((r) => r.from) : (p.spec?.egress ?? []).map((r) => r.to);
    return rules.some((peers) => peers === undefined || peers.some((x) => peerIsPod(x, peer)));
  });
}

export function allows(policies: readonly NetworkPolicy[], from: Labels, to: Labels): boolean {
  return side(policies, to, from, "Ingress") && side(policies, from, to, "Egress");
}
