import type { AccessLevel } from '../catalog/types';

/** The console's order of access levels. */
export const ACCESS_LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

/** What limits one grant: the resources it names and the conditions it sets. */
export interface AccessLimits {
  /** Resource patterns as written; `*` for all resources. NotResource entries are prefixed "not ". */
  readonly resources: readonly string[];
  /** Conditions as "Operator key", e.g. "StringEquals aws:SourceVpc"; empty when unconditional. */
  readonly conditions: readonly string[];
  /** For resource and trust policies: who the statements name ("AWS arn:...", "Service ec2.amazonaws.com", "*"). */
  readonly principals: readonly string[];
  /** Indexes of the statements this comes from. */
  readonly statements: readonly number[];
}

/** One access level of one service that a policy allows. */
export interface LevelGrant extends AccessLimits {
  readonly level: AccessLevel;
  /** Full: every action of this level in the service is allowed (on some resource); Limited: some are. */
  readonly extent: 'Full' | 'Limited';
  /** How many of the level's actions are allowed, and how many the service has. */
  readonly allowed: number;
  readonly total: number;
  /** The allowed actions ("s3:GetObject"), at most ACTION_SAMPLE of them. */
  readonly sample: readonly string[];
  /** True when every grant of this level covers all resources with no condition. */
  readonly unrestricted: boolean;
}

/** What Deny statements take away from one access level of one service. */
export interface LevelDenial extends AccessLimits {
  readonly level: AccessLevel;
  /** "removes": denied on all resources with no condition; "limits": denied only where its resources or conditions say. */
  readonly effect: 'removes' | 'limits';
  readonly denied: number;
  readonly total: number;
  readonly sample: readonly string[];
}

export interface ServiceAccessSummary {
  /** Lower-case prefix, e.g. "s3". */
  readonly prefix: string;
  /** The catalogue's name, e.g. "Amazon S3". */
  readonly name: string;
  /** Granted levels in ACCESS_LEVELS order (after unconditional denies are taken away). */
  readonly levels: readonly LevelGrant[];
  readonly denials: readonly LevelDenial[];
  /** Every level the service has is granted in full. */
  readonly fullAccess: boolean;
}

export interface PolicySummary {
  /** Services with a grant or a denial, sorted by prefix. */
  readonly services: readonly ServiceAccessSummary[];
  /** Actions an Allow names that the catalogue does not know (no grant can be summarised for them). */
  readonly unrecognizedActions: readonly string[];
  /** True when some Allow grants every action of every service (Action "*" or an empty NotAction). */
  readonly allowsEverything: boolean;
}
