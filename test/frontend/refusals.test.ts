// The frontend chart's rules (charts/vendata/charts/frontend/templates/_validate.tpl): bad
// values are refused by the chart, and by the toolkit with the same messages. Where nginx
// sends / (nginx.frontend.*) is the umbrella's rule: test/vendata/refusals.test.ts.
import { describeRefusals } from "../refusals.ts";

describeRefusals("the frontend chart refuses", [
  {
    rule: "requests above the limits",
    phase: "phase2",
    values: { frontend: { resources: { requests: { cpu: "2" } } } },
    messages: ["frontend.resources.requests.cpu (2) must be <= frontend.resources.limits.cpu (500m)"],
  },
  {
    rule: "a container that runs as root",
    phase: "phase1",
    values: { frontend: { containerSecurityContext: { runAsUser: 0 } } },
    messages: ["frontend.containerSecurityContext.runAsUser (0): root is refused breaks the restricted Pod Security Standard; set frontend.allowUnrestricted: true to allow it (the namespace must admit such pods)"],
  },
]);
