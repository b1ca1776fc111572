/** Tests one request value against one policy value, prepared once per policy value. */
export type ValueTest = (requestValue: string) => boolean;

/** One operator family: how a single request value compares with a single policy value. */
export interface OperatorFamily {
  /** Base operator names (without IfExists or set qualifiers) this family handles, lower-case. */
  readonly operators: readonly string[];
  /**
   * Prepares the positive form of the operator for one policy value (the policy value may carry the
   * literal markers of pattern.ts when it came out of variable substitution).
   */
  compile(operator: string, policyValue: string): ValueTest;
  /** Negated operators (StringNotEquals, NotIpAddress, ...) match when no policy value matches. */
  isNegated(operator: string): boolean;
  /** Whether ${...} policy variables are substituted in this family's values. */
  readonly allowsVariables: boolean;
}

export const NEVER: ValueTest = () => false;
