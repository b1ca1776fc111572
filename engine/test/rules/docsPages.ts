import * as fs from 'fs';
import * as path from 'path';
import type { PolicyType } from '../../src/document/model';
import { repoRoot } from '../fixtures/catalog';
import type { RuleCase } from './harness';

export function rulesDocsDir(): string {
  return path.join(repoRoot(), 'docs', 'rules');
}

export function readRulePage(ruleId: string): string | undefined {
  const file = path.join(rulesDocsDir(), `${ruleId}.md`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/**
 * The first ```json example of a page section ("Bad" or "Good"), with the policy type written above
 * it; an ```hcl example is a Terraform file (main.tf) whose policies take their types from the file.
 */
export function pageExample(page: string, section: 'Bad' | 'Good'): RuleCase | undefined {
  const start = page.indexOf(`## ${section}\n`);
  if (start < 0) return undefined;
  const rest = page.slice(start);
  const end = rest.indexOf('\n## ', 4);
  const body = end < 0 ? rest : rest.slice(0, end);
  const type = /Policy type: ([a-z]+)/.exec(body)?.[1] as PolicyType | 'auto' | undefined;
  const hcl = /```hcl\n([\s\S]*?)\n```/.exec(body)?.[1];
  if (hcl !== undefined) return { policy: hcl, type: 'auto', fileName: 'main.tf' };
  const json = /```json\n([\s\S]*?)\n```/.exec(body)?.[1];
  return json === undefined ? undefined : { policy: json, type: type ?? 'identity' };
}
