import type { RuleCases } from '../harness';
import { CATALOG_CASES } from './catalog';
import { CONDITION_CASES } from './conditions';
import { GRAMMAR_CASES } from './grammar';
import { JSON_TEXT_CASES } from './jsonText';
import { REDUNDANCY_CASES } from './redundancy';
import { SECURITY_CASES } from './security';
import { TEMPLATE_CASES } from './template';
import { TERRAFORM_CASES } from './terraform';

export const ALL_CASES: readonly RuleCases[] = [...GRAMMAR_CASES, ...JSON_TEXT_CASES, ...CATALOG_CASES, ...CONDITION_CASES, ...SECURITY_CASES, ...REDUNDANCY_CASES, ...TEMPLATE_CASES, ...TERRAFORM_CASES];
