/** The posting's sections: which headings ask for skills, which say what is a plus, which tell the story. */
import { type Line } from './text';

/**
 * What a block of a posting is about, from the heading above it: what it asks for, what would be a plus, the
 * work itself, a summary that mixes the work with the company's story (and the untitled opening), or neither.
 */
export type Kind = 'required' | 'nice' | 'duties' | 'summary' | 'other';

const NICE_HEADING =
  /\b(nice[- ]to[- ]haves?|preferred|bonus(?: points)?|pluses|a plus|desirable|extra credit|would be (?:great|nice|helpful)|good to have|ideally|strong candidates will have|desired qualifications|it would be great if|even better|(?:would be |will be )?useful|not required)\b/i;

const REQUIRED_HEADING =
  /\b(requirements?|required|must[- ]haves?|qualifications?|what you(?:'|’)ll (?:need|bring)|what (?:you|we)(?:'|’)re looking for|what we look for|who you are|who are you|about you|you have|you bring|you should have|you(?:'|’)ll need|minimum|essential|skills|desired skills|experience (?:and|&) skills|specialized experience|primarily responsible for|key requirements|the ideal candidate|we(?:'|’)d (?:especially )?(?:like|love) to (?:get to know|hear from) you if|your background|tech stack|our stack|technologies|(?:your|candidate|desired|required|applicant)\s+profile|^profile|person specification|the (?:ideal |successful )?candidate|what we expect|we expect|we are looking for|your (?:skills|experience|qualifications))\b/i;

const DUTIES_HEADING =
  /\b(responsibilities|tasks include|(?:key|main|your) tasks|what you(?:'|’)ll do|what you will do|you will|key objectives?|objective|duties|day[- ]to[- ]day|in this role|your impact|what you(?:'|’)ll own|the work)\b/i;

const SUMMARY_HEADING =
  /\b(the role|about the role|role summary|position summary|the job|job summary|overview|summary|(?:vacancy|job) advert(?:isement)?|job description)\b/i;

const OTHER_HEADING =
  /\b(about (?!you\b|the role\b|the job\b|this role\b|the position\b|the work\b)(?![\p{L}\p{N}.&' -]*\b(?:this|the) (?:role|position|job)\b)[\p{L}\p{N}.&' -]+(?:,.*)?$|about (?:us|the company|the team)|benefits|perks|we(?: will| can)? offer|what we offer|compensation|salary|how to apply|apply now|to apply|applications (?:are )?welcome|equal opportunity|eeo|location|basic information|who may apply|our values|why join|life at|working at|diversity|interview process|hiring process)\b/iu;

export const LABEL =
  /^((?:job|post|position|vacancy)\s+title|title|position|role|company|employer|organi[sz]ation|location|salary|department|agency|(?:unit\s*\/\s*)?division|pay\s*band|grade|type of (?:posting|position))\s*:/i;

export interface Block {
  heading: string | null;
  kind: Kind;
  lines: Line[];
}

/**
 * A heading is a short line that is not a bullet and not a sentence: it names a known section, or ends with a
 * colon, or is written like a title. "5+ years of backend engineering experience" is none of these, so it stays
 * inside the Requirements list it belongs to, however short it is.
 */
function headingKind(line: Line): Kind | null {
  if (line.bullet) return null;
  // A lead-in sentence that ends with a colon heads the list under it: "Strong candidates will have … :".
  if (line.text.endsWith(':') && line.text.length <= 200) return kindOf(line.text) ?? 'other';
  // "WHO ARE YOU?": a heading written as a question is one only when it names a known section.
  if (/\?$/.test(line.text) && line.text.length <= 40) {
    const asked = kindOf(line.text.replace(/\?$/, ''));
    return asked === 'other' ? null : asked;
  }
  if (line.text.length > 70 || /[.!?;,]$/.test(line.text)) return null;
  // "Starting salary: $60-$80k", "Location: Burlington": a label with its value is a line, not a heading over
  // what follows.
  if (/^[^:]{2,40}:\s+\S/.test(line.text) && !kindOf(line.text.split(':')[1]!)) return null;
  const t = line.text.replace(/:$/, '').trim();
  const words = t.split(/\s+/);
  // "About You - Other expertise that will be useful but not required": a long heading, but only a heading says that.
  if (words.length > 10 && words.length <= 14 && kindOf(t) === 'nice' && !/\d/.test(t)) return 'nice';
  if (words.length > 10 || /^\d/.test(t) || /\d+\+?\s*years?/i.test(t) || LABEL.test(line.text)) return null;
  const known = kindOf(t);
  if (known) return known;
  const colon = line.text.endsWith(':');
  const titled = words.every(
    (w) =>
      /^[\p{Lu}\d&/(]/u.test(w) || /^(?:and|of|the|to|for|a|an|in|at|on|we|you|our|your|with|&)$/i.test(w),
  );
  return colon || (titled && words.length <= 6) ? 'other' : null;
}

/**
 * Headings over the organisation's story: who they are, their mission, the lab, the project, the setting. What is
 * told there asks for nothing ("developing workflows for genomics", "a leading data analysis platform").
 */
const STORY_HEADING =
  /^(?:who\s+we\s+are|who\s+are\s+we|about\s+us|our\s+(?:mission|story|team|vision|values|work|group|lab|company|organi[sz]ation|culture|history)|the\s+(?:lab|laboratory|team|group|project|company|organi[sz]ation|department|institute|centre|center|programme|program|consortium|initiative)|(?:the\s+)?(?:working|research|work)\s+environment|environment|background|context|mission|vision|what\s+we\s+do|where\s+you(?:'|’)ll\s+work|why\s+(?:us|join\s+us|work\s+with\s+us))(?:\s*[/&,]\s*\S.*)?$/i;

export function kindOf(text: string): Kind | null {
  const heading = text.replace(/:\s*$/, '');
  if (STORY_HEADING.test(heading.trim())) return 'other';
  if (NICE_HEADING.test(heading)) return 'nice';
  if (OTHER_HEADING.test(heading)) return 'other';
  if (REQUIRED_HEADING.test(heading)) return 'required';
  if (DUTIES_HEADING.test(heading)) return 'duties';
  if (SUMMARY_HEADING.test(heading)) return 'summary';
  return null;
}

export function toBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [{ heading: null, kind: 'summary', lines: [] }];
  for (const line of lines) {
    const kind = headingKind(line);
    if (kind) {
      // An unknown heading ("Our mission", "Login.gov") under a requirements heading keeps the list going
      // only when it reads like a sub-heading of it; otherwise it starts a block nobody asked skills in.
      const sub = kind === 'other' && !kindOf(line.text);
      // "If the successful candidate is based in the UK, we will offer:" under Benefits: a lead-in sentence goes
      // on with the section it is in, and asks for nothing there either.
      if (
        sub &&
        blocks.at(-1)!.kind === 'other' &&
        blocks.length > 1 &&
        line.text.endsWith(':') &&
        line.text.split(/\s+/).length > 6
      ) {
        blocks.at(-1)!.lines.push(line);
        continue;
      }
      // "Fundraising Operations", "Strategy and Planning" under the responsibilities: the sub-heading names the work.
      const within = sub && ['duties', 'required'].includes(blocks.at(-1)!.kind) && blocks.length > 1;
      blocks.push({
        heading: line.text,
        kind: sub ? 'duties' : kind,
        lines: within ? [{ text: line.text.replace(/:$/, ''), bullet: true }] : [],
      });
      continue;
    }
    blocks.at(-1)!.lines.push(line);
  }
  return blocks;
}
