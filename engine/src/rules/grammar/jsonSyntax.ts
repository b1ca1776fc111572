import type { Rule } from '../types';

export const jsonSyntax: Rule = {
  meta: {
    id: 'IAM001',
    name: 'json-syntax',
    severity: 'error',
    category: 'error',
    description: 'The file is not valid JSON, so AWS would reject the policy before reading it.',
    accessAnalyzer: 'JSON syntax error',
    parliament: 'MALFORMED_JSON',
  },
  scope: 'file',
  check({ file, report }) {
    // Only files that hold a policy are ours to judge; other JSON belongs to other tools.
    if (file.policies.length === 0) return;
    for (const problem of file.syntaxProblems) {
      report({ span: { offset: problem.offset, length: Math.max(problem.length, 1) }, path: [] }, problem.message);
    }
  },
};
