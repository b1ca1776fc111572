/** "IAM: New Role..." and "IAM: New Policy Test...". */

export const NewRoleCommand = 'iamAuthor.newRole';
export const NewRoleChoicesRequestMethod = 'iam/newRoleChoices';
export const NewRoleRequestMethod = 'iam/newRole';

/** What the New Role flow offers: service use cases and the AWS managed policies. */
export interface NewRoleChoicesResult {
  readonly useCases: readonly {
    readonly id: string;
    readonly label: string;
    readonly description: string;
    readonly principal: string;
    readonly instanceProfile: boolean;
    readonly commonActions: readonly string[];
    /** The resources the common actions start on; `{account}` stands for the account ID. */
    readonly commonResources: readonly string[];
    /** Service role vs service-linked role vs instance role, as the hover explains it (Markdown). */
    readonly explanation: string;
    readonly serviceLinkedNote?: string;
  }[];
  readonly managedPolicies: readonly { readonly name: string; readonly arn: string; readonly path: string }[];
}

/** The trusted entity and permissions, as the flow gathered them (see engine NewRoleSpec). */
export interface NewRoleParams {
  readonly spec: unknown;
  /** Where it goes: JSON files, or into the open CloudFormation template at `uri`. */
  readonly target: { readonly kind: 'files' } | { readonly kind: 'template'; readonly uri: string };
}

export interface NewRoleResult {
  /** For the files target: file names and their content. */
  readonly files?: readonly { readonly name: string; readonly content: string }[];
  /** For the template target: the template's whole new text. */
  readonly templateText?: string;
  /** Findings above info on what was generated (none expected), and why the role could not be made. */
  readonly findings?: readonly string[];
  readonly error?: string;
}
export const NewPolicyTestCommand = 'iamAuthor.newPolicyTest';
