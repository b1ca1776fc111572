import type { SimulationResult } from '../../../engine/src';
import type { DecisionDependsOn } from '../protocol';

/**
 * What a decision depended on, without spans: plain data for the client and the CLI's JSON. Kept
 * apart from the LSP handlers so that the CLI bundle does not take in the language server library.
 */
export function plainDependencies(dependsOn: NonNullable<SimulationResult['dependsOn']>): DecisionDependsOn {
  const part = ({ source, reason }: { source: string; reason: string }) => ({ source, reason });
  return {
    unknowns: dependsOn.unknowns.map(part),
    assumptions: dependsOn.assumptions.map(({ condition, holds }) => ({ condition, holds })),
    assumedFromRequest: dependsOn.assumedFromRequest.map(part),
  };
}
