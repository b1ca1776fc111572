// The scenarios in the order a user meets them; each one leaves the workbench usable for the next.
import { activation } from './activation.mjs';
import { actionCompletion } from './actionCompletion.mjs';
import { trustPrincipalHover } from './trustPrincipalHover.mjs';
import { unknownActionProblem } from './unknownActionProblem.mjs';
import { projectRuleSettings } from './projectRuleSettings.mjs';
import { yamlTemplateProblem } from './yamlTemplateProblem.mjs';
import { serverlessProblem } from './serverlessProblem.mjs';
import { serverlessCompletion } from './serverlessCompletion.mjs';
import { terraformDocument } from './terraformDocument.mjs';
import { terraformTemplateProblem } from './terraformTemplateProblem.mjs';
import { simulateAccess } from './simulateAccess.mjs';
import { narrowResultView } from './narrowResultView.mjs';
import { ruleDocsRendered } from './ruleDocsRendered.mjs';
import { syntaxErrorOnce } from './syntaxErrorOnce.mjs';
import { yamlSimulateCommands } from './yamlSimulateCommands.mjs';
import { simulatePickerFastEnter } from './simulatePickerFastEnter.mjs';
import { newRoleCrossAccount, newRoleEc2, newRoleGithub } from './newRole.mjs';
import { walkthrough } from './walkthrough.mjs';
import { simulateAsTemplateRole } from './simulateAsTemplateRole.mjs';
import { reviewAccessChanges } from './reviewAccessChanges.mjs';

export const scenarios = [activation, actionCompletion, trustPrincipalHover, unknownActionProblem, ruleDocsRendered, syntaxErrorOnce, projectRuleSettings, yamlTemplateProblem, yamlSimulateCommands, serverlessProblem, serverlessCompletion, terraformDocument, terraformTemplateProblem, simulateAccess, simulateAsTemplateRole, narrowResultView, simulatePickerFastEnter, newRoleGithub, newRoleCrossAccount, newRoleEc2, walkthrough, reviewAccessChanges];
