/**
 * The words of IAM102 (unknown action), shared by the diagnostic and the hover on the same entry so
 * that both say the same thing.
 */
export function unknownActionMessage(written: string, servicePrefix: string, name: string, suggestion: string | undefined): string {
  return suggestion
    ? `Unknown action "${written}". Did you mean "${servicePrefix}:${suggestion}"?`
    : `Unknown action "${written}": ${servicePrefix} has no action named ${name}.`;
}
