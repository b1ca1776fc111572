import type { Catalog } from '../catalog/catalog';
import type { ManagedPolicies } from '../managed/managedPolicies';

/** The data hovers read: the service catalogue and, when the host provides it, the AWS managed policies. */
export interface HoverData {
  readonly catalog: Catalog;
  readonly managed?: ManagedPolicies;
}
