import { unknownAction } from './catalog/unknownAction';
import { unknownService } from './catalog/unknownService';
import { wildcardMatchesNothing } from './catalog/wildcardMatchesNothing';
import { invalidAction } from './grammar/invalidAction';
import { invalidEffect } from './grammar/invalidEffect';
import { invalidStatement } from './grammar/invalidStatement';
import { invalidVersion } from './grammar/invalidVersion';
import { jsonSyntax } from './grammar/jsonSyntax';
import { invalidResource } from './grammar/invalidResource';
import { missingVersion } from './grammar/missingVersion';
import { invalidPrincipal } from './grammar/invalidPrincipal';
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
  unknownService,
  unknownAction,
  wildcardMatchesNothing,
];

export function findRule(idOrName: string) {
  return RULES.find((rule) => rule.meta.id === idOrName || rule.meta.name === idOrName);
}
