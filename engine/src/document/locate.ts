import { inferStandaloneType } from './inferType';
import { isObject, type Policy, type PolicyOwner, type PolicyType } from './model';
import { looksLikePolicy } from './shape';
import { locateInAuthorizationDetails, isAuthorizationDetails } from './locateAuthDetails';
import { locateInCloudFormation, isCloudFormationTemplate } from './locateCloudFormation';
import { isServerlessConfig, locateInServerless } from './locateServerless';
import { readPolicy, type PolicyPlacement } from './readPolicy';
import { getProperty, type ObjectNode, type ValueNode } from './tree';

export interface LocateOptions {
  /** Used for type hints such as `*.scp.json`. */
  readonly fileName?: string;
  /** Forces every policy in the file to this type instead of inferring it. */
  readonly type?: PolicyType;
  /** With `type`: why (for a policy written as a string, what its place in the outer file says). */
  readonly typeReason?: string;
  /**
   * False reads a template's intrinsic functions as written instead of resolving them (the
   * benchmark's baseline for what resolving costs); true by default.
   */
  readonly resolveTemplates?: boolean;
  /** With `type`: the label and owner the outer file gives the policy. */
  readonly label?: string;
  readonly owner?: PolicyOwner;
  /** With `type`: the outer file's place implies the resource (an ECR repository's policy), so no Resource is needed. */
  readonly resourceImplied?: boolean;
}

/** A policy document found somewhere in a file, before its type override is applied. */
export interface FoundPolicy {
  readonly node: ValueNode;
  readonly placement: PolicyPlacement;
}

/**
 * Finds every policy in a parsed file: a plain policy, the AWS CLI/API shapes that wrap one, an
 * authorization-details dump or a CloudFormation template. Files that hold no policy yield nothing,
 * so the server stays silent on package.json and friends.
 */
export function locatePolicies(root: ValueNode | undefined, options: LocateOptions = {}): Policy[] {
  if (!isObject(root)) return [];
  const found = findPolicies(root, options);
  return found.map(({ node, placement }) =>
    readPolicy(node, options.type ? overridden(placement, options, options.type) : placement),
  );
}

function overridden(placement: PolicyPlacement, options: LocateOptions, type: PolicyType): PolicyPlacement {
  const result = { ...placement, type, typeReason: options.typeReason ?? `the type was set to ${type}`, label: options.label ?? placement.label, ...(options.resourceImplied ? { resourceImplied: true } : {}) };
  return options.owner ? { ...result, owner: options.owner } : result;
}

function findPolicies(root: ObjectNode, options: LocateOptions): FoundPolicy[] {
  if (looksLikePolicy(root)) return [standalone(root, options.fileName, 'policy')];
  if (isServerlessConfig(root, options.fileName)) return locateInServerless(root);
  if (isCloudFormationTemplate(root)) return locateInCloudFormation(root, options.resolveTemplates !== false);
  // A `Policies` array alone does not make a dump (CloudFormation role properties have one too):
  // when the dump reading finds nothing, the file may still be an API shape.
  const inDump = isAuthorizationDetails(root) ? locateInAuthorizationDetails(root) : [];
  return inDump.length > 0 ? inDump : locateInApiShape(root, options.fileName);
}

function standalone(node: ValueNode, fileName: string | undefined, label: string): FoundPolicy {
  const inferred = inferStandaloneType(node, fileName);
  return {
    node,
    placement: { type: inferred.type, typeReason: inferred.reason, label, allowsIntrinsics: false },
  };
}

/**
 * The request and response shapes of the AWS CLI that carry a policy: create-role and get-role
 * (`AssumeRolePolicyDocument`, possibly under `Role`), put-role-policy and get-role-policy
 * (`PolicyDocument`), get-policy-version (`PolicyVersion.Document`), and `Policy` objects.
 */
function locateInApiShape(root: ObjectNode, fileName: string | undefined): FoundPolicy[] {
  const container = isObject(getProperty(root, 'Role')?.value) ? (getProperty(root, 'Role')!.value as ObjectNode) : root;
  const found: FoundPolicy[] = [];
  const trust = getProperty(container, 'AssumeRolePolicyDocument')?.value;
  if (looksLikePolicy(trust)) {
    found.push({
      node: trust,
      placement: { type: 'trust', typeReason: 'it is an AssumeRolePolicyDocument', label: 'AssumeRolePolicyDocument', allowsIntrinsics: false },
    });
  }
  for (const key of ['PolicyDocument', 'Policy']) {
    const document = getProperty(root, key)?.value;
    if (looksLikePolicy(document)) found.push(standalone(document, fileName, key));
  }
  const versionDocument = getProperty(root, 'PolicyVersion')?.value;
  const document = isObject(versionDocument) ? getProperty(versionDocument, 'Document')?.value : undefined;
  if (looksLikePolicy(document)) found.push(standalone(document, fileName, 'PolicyVersion.Document'));
  return found;
}
