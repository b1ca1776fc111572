import { ROLE_DOCS, ROLE_DOC_TITLES, type RoleDocPage } from './docLinks';
import { ROLE_FACTS, type RoleFactId } from './facts';

/**
 * Builds a role explanation out of facts: a heading, sentences about the value at hand, and facts as
 * bullets, ending with links to the pages the facts come from (each page once, in order of use).
 */
export class Explanation {
  private readonly lines: string[] = [];
  private readonly pages: (RoleDocPage | DocRef)[] = [];

  /** A paragraph of Markdown; user text in it must already be escaped. */
  paragraph(markdown: string, page?: RoleDocPage): this {
    if (this.lines.length > 0) this.lines.push('');
    this.lines.push(markdown);
    if (page) this.cite(page);
    return this;
  }

  /** One fact as a bullet. */
  fact(id: RoleFactId, suffix = ''): this {
    const fact = ROLE_FACTS[id];
    return this.bullet(`${fact.text}${suffix}`, fact.source);
  }

  facts(ids: readonly RoleFactId[]): this {
    for (const id of ids) this.fact(id);
    return this;
  }

  /** A bullet of Markdown (escaped user text only) with the page it comes from. */
  bullet(markdown: string, page?: RoleDocPage | DocRef): this {
    const last = this.lines[this.lines.length - 1];
    if (last !== undefined && !last.startsWith('- ')) this.lines.push('');
    this.lines.push(`- ${markdown}`);
    if (page) this.cite(page);
    return this;
  }

  cite(page: RoleDocPage | DocRef): this {
    const url = typeof page === 'string' ? ROLE_DOCS[page] : page.url;
    if (!this.pages.some((known) => (typeof known === 'string' ? ROLE_DOCS[known] : known.url) === url)) this.pages.push(page);
    return this;
  }

  toMarkdown(): string {
    if (this.pages.length === 0) return this.lines.join('\n');
    return [...this.lines, '', this.pages.map((page) => (typeof page === 'string' ? docLink(page) : `[${page.title}](${page.url})`)).join(' · ')].join('\n');
  }
}

/** A page outside docLinks.ts (a service's own page on its role), with the title it is linked with. */
export interface DocRef {
  readonly title: string;
  readonly url: string;
}

export function docLink(page: RoleDocPage): string {
  return `[${ROLE_DOC_TITLES[page]}](${ROLE_DOCS[page]})`;
}

/** A fact's text with a link to its page, for notes that are a single fact. */
export function factWithLink(id: RoleFactId): string {
  const fact = ROLE_FACTS[id];
  return `${fact.text} ${docLink(fact.source)}`;
}
