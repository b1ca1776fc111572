import { actionWildcard } from './catalog/actionWildcard';
import { arnMatchesNoResourceType } from './catalog/arnMatchesNoResourceType';
import { arnRegionAccount } from './catalog/arnRegionAccount';
import { arnServiceCase } from './catalog/arnServiceCase';
import { conditionKeyNotApplicable } from './catalog/conditionKeyNotApplicable';
import { invalidArn } from './catalog/invalidArn';
import { resourceMismatch } from './catalog/resourceMismatch';
import { tagKeyMissing } from './catalog/tagKeyMissing';
import { unknownAction } from './catalog/unknownAction';
import { unknownConditionKey } from './catalog/unknownConditionKey';
import { unknownService } from './catalog/unknownService';
import { wildcardInServiceName } from './catalog/wildcardInServiceName';
import { wildcardMatchesNothing } from './catalog/wildcardMatchesNothing';
import { conditionValueType } from './conditions/conditionValueType';
import { forAllValuesPermissive } from './conditions/forAllValuesPermissive';
import { invalidConditionOperator } from './conditions/invalidConditionOperator';
import { ipRangeHostBits } from './conditions/ipRangeHostBits';
import { malformedPolicyVariable } from './conditions/malformedPolicyVariable';
import { missingSetQualifier } from './conditions/missingSetQualifier';
import { multipleBoolValues } from './conditions/multipleBoolValues';
import { nullWithIfExists } from './conditions/nullWithIfExists';
import { nullWithSetQualifier } from './conditions/nullWithSetQualifier';
import { operatorKeyType } from './conditions/operatorKeyType';
import { policyVariableNeedsVersion } from './conditions/policyVariableNeedsVersion';
import { policyVariableNotAllowed } from './conditions/policyVariableNotAllowed';
import { privateSourceIp } from './conditions/privateSourceIp';
import { redundantConditionValue } from './conditions/redundantConditionValue';
import { wildcardWithoutLike } from './conditions/wildcardWithoutLike';
import { templateMacroNotChecked } from './template/templateMacroNotChecked';
import { conflictingElements } from './grammar/conflictingElements';
import { duplicateKey } from './grammar/duplicateKey';
import { duplicateSid } from './grammar/duplicateSid';
import { emptyElement } from './grammar/emptyElement';
import { emptySid } from './grammar/emptySid';
import { invalidAction } from './grammar/invalidAction';
import { invalidEffect } from './grammar/invalidEffect';
import { invalidPrincipal } from './grammar/invalidPrincipal';
import { invalidPrincipalValue } from './grammar/invalidPrincipalValue';
import { invalidResource } from './grammar/invalidResource';
import { invalidSid } from './grammar/invalidSid';
import { invalidStatement } from './grammar/invalidStatement';
import { invalidValueType } from './grammar/invalidValueType';
import { invalidVersion } from './grammar/invalidVersion';
import { jsonSyntax } from './grammar/jsonSyntax';
import { jsoncInJson } from './grammar/jsoncInJson';
import { terraformValueNotChecked } from './template/terraformValueNotChecked';
import { missingVersion } from './grammar/missingVersion';
import { oldVersion } from './grammar/oldVersion';
import { policySize } from './grammar/policySize';
import { rcpSyntax } from './grammar/rcpSyntax';
import { trustPolicyAction } from './grammar/trustPolicyAction';
import { unknownElement } from './grammar/unknownElement';
import { redundantAction } from './redundancy/redundantAction';
import { redundantResource } from './redundancy/redundantResource';
import { redundantStatement } from './redundancy/redundantStatement';
import { allowWithNotAction } from './security/allowWithNotAction';
import { allowWithNotPrincipal } from './security/allowWithNotPrincipal';
import { allowWithNotResource } from './security/allowWithNotResource';
import { confusedDeputy } from './security/confusedDeputy';
import { createSlrOnAllResources } from './security/createSlrOnAllResources';
import { credentialExposure } from './security/credentialExposure';
import { crossAccountWithoutExternalId } from './security/crossAccountWithoutExternalId';
import { dataExfiltration } from './security/dataExfiltration';
import { fullWildcardOnSensitiveService } from './security/fullWildcardOnSensitiveService';
import { githubOidcSubWildcard } from './security/githubOidcSubWildcard';
import { passRoleOnAllResources } from './security/passRoleOnAllResources';
import { privilegeEscalation } from './security/privilegeEscalation';
import { publicResourcePolicy } from './security/publicResourcePolicy';
import { mfaFalseInAllow } from './security/mfaFalseInAllow';
import { resourceEffectivelyStar } from './security/resourceEffectivelyStar';
import { resourcePolicyWrite } from './security/resourcePolicyWrite';
import { trustPolicyWildcardPrincipal } from './security/trustPolicyWildcardPrincipal';
import { webIdentityWithoutConditions } from './security/webIdentityWithoutConditions';
import type { Rule } from './types';

/** Every rule, sorted by id. A meta-test checks the order, the ids' uniqueness, the docs page and the tests of each. */
export const RULES: readonly Rule[] = [
  jsonSyntax,
  missingVersion,
  invalidVersion,
  invalidStatement,
  invalidEffect,
  invalidAction,
  invalidResource,
  invalidPrincipal,
  unknownElement,
  oldVersion,
  invalidSid,
  emptySid,
  duplicateSid,
  conflictingElements,
  rcpSyntax,
  trustPolicyAction,
  emptyElement,
  policySize,
  invalidValueType,
  duplicateKey,
  invalidPrincipalValue,
  templateMacroNotChecked,
  terraformValueNotChecked,
  jsoncInJson,
  unknownService,
  unknownAction,
  wildcardMatchesNothing,
  wildcardInServiceName,
  invalidArn,
  arnServiceCase,
  arnRegionAccount,
  arnMatchesNoResourceType,
  resourceMismatch,
  unknownConditionKey,
  conditionKeyNotApplicable,
  tagKeyMissing,
  actionWildcard,
  invalidConditionOperator,
  conditionValueType,
  operatorKeyType,
  multipleBoolValues,
  nullWithIfExists,
  nullWithSetQualifier,
  forAllValuesPermissive,
  missingSetQualifier,
  wildcardWithoutLike,
  malformedPolicyVariable,
  policyVariableNotAllowed,
  policyVariableNeedsVersion,
  privateSourceIp,
  ipRangeHostBits,
  redundantConditionValue,
  allowWithNotAction,
  allowWithNotResource,
  allowWithNotPrincipal,
  passRoleOnAllResources,
  createSlrOnAllResources,
  fullWildcardOnSensitiveService,
  privilegeEscalation,
  credentialExposure,
  dataExfiltration,
  trustPolicyWildcardPrincipal,
  confusedDeputy,
  crossAccountWithoutExternalId,
  webIdentityWithoutConditions,
  githubOidcSubWildcard,
  publicResourcePolicy,
  mfaFalseInAllow,
  resourceEffectivelyStar,
  resourcePolicyWrite,
  redundantAction,
  redundantResource,
  redundantStatement,
];

export function findRule(idOrName: string) {
  return RULES.find((rule) => rule.meta.id === idOrName || rule.meta.name === idOrName);
}
