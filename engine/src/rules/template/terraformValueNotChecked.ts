import type { Rule } from '../types';

/**
 * What a template builds only when it runs cannot be checked here: a Terraform `dynamic "statement"`
 * whose for_each is known only at apply, a policy string that is JSON only after interpolation, a
 * merged document that is not part of the configuration. Saying so once, as information, is better
 * than passing over it in silence (the user would take no finding for a clean bill).
 */
export const terraformValueNotChecked: Rule = {
  meta: {
    id: 'IAM023',
    name: 'terraform-value-not-checked',
    severity: 'info',
    category: 'suggestion',
    description: 'Part of a template builds its policy only when it is deployed (a Terraform dynamic "statement" over values known at apply, a policy string with interpolations), so it is not checked.',
    // Its notes are about unknown values by nature: one inside a value with unknown parts (a
    // dynamic block of a document whose statements are all unknown) is still said.
    checksUnknowns: true,
  },
  scope: 'file',
  check({ file, report }) {
    for (const note of file.notes ?? []) report({ span: note.span, path: note.path }, note.message);
  },
};
