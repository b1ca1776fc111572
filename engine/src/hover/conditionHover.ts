import type { Catalog } from '../catalog/catalog';
import { conditionKeyDocumentation } from '../complete/conditions';
import { operatorDocumentation, parseOperator, OPERATOR_DOCS } from '../complete/data/operators';
import { UNKNOWN_MARK } from '../document/unknown';
import { mdBold } from '../markdown/userText';

export function operatorHover(operator: string): string {
  const parsed = parseOperator(operator);
  if (parsed) return operatorDocumentation(parsed);
  return `${mdBold(operator)} is not a condition operator. Operators are case-sensitive, e.g. \`StringEquals\`, \`ArnLike\`, \`ForAnyValue:StringLike\`, \`BoolIfExists\`. [Condition operators](${OPERATOR_DOCS})`;
}

export function conditionKeyHover(key: string, catalog: Catalog): string {
  // A key computed by the template (Terraform's "${...}:sub"): only its literal part is known here.
  if (key.includes(UNKNOWN_MARK)) {
    return `${mdBold(key.replaceAll(UNKNOWN_MARK, '…'))} — a condition key whose name is known only when the template is deployed (… stands for the part computed then); it is not checked.`;
  }
  const info = catalog.conditionKey(key);
  if (info) return conditionKeyDocumentation(info, key);
  return `${mdBold(key)} — a condition key the catalogue does not know. A key that never appears in the request makes the condition false (true for negated operators and \`...IfExists\`).`;
}
