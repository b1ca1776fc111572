import type { Catalog, PolicySet, SimulateOptions } from '../../../engine/src';

/**
 * The simulator's one question to the catalogue about RCPs: which services they govern (a request to
 * another service is not limited by them). Asked only when RCPs take part, so that a simulation
 * without any loads no catalogue for it.
 */
export function rcpScope(policies: PolicySet, catalog: () => Catalog): Pick<SimulateOptions, 'rcpServices'> {
  if (!policies.rcp || policies.rcp.length === 0) return {};
  const rcpServices = catalog().rcpServices();
  return rcpServices ? { rcpServices } : {};
}
