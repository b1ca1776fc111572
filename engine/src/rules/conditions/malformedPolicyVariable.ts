import { stringsWithVariables } from '../support/variableSites';
import { findVariables, namesNoKey, variableProblem } from '../support/variables';
import { substringTarget } from '../targets';
import type { Rule } from '../types';

export const malformedPolicyVariable: Rule = {
  meta: {
    id: 'IAM210',
    name: 'malformed-policy-variable',
    severity: 'error',
    category: 'error',
    description: "A policy variable is ${key} or ${key, 'default'}: closed brace, no spaces in the key, the default in single quotes, never empty.",
    accessAnalyzer: 'Missing brace in variable / Missing quote in variable / Unsupported space in variable / Empty variable',
  },
  scope: 'policy',
  check({ file, policy, report }) {
    for (const { node } of stringsWithVariables(policy)) {
      for (const variable of findVariables(node.value)) {
        const problem = variableProblem(variable);
        if (!problem) continue;
        // In a template, a parameter or resource name outside Fn::Sub is the usual cause: say how to fix it there.
        const cloudFormation = policy.allowsIntrinsics && namesNoKey(variable) ? ` In CloudFormation, ${variable.body} is replaced only inside Fn::Sub (!Sub).` : '';
        report(substringTarget(file.text, node, variable.start, variable.end), `The policy variable ${problem}${cloudFormation}`);
      }
    }
  },
};
