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
      // Widen an empty span to one character so it shows, but never past the end of the text (problems at EOF).
      const length = Math.min(Math.max(problem.length, 1), file.text.length - problem.offset);
      report({ span: { offset: problem.offset, length: Math.max(length, 0) }, path: [] }, problem.message);
    }
  },
};
