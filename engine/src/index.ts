/** The public face of the engine: everything the server, the CLI and tests use. */
export * from './catalog';
export * from './document';
export * from './evaluate';
export * from './complete';
export * from './hover';
export * from './roles';
export * from './managed';
export { lintFile, type LintOptions } from './rules/linter';
export { documentPolicies, lintDocument, type DocumentPolicy } from './rules/lintDocument';
export { unreadableJsonFindings } from './rules/unreadableJson';
export { checkAction, checkTestFile, type TestFileProblem } from './policyTests/checkTestFile';
export { RULES, findRule } from './rules/registry';
export {
  mergeRuleSettings,
  parseProjectConfig,
  readRuleSettings,
  PROJECT_CONFIG_FILE,
  RULE_SETTINGS,
  type ConfigFileProblem,
  type ProjectConfig,
  type RuleSetting,
  type RuleSettings,
  type SettingsProblem,
} from './rules/settings';
export type { Finding, FixHint, Rule, RuleMeta, Severity, RuleCategory } from './rules/types';
export { matchesWildcard } from './match/wildcard';
export { matchesArnPattern, parseArn } from './match/arn';
export * from './newRole';
export { loadHclParser, hclParserReady, type HclWasm } from './hcl/runtime';
export { warmUpTerraform } from './hcl/warmUp';
export { readTerraformModule, type TerraformModule, type TerraformModuleFile } from './resolve/terraform/terraformModule';
export { collectTerraformRole, terraformRoles, type TerraformRole } from './resolve/terraform/terraformRoles';
export { isTerraformTemplateFile } from './resolve/terraform/templateFile';
export * from './summary';
export * from './diff';
