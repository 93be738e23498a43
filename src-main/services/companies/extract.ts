/**
 * Turns a pasted values or careers page and a job posting into a draft company profile the candidate then
 * edits. It only lifts what the text states: values from a values section or "Name: meaning" lines, stages
 * from lines that name an interview step, focus areas from the posting's skills. Nothing is invented.
 */
import type { Category } from '../../../src-shared/domain';
import type { CompanyValue, InterviewStage } from '../../../src-shared/companies';
import { clip } from '../../formats/text';

const BULLET = /^\s*(?:[-*•·▪◦‣–]|\d{1,2}[.)]|[a-z][.)])\s+/;
const VALUES_HEADING = /\b(values|principles|what we believe|how we work|culture|our beliefs|tenets)\b/i;
/** Headings that end a values list: the rest of a careers page. */
const OTHER_SECTION =
  /\b(hire|hiring|interview|process|benefits|perks|jobs|openings|apply|about us|locations)\b/i;
const HEADING_LIKE = (line: string) => line.length <= 60 && !/[.!?]$/.test(line) && /^[A-Z0-9]/.test(line);
const NAMED = /^(.{3,60}?)\s*(?::|\s[–—-]\s)\s*(.{10,})$/;

interface StageRule {
  pattern: RegExp;
  name: string;
  categories: Category[];
}

const STAGES: StageRule[] = [
  {
    pattern: /\b(recruiter|phone screen|screening call|intro(ductory)? call)\b/i,
    name: 'Recruiter screen',
    categories: ['Behavioral'],
  },
  {
    pattern: /\b(take[- ]home|assignment|work sample|exercise)\b/i,
    name: 'Take-home exercise',
    categories: ['Coding', 'Technical'],
  },
  {
    pattern: /\b(coding|pair(ing)? programming|live code|algorithm)\b/i,
    name: 'Coding interview',
    categories: ['Coding', 'Technical'],
  },
  {
    pattern: /\bsystem design|architecture interview\b/i,
    name: 'System design interview',
    categories: ['System_Design', 'Technical'],
  },
  {
    pattern: /\btechnical (interview|screen|round|assessment)\b/i,
    name: 'Technical interview',
    categories: ['Technical'],
  },
  {
    pattern: /\b(case study|case interview|presentation)\b/i,
    name: 'Case or presentation',
    categories: ['Situational', 'Domain_Specific'],
  },
  {
    pattern:
      /\b(behaviou?ral|values|culture|bar raiser|leadership principles)\b.*\b(interview|round|conversation)\b/i,
    name: 'Behavioural and values interview',
    categories: ['Behavioral', 'Situational'],
  },
  {
    pattern: /\b(hiring manager)\b/i,
    name: 'Hiring manager interview',
    categories: ['Behavioral', 'Situational'],
  },
  {
    pattern: /\b(on-?site|virtual on-?site|final (round|interview)|panel|loop)\b/i,
    name: 'Final round',
    categories: ['Technical', 'Behavioral'],
  },
];

const clean = (line: string) => line.replace(BULLET, '').replace(/\s+/g, ' ').trim();

export function extractValues(text: string): CompanyValue[] {
  const lines = text.split(/\r?\n/).map(clean).filter(Boolean);
  const found = new Map<string, CompanyValue>();
  const add = (name: string, description: string) => {
    const key = name.toLowerCase();
    if (!found.has(key) && found.size < 20)
      found.set(key, { name: clip(name, 80), description: clip(description, 400) });
  };
  let inValues = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const named = NAMED.exec(line);
    if (named && HEADING_LIKE(named[1]!) && named[1]!.split(' ').length <= 8) {
      add(named[1]!, named[2]!);
      continue;
    }
    if (HEADING_LIKE(line) && VALUES_HEADING.test(line) && line.split(' ').length <= 6) {
      inValues = true;
      continue;
    }
    if (inValues && HEADING_LIKE(line) && OTHER_SECTION.test(line)) {
      inValues = false;
      continue;
    }
    if (inValues && HEADING_LIKE(line) && line.split(' ').length <= 6) {
      const next = lines[i + 1];
      const description = next && !HEADING_LIKE(next) ? next : '';
      add(line, description);
      if (description) i++;
      continue;
    }
    // A long paragraph ends a values list only when nothing was found under the heading yet.
    if (inValues && line.length > 200 && found.size === 0) inValues = false;
  }
  return [...found.values()];
}

export function extractStages(text: string): InterviewStage[] {
  const stages: InterviewStage[] = [];
  for (const line of text.split(/\r?\n/).map(clean).filter(Boolean)) {
    if (
      !/\b(interview|screen|round|stage|step|call|exercise|assignment|on-?site|loop|panel|presentation|case)\b/i.test(
        line,
      )
    )
      continue;
    // One line may name several steps ("a recruiter call, then a case study"); each step is one stage, named
    // by the first kind of stage it mentions.
    for (const step of line.split(/,?\s*\b(?:then|followed by|after that|and finally)\b\s*|;\s*/i)) {
      const first = STAGES.map((r) => ({ r, at: step.search(r.pattern) }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => a.at - b.at)[0];
      if (!first || stages.some((s) => s.name === first.r.name) || stages.length === 12) continue;
      stages.push({ name: first.r.name, description: clip(line, 400), categories: first.r.categories });
    }
  }
  return stages;
}

export function extractCompanyName(text: string): string | null {
  const m = /\b(?:at|join|about)\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})/.exec(text);
  return m ? m[1]!.replace(/[.,]$/, '') : null;
}
