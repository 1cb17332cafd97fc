import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The Markdown pages whose blocks are checked, relative to the repository
 * root: the root README, every page in docs/, and every package's and app's README.
 */
export function markdownPages(repositoryRoot: string): string[] {
  const pages = ['README.md'];
  const docs = join(repositoryRoot, 'docs');
  if (existsSync(docs)) {
    for (const name of readdirSync(docs).sort())
      if (name.endsWith('.md')) pages.push(`docs/${name}`);
  }
  for (const group of ['packages', 'apps', 'tools']) {
    const folder = join(repositoryRoot, group);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      const readme = join(folder, name, 'README.md');
      if (existsSync(readme)) pages.push(relative(repositoryRoot, readme));
    }
  }
  return pages;
}
