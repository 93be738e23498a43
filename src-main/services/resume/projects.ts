import type { Project } from '../../../src-shared/resume';
import type { Line } from './document';
import { findMentions, type Taxonomy } from './skills';

const TECH_LINE =
  /^(?:tech(?:nologies|nology| stack)?|stack|built with|tools|using)\s*(?:used)?\s*:\s*(.+)$/i;

/** A project starts at a short non-bullet line (its name), optionally "Name — description" or "Name (React, Go)". */
export function parseProjects(lines: Line[], taxonomy: Taxonomy): Project[] {
  const drafts: { name: string; body: string[]; tech: string[] }[] = [];
  for (const line of lines) {
    const tech = TECH_LINE.exec(line.text);
    const current = drafts.at(-1);
    if (tech && current) {
      current.tech.push(...splitList(tech[1]!));
      continue;
    }
    const startsProject =
      !line.bullet &&
      (line.bold || line.text.length <= 80 || /\s[—–|-]\s/.test(line.text)) &&
      !(current && /^[\p{Ll}]/u.test(line.text));
    if (startsProject || !current) {
      const [head, ...desc] = line.text.split(/\s+[—–|-]\s+|\t|:\s+/);
      const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(head ?? line.text);
      drafts.push({
        name: (paren ? paren[1]! : (head ?? line.text)).trim(),
        body: desc.length ? [desc.join(' — ').trim()] : [],
        tech: paren ? splitList(paren[2]!) : [],
      });
    } else {
      current.body.push(line.text);
    }
  }
  return drafts
    .filter((d) => d.name.length > 0)
    .map((d) => {
      const description = d.body.join(' ').trim();
      const mentioned = findMentions(description, 'projects', taxonomy)
        .filter((m) => m.skill.category === 'technical' || m.skill.category === 'tools')
        .map((m) => m.skill.name);
      const technologies = [...new Set([...d.tech, ...mentioned])];
      return { name: d.name, technologies, description };
    });
}

export const splitList = (text: string): string[] =>
  text
    .split(/\s*(?:,|;|\||•|·|\/(?=\s)|\band\b)\s*/)
    .map((s) => s.replace(/^[\s(]+|[\s).]+$/g, ''))
    .filter((s) => s.length > 0 && s.length < 50);
