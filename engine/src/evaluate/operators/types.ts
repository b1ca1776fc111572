/** One operator family: how a single request value compares with a single policy value. */
export interface OperatorFamily {
  /** Base operator names (without IfExists or set qualifiers) this family handles, lower-case. */
  readonly operators: readonly string[];
  /** True when the request value satisfies the policy value for the positive form of the operator. */
  compare(operator: string, requestValue: string, policyValue: string): boolean;
  /** Negated operators (StringNotEquals, NotIpAddress, ...) match when no policy value matches. */
  isNegated(operator: string): boolean;
  /** Whether ${...} policy variables are substituted in this family's values. */
  readonly allowsVariables: boolean;
}
