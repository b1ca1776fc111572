import type { JsoncExtension } from '../../document/jsoncExtensions';
import type { PolicyFile } from '../../document/policyFile';
import type { Rule } from '../types';

export const jsoncInJson: Rule = {
  meta: {
    id: 'IAM024',
    name: 'comment-or-trailing-comma',
    severity: 'error',
    category: 'error',
    description:
      'JSON has no comments and no comma before a closing bracket. Editors read past them, but IAM rejects such a policy ("MalformedPolicyDocument") and CloudFormation such a template; files named *.jsonc and the project file .iam-author.json may keep them.',
    accessAnalyzer: 'JSON syntax error',
    parliament: 'MALFORMED_JSON',
  },
  scope: 'file',
  check({ file, report }) {
    if (!file.jsoncExtensions?.length || !holdsPolicies(file) || mayKeepComments(file.fileName)) return;
    for (const extension of file.jsoncExtensions) {
      report({ span: extension.span, path: [] }, MESSAGES[extension.kind], [{ title: TITLES[extension.kind], replacement: '', span: extension.removal }]);
    }
  },
};

const MESSAGES: Record<JsoncExtension['kind'], string> = {
  'line comment': 'JSON has no comments: IAM and CloudFormation reject a document with one. Remove the comment (or keep notes in a "Sid").',
  'block comment': 'JSON has no comments: IAM and CloudFormation reject a document with one. Remove the comment (or keep notes in a "Sid").',
  'trailing comma': 'JSON allows no comma before a closing bracket: IAM and CloudFormation reject the document. Remove the comma.',
};

const TITLES: Record<JsoncExtension['kind'], string> = {
  'line comment': 'Remove the comment',
  'block comment': 'Remove the comment',
  'trailing comma': 'Remove the trailing comma',
};

// Only files that hold a policy are ours to judge: other JSON (editor settings) belongs to other tools.
function holdsPolicies(file: PolicyFile): boolean {
  return file.policies.length > 0 || file.embedded.length > 0;
}

/**
 * A file named *.jsonc says it is JSON with comments, for a tool that strips them before upload;
 * the project file is read by IAM Author alone, which accepts them.
 */
function mayKeepComments(fileName: string | undefined): boolean {
  if (fileName === undefined) return false;
  return /\.jsonc$/i.test(fileName) || /(^|[\\/])\.iam-author\.json$/i.test(fileName);
}
