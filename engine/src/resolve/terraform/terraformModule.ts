import { parseHcl } from '../../hcl/parseHcl';
import { isTerraformJsonFile, readTerraformJson } from '../../hcl/readTerraformJson';
import type { HclBody } from '../../hcl/ast';
import type { PolicyFile } from '../../document/policyFile';
import { indexConfiguration, type TerraformConfig } from './config';
import { readTerraform } from './terraformFile';

/** One file of a Terraform root module, read with the whole module's variables, locals and resources in view. */
export interface TerraformModuleFile {
  readonly name: string;
  readonly file: PolicyFile;
  readonly body: HclBody | undefined;
}

export interface TerraformModule {
  readonly files: readonly TerraformModuleFile[];
  readonly config: TerraformConfig;
}

/**
 * The `.tf` files of a folder as Terraform reads them: one configuration, so that a reference in
 * one file (`aws_iam_policy.app.arn`, `var.bucket`) finds what another file declares.
 */
export function readTerraformModule(sources: readonly { name: string; text: string }[]): TerraformModule {
  const parsed = sources.map((source) => ({ ...source, parsed: isTerraformJsonFile(source.name) ? readTerraformJson(source.text) : parseHcl(source.text) }));
  const config = indexConfiguration(parsed.flatMap((source) => (source.parsed.body ? [source.parsed.body] : [])));
  const files = parsed.map(({ name, text, parsed: hcl }) => {
    const read = readTerraform(text, { config, parsed: hcl });
    const file: PolicyFile = { text, format: 'terraform', root: read.root, syntaxProblems: read.syntaxProblems, policies: read.policies, embedded: [], notes: read.notes, policyUses: read.policyUses, fileName: name };
    return { name, file, body: read.body };
  });
  return { files, config };
}
