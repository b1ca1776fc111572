import type { Rule } from '../types';

// One broken bracket can make a parser report thousands of follow-on errors; past this many, the
// first ones are what the user needs to fix, and the rest only slow the editor down.
const MAX_REPORTED = 50;

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
    file.syntaxProblems.slice(0, MAX_REPORTED + 1).forEach((problem, index) => {
      const hidden = file.syntaxProblems.length - MAX_REPORTED;
      const message = index < MAX_REPORTED ? problem.message : `${hidden} more JSON syntax errors follow; fix the ones above first.`;
      // Widen an empty span to one character so it shows, but never past the end of the text (problems at EOF).
      const length = Math.min(Math.max(problem.length, 1), file.text.length - problem.offset);
      report({ span: { offset: problem.offset, length: Math.max(length, 0) }, path: [] }, message);
    });
  },
};
