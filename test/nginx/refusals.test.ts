// The nginx chart's rules (charts/vendata/charts/nginx/templates/_validate.tpl): bad
// values are refused by the chart, and by the toolkit with the same messages.
import { describeRefusals } from "../refusals.ts";

describeRefusals("the nginx chart refuses", [
  {
    rule: "nginx autoscaling maxReplicas below minReplicas",
    phase: "phase4",
    values: { nginx: { autoscaling: { minReplicas: 10, maxReplicas: 3 } } },
    messages: ["nginx.autoscaling.maxReplicas (3) must be >= nginx.autoscaling.minReplicas (10)"],
  },
  {
    rule: "an nginx grace period no longer than its preStop sleep",
    phase: "phase3",
    values: { nginx: { preStopSleepSeconds: 50, terminationGracePeriodSeconds: 45 } },
    messages: ["nginx.terminationGracePeriodSeconds (45) must be greater than nginx.preStopSleepSeconds (50), or the pod is killed before it finishes its requests"],
  },
  {
    rule: "TLS without a Secret",
    phase: "phase3",
    values: { nginx: { tls: { enabled: true, secretName: "" } } },
    messages: ["nginx.tls.secretName must name a kubernetes.io/tls Secret (tls.crt, tls.key) when nginx.tls.enabled is true (or nginx.certificate.enabled writes one)"],
  },
  {
    rule: "load-balancer settings on a Service that is no LoadBalancer",
    phase: "phase1",
    values: { nginx: { service: { loadBalancerClass: "service.k8s.aws/nlb", loadBalancerIP: "203.0.113.10" } } },
    messages: [
      "nginx.service.loadBalancerClass (service.k8s.aws/nlb) needs nginx.service.type LoadBalancer (is NodePort)",
      "nginx.service.loadBalancerIP (203.0.113.10) needs nginx.service.type LoadBalancer (is NodePort)",
    ],
  },
  {
    rule: "node ports on a ClusterIP Service",
    phase: "phase2",
    values: { nginx: { service: { type: "ClusterIP", nodePorts: { http: 30080, https: 30443 } } } },
    messages: [
      "nginx.service.nodePorts.http (30080) needs nginx.service.type NodePort or LoadBalancer (is ClusterIP)",
      "nginx.service.nodePorts.https (30443) needs nginx.service.type NodePort or LoadBalancer (is ClusterIP)",
    ],
  },
  {
    rule: "an https node port, a certificate or its reload without TLS",
    phase: "phase1",
    values: { nginx: { tls: { enabled: false, reload: { enabled: true } }, service: { nodePorts: { https: 30443 } }, certificate: { enabled: true, issuerRef: { name: "letsencrypt" } } } },
    messages: [
      "nginx.service.nodePorts.https (30443) needs nginx.tls.enabled (without TLS the Service has no https port)",
      "nginx.certificate.enabled needs nginx.tls.enabled (nginx serves no certificate without it)",
      "nginx.tls.reload.enabled needs nginx.tls.enabled (nginx serves no certificate without it)",
    ],
  },
  {
    rule: "a Certificate without an issuer, or renewed no sooner than it expires",
    phase: "phase2",
    values: { nginx: { certificate: { enabled: true, duration: "720h", renewBefore: "720h" } } },
    messages: [
      "nginx.certificate.issuerRef.name must name the cert-manager Issuer or ClusterIssuer when nginx.certificate.enabled is true",
      "nginx.certificate.renewBefore (720h) must be shorter than nginx.certificate.duration (720h)",
    ],
  },
  {
    rule: "an Ingress or HTTPRoute in front of nginx's redirect to HTTPS, and a route without a Gateway",
    phase: "phase2",
    values: { nginx: { ingress: { enabled: true }, httpRoute: { enabled: true } } },
    messages: [
      "nginx.httpRoute.enabled needs nginx.tls.redirectHttp false (or nginx.tls.enabled false): it sends plain HTTP to nginx, which would redirect it to HTTPS forever",
      "nginx.ingress.enabled needs nginx.tls.redirectHttp false (or nginx.tls.enabled false): it sends plain HTTP to nginx, which would redirect it to HTTPS forever",
      "nginx.httpRoute.parentRefs must name at least one Gateway when nginx.httpRoute.enabled is true (a route without a parent receives no traffic)",
    ],
  },
  {
    rule: "requests above the limits in each of its containers",
    phase: "phase2",
    values: { nginx: { resources: { requests: { memory: "512Mi" } }, metrics: { resources: { requests: { cpu: "200m" } } } } },
    messages: [
      "nginx.resources.requests.memory (512Mi) must be <= nginx.resources.limits.memory (256Mi)",
      "nginx.metrics.resources.requests.cpu (200m) must be <= nginx.metrics.resources.limits.cpu (100m)",
    ],
  },
  {
    rule: "a prometheus.io annotation while the exporter sets them",
    phase: "phase2",
    values: { nginx: { podAnnotations: { "prometheus.io/scrape": "false" } } },
    messages: ["nginx.podAnnotations.prometheus.io/scrape: the chart sets this annotation itself"],
  },
]);
