import type { JobProposal } from '../../../src-shared/jobs';
import { findMentions, normaliseSkill, type Taxonomy, type TaxonomySkill } from '../resume/skills';
import { asWrittenAsks } from './posting/as-written';
import { POSTING_TERMS, PROFESSIONAL_SKILLS } from './terms';
import { APPOSITIVE, companyFromText, definedAcronyms } from './posting/company';
import { headerOf, teamOf, withoutCompany } from './posting/header';
import { levelOf } from './posting/level';
import { kindOf, toBlocks } from './posting/sections';
import { escape, readLines, sentences, wordPattern } from './posting/text';

/** A sentence that names a skill as welcome rather than needed. */
const NICE_CUE =
  /\b(nice[- ]to[- ]have|preferred|bonus|a plus|a (?:big|huge|strong|definite|real) plus|is a plus|are a plus|desirable|would be (?:great|nice|helpful|a plus)|good to have|ideally|strongly desired|extra credit|preferably|(?:experience|knowledge) or (?:some )?familiarity (?:with|in)|or (?:an? )?(?:strong |keen |genuine )?interest in|an interest in learning|desired (?:qualifications?|skills|experience)|(?:use|and|or)\s*\/\s*learn|not required|isn(?:'|’)t required|is helpful|are helpful|familiarity with .* helpful|applications are (?:also )?welcome from)\b/i;

/** A nice-to-have cue said of what precedes it: "… is desirable", "… would be a plus", "… are a bonus". */
const NICE_PREDICATE =
  /\b(?:experience|knowledge|skills?|familiarity)\s+(?:(?:is|are)\s+)?(?:(?:strongly|highly)\s+)?desired\b|\b(?:is|are|would be|would also be|will be)\s+(?:a\s+|an\s+|also\s+)?(?:(?:big|huge|strong|definite|added|additional|highly)\s+)?(?:plus(?:es)?|bonus(?:es)?|desirable|preferred|helpful|useful|beneficial|assets?|(?:an\s+)?advantage(?:ous)?|nice to have)\b|\bor\s+(?:an?\s+)?(?:strong\s+)?(?:willingness|desire|eagerness|interest)\s+(?:to|in)\s+learn\w*|\ban?\s+(?:(?:big|huge|strong|definite|real|added)\s+)?(?:plus|bonus)[!.]?\s*$/i;

const ASKS =
  /\b((?:assignments|duties|tasks) include|you|your|you(?:'|’)ll|candidates?|applicants?|experience|proficien\w*|knowledge|familiar\w*|skills?|ability|able to|must|should|requires?|required|expertise|background in|understanding of|comfortable|responsible for|(?:the|this) (?:individual|lead|person|hire|incumbent) will|(?:the|this) (?:role|position|job|post)|an? (?:new )?position is available)\b/i;

/** A sentence about the team or the company as it is, not about whom it seeks. */
const OUR_STORY =
  /^(?:our\s+(?:team|company|founders|engineers|people|customers|users|product|platform|mission)\b|we(?:'|’)re\s+a\b|we\s+(?:are|were)\s+a\b|we\s+(?:believe|build|provide|teach|serve|support|empower|help\s+(?!you))\b)(?!.*\b(?:looking for|seeking|hiring|need|want)\b)/i;

/** A clause about a third person: ", who will report to you and is responsible for …". */
const OTHER_PERSON = /,\s+who\s+(?:will|is|are|has|have|would|reports?)\b.*$/i;

/** A clause that says what the job does not involve: "does not involve any software development". */
const NOT_THE_JOB = /\b(?:does|do|will|would)\s+not\s+(?:involve|require|include|entail)\b[^,;.]*/gi;

/**
 * "… to coordinate a grant-funded project with the aims to (1) deploy and manage open cloud infrastructure …": what a
 * project, programme or initiative aims at is its goal, told in the story, not work asked of the candidate.
 */
const PROJECT_AIMS =
  /\b(?:project|programme|program|initiative|grant|fellowship|consortium)\b[^.;]{0,80}?\b(?:with the aims? (?:to|of)|which aims to|that aims to|aim(?:s|ed|ing)? (?:at|to)|whose (?:aims?|goals?|mission) (?:is|are))\b.*$/i;

/** "I led fundraising for the first $7 million": the writer of a letter-style posting telling their own story. */
const MY_STORY = /^(?:I|I(?:'|’)(?:ve|m|d))\s/;

/** "The PM will lead efforts to …": the role by its acronym, as the subject of the work. */
const ROLE_BY_ACRONYM = /\b(?:[Tt]he|[Tt]his) \p{Lu}{2,4} will\b/u;

/** A sentence about the job itself: "This role encompasses …". */
const THE_JOB =
  /\b(?:(?:assignments|duties|tasks) include|(?:the|this|your) (?:role|position|job|post)|an? (?:new )?position is available|(?:main|key) (?:activities|tasks|duties))\b/i;

const EXPERIENCE =
  /\b(responsibilit(?:y|ies)|are you interested|experience|experienced|proficien\w*|knowledge|familiar\w*|expertise|skills?|background|understanding|ability|able to|comfortable|should|must|required?|responsible for)\b/i;

/** A line that asks for command of a human language: fluency, proficiency, speaking it, being bilingual. */
const LANGUAGE_ASKED =
  /\b(?:fluen(?:t|cy)|proficien\w*|bilingual|multilingual|native|mother tongue|spoken|speak(?:s|ing)?|[\p{L}]+-speaking|written and (?:oral|verbal)|verbal and written|command of|working knowledge of|conversational|communicate in|correct [\p{L}]+ usage|skills in)\b/iu;

/** Groups of the taxonomy that name fields and methods of work, as opposed to languages, products and tools. */
const FIELDS = new Set([
  'Business, finance & marketing',
  'Software engineering practices',
  'Design & UX methods',
  'Data & analytics methods',
  'Security',
  'Machine learning & AI',
  'Frontend & web development',
  'DevOps & cloud practices',
  'Project & delivery methods',
  'Architecture & APIs',
  'Testing & QA',
  'Engineering & science methods',
]);

/** Aliases that postings use for their aims and their trade, not as a skill they ask for. */
const AIMS = new Set(
  [
    'continuous improvement',
    'compliance',
    'user experience',
    'software development',
    'software engineering',
    'debugging',
    'data analytics',
    'customer experience',
  ].map(normaliseSkill),
);

/**
 * Skills a posting also uses as an adjective for itself ("an open source team", "our open-source project") or as
 * a thing it owns ("our vision and roadmap", "FedRAMP’s technology and program roadmap").
 */
const DESCRIPTIVE = new Set(['Open source', 'Full-stack development', 'Product roadmap']);

/** Every mention of the skill here is a predicate or attribute of the company: "is (an) open source", "our open source". */
function describesItself(skill: TaxonomySkill, text: string): boolean {
  const all = [...text.matchAll(anyName(skill))];
  return (
    all.length > 0 &&
    all.every((m) =>
      /\b(?:(?:is|are|being|we(?:'|’)re)\s+(?:an?\s+|fully\s+|entirely\s+)?|(?:our|its|their|[\p{L}]+[’']s)\s+(?:[\p{L}-]+\s+(?:and\s+)?){0,2})$/iu.test(
        text.slice(0, m.index),
      ),
    )
  );
}

const anyNames = new WeakMap<TaxonomySkill, RegExp>();

/** Any of the skill's names as a whole word, built once per skill. */
function anyName(skill: TaxonomySkill): RegExp {
  let re = anyNames.get(skill);
  if (!re) {
    const names = [skill.name, ...skill.aliases].map(escape).join('|');
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names})(?![\\p{L}\\p{N}])`, 'giu');
    anyNames.set(skill, re);
  }
  re.lastIndex = 0;
  return re;
}

/** Nouns for people and teams that a skill can qualify: "UX researchers", "platform engineering organizations". */
const PEOPLE =
  /^(?:(?:\s*[/,]\s*|\s+(?:and|or)\s+)[\p{L}-]+(?:\s+[\p{L}-]+)?){0,4}\s+(?:designers?|researchers?|engineers?|developers?|supervisors?|organi[sz]ations?|leaders?|practitioners?|specialists?|staff|studies|colleagues|peers|partners|professionals|contractors|consultants|freelancers|agencies|(teams?))\b/iu;

/**
 * Every mention of the skill in this text qualifies people or teams, and none says the candidate is one ("as a
 * UX designer").
 */
function namesPeople(skill: TaxonomySkill, text: string): boolean {
  const all = [...text.matchAll(anyName(skill))];
  return (
    all.length > 0 &&
    all.every((m) => {
      const people = PEOPLE.exec(text.slice(m.index + m[0].length));
      return (
        people &&
        // "the UX team" is the people; "an agile team" is how they work.
        !(people[1] && skill.group === 'Project & delivery methods') &&
        !/\bas\s+an?\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(text.slice(0, m.index))
      );
    })
  );
}

/** Departments of a company, as postings name them in lists of the people the candidate works with. */
const DEPARTMENT =
  /^(?:Legal|Security|Tax|Finance|Accounting|Procurement|Marketing|Sales|Engineering|Product|Support|IT|HR|PeopleOps|People|Operations|Design|Research|Revenue|Compliance|Data)$/;

/**
 * "Work with Procurement, Legal and Security", "internal customers including PeopleOps, Tax, Legal and Accounting":
 * a field written as a department, in a list of departments, is the people there.
 */
function namesDepartment(skill: TaxonomySkill, text: string): boolean {
  const all = [...text.matchAll(anyName(skill))];
  return (
    all.length > 0 &&
    all.every((m) => {
      if (!/^\p{Lu}\p{L}*$/u.test(m[0])) return false;
      const list = new RegExp(
        `(?:^|[^\\p{L}])((?:\\p{Lu}[\\p{L}]*(?:,\\s*|\\s+and\\s+)){0,6}${escape(m[0])}(?:(?:,\\s*|,?\\s+and\\s+)\\p{Lu}[\\p{L}]*){0,6})`,
        'u',
      ).exec(text.slice(Math.max(0, m.index - 120), m.index + m[0].length + 120));
      const items = list?.[1]!.split(/,\s*|\s+and\s+/) ?? [];
      return items.filter((i) => i !== m[0] && DEPARTMENT.test(i)).length >= 2;
    })
  );
}

/** The skill is named in this text only by one of the AIMS words. */
function onlyAsAim(skill: TaxonomySkill, text: string): boolean {
  // "including compliance with international, federal, and state requirements": compliance with named rules is work.
  if (/\bcompliance with\b[^.;]{0,60}\b(?:requirements|regulations|laws|rules)\b/i.test(text)) return false;
  // "Data & Analytics" is read as "data analytics": the words may be joined by an ampersand.
  const said = (n: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escape(n).replace(/ /g, '[\\s&]+')}(?![\\p{L}\\p{N}])`, 'iu').test(text);
  const names = [skill.name, ...skill.aliases];
  // "analyze data" names data analysis as work to do, not with the word postings use for their aims.
  if (!names.some((n) => AIMS.has(normaliseSkill(n)) && said(n))) return false;
  // "Applicants should have extensive experience of collaborative software development": the trade asked for.
  if (
    names.some((n) =>
      new RegExp(
        `\\b(?:experience|track record|background|expertise)\\s+(?:of|in|with)\\s+(?:[\\p{L}-]+\\s+){0,3}${escape(n)}(?![\\p{L}\\p{N}])`,
        'iu',
      ).test(text),
    )
  )
    return false;
  return !names.filter((n) => !AIMS.has(normaliseSkill(n))).some(said);
}

const isField = (skill: TaxonomySkill) => skill.category === 'technical' && FIELDS.has(skill.group);

/**
 * Reads a pasted posting: the title, the company, the level, and the skills it asks for, split into required
 * and nice-to-have by the heading or the sentence they sit under, with soft skills kept apart. Skills named in
 * the duties and in a posting without headings count as required; the company's own story, the benefits and
 * the how-to-apply never add skills. Everything is a proposal the candidate edits.
 */
export function proposeFromPosting(text: string, taxonomy: Taxonomy): JobProposal {
  const vocabulary = withPostingTerms(taxonomy);
  const lines = readLines(text);
  const header = headerOf(lines);
  const blocks = toBlocks(lines.slice(header.bodyFrom));

  const company = header.company ?? companyFromText(text, lines, vocabulary);
  const named = header.title && company ? withoutCompany(header.title, company) : header.title;
  // "FedRAMP Cyber Data Analyst" with "FedRAMP’s Cyber Data Analyst will …": the title opens with the team.
  const team = teamOf(named, text);
  const title = team && named ? named.slice(team.length).trim() : named;
  // "Northwind Logistics is hiring", "FedRAMP was created in 2011": the hirer's name is not a skill it asks for.
  const owners = [company && !vocabulary.index.has(normaliseSkill(company)) ? company : null, team].filter(
    (n): n is string => Boolean(n),
  );
  const ownName =
    owners.length > 0
      ? // "The Tor Project, Inc., a 501(c)(3) nonprofit … creating … open source … technologies, is seeking": the
        // name and the description after it are the company's.
        new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${owners.map(escape).join('|')})(?![\\p{L}\\p{N}])${APPOSITIVE}`,
          'giu',
        )
      : null;
  // "The Billing Operations Team at GitLab", "the GitLab product": the hirer's name, where it is also a product, is
  // asked for only where the posting says to use it ("Ability to use GitLab").
  const ownProduct =
    company && vocabulary.index.get(normaliseSkill(company))?.category === 'tools'
      ? new RegExp(
          `(?<!\\b(?:[Uu]se|[Uu]sing|[Ll]earn|[Ww]ith)\\s+)(?<![\\p{L}\\p{N}])${escape(company)}(?![\\p{L}\\p{N}]|\\.\\p{L})`,
          'gu',
        )
      : null;
  // "The Centers for Disease Control and Prevention (CDC) is the agency …": the hirer's acronym is its name, not the
  // skill it spells (change data capture). Another organisation's acronym may be what is asked ("NIST" standards).
  const spelled = [...definedAcronyms(text)]
    .filter(([a, name]) => company === a || company === name)
    .map(([a]) => a)
    .filter((a) => vocabulary.index.has(normaliseSkill(a)));
  const acronyms = spelled.length > 0 ? new RegExp(`\\b(?:${spelled.join('|')})\\b`, 'g') : null;
  // "The Carpentries is an open, global community teaching …": a sentence whose subject is the hirer tells its story.
  const hirerStory = company
    ? new RegExp(
        `^(?:[Tt]he\\s+)?${escape(company)}(?:[’']s)?\\s+(?:is|are|was|were|has|have|exists|believes|builds|helps|provides|offers|develops|creates|teaches|supports|serves|empowers|enables|works|makes)\\b(?!(?:\\s+\\w+){0,3}?\\s+(?:looking|seeking|hiring|searching|recruiting))`,
        'u',
      )
    : null;
  // "The Director of Outreach creates the strategy for …": a sentence about the role describes the job.
  const role = roleName(title);
  const required = new Map<string, string>();
  const nice = new Map<string, string>();
  // What a cue asks for in words the taxonomy has no name for. Offered to the candidate, never put in the lists:
  // on the measured postings only about a third of these phrases were skills the posting asks for.
  const alsoAsked = new Map<string, string>();
  const known = (phrase: string) =>
    vocabulary.index.has(normaliseSkill(phrase)) || mentions(phrase, true, vocabulary).length > 0;
  const soft = new Map<string, string>();
  for (const block of blocks) {
    if (block.kind === 'other') continue;
    for (const line of block.lines) {
      // "Solid project manager" under the requirements: a role asked for names its trade, as a title does.
      if (line.bullet && block.kind === 'required' && line.text.split(/\s+/).length <= 5)
        for (const skill of tradesOf(line.text, vocabulary))
          required.set(normaliseSkill(skill.name), skill.name);
      const lineSentences = sentences(line.text);
      const story = lineSentences.map((t) => hirerStory?.test(t) ?? false);
      const said = lineSentences
        .map((t) => (ownName ? t.replace(ownName, '') : t))
        // "Manage operations lead, who will report to you and is responsible for onboarding calls …": the work of
        // someone else, told in a clause about them.
        .map((t) => t.replace(OTHER_PERSON, ''))
        // "While the position does not involve any software development, …": what the job is said not to be.
        .map((t) => t.replace(NOT_THE_JOB, ''))
        .map((t) => suiteMembers(t, vocabulary))
        .map((t) => headShared(t, vocabulary))
        .map((t) => (ownProduct ? t.replace(ownProduct, '') : t))
        .map((t) => (acronyms ? t.replace(acronyms, '') : t))
        .map((t) => (line.bullet || block.kind !== 'summary' ? t : t.replace(PROJECT_AIMS, '')));
      for (const [i, part] of said.entries()) {
        // "Nice to have: Python." — a heading written inline decides what follows it.
        const inline = /^([^:]{2,40}):\s+(.+)$/.exec(part);
        const inlineKind = inline ? kindOf(inline[1]!) : null;
        const sentence = inlineKind ? inline![2]! : part;
        const kind = inlineKind ?? block.kind;
        if (kind === 'other') continue;
        // Prose outside a requirements list names skills for two reasons: to ask for them, or to tell the
        // company's story ("composed of experts across software engineering, cybersecurity …"). Only a sentence
        // that speaks to the candidate, or the one just before it ("Our core languages are Ruby and Go. You
        // should have experience with one of them."), asks.
        if (
          !line.bullet &&
          kind === 'summary' &&
          !ASKS.test(sentence) &&
          !ASKS.test(said[i + 1] ?? '') &&
          !(role && role.test(sentence)) &&
          !ROLE_BY_ACRONYM.test(sentence) &&
          !isList(sentence, vocabulary)
        )
          continue;
        // "Our team is a combination of former CTOs … who have the experience to help us handle scalability": the
        // team's own experience, told without a word to the candidate or of whom it seeks.
        if (
          !line.bullet &&
          kind === 'summary' &&
          (OUR_STORY.test(sentence) || MY_STORY.test(sentence) || story[i]) &&
          !/\byou/i.test(sentence)
        )
          continue;
        // "SQL and Tableau. Nice to have: Python." — what follows the cue is nice to have, what precedes it is not.
        // "Experience working in open source and/or product analytics is desirable but not critical": a cue said
        // of what comes before it makes the whole sentence nice to have.
        // "… and of software testing are key; experience of … databases would also be useful": a cue is said of its
        // own clause.
        const parts: [string, boolean][] = sentence.split(/;\s+/).flatMap((clause): [string, boolean][] => {
          const cue = NICE_CUE.exec(clause);
          // "Experience with revision tracking tools, with Git preferred": a cue at the end of its clause is said of
          // what comes before it, back to the comma.
          const postposed = cue && /^[\s.!)]*$/.test(clause.slice(cue.index + cue[0].length));
          const comma = postposed ? clause.lastIndexOf(',', cue.index) : -1;
          return NICE_PREDICATE.test(clause) || (postposed && comma < 0)
            ? [[clause, true]]
            : postposed
              ? [
                  [clause.slice(0, comma), kind === 'nice'],
                  [clause.slice(comma), true],
                ]
              : cue
                ? [
                    [clause.slice(0, cue.index), kind === 'nice'],
                    [clause.slice(cue.index), true],
                  ]
                : [[clause, kind === 'nice']];
        });
        const families = familiesIn(sentence, vocabulary);
        for (const [part, isNice] of parts) {
          // "Experience with molecular cloning", "records management experience": what a cue asks for in the
          // posting's own words, where the taxonomy has no name for it.
          for (const name of asWrittenAsks(part, { known })) alsoAsked.set(normaliseSkill(name), name);
          for (const skill of mentions(part, true, vocabulary)) {
            const key = normaliseSkill(skill.name);
            if (families.has(key)) continue;
            // A field of work named in the posting's story ("composed of experts across software engineering",
            // "continuous improvement of digital services") is context; the story asks for it only when the
            // sentence asks for experience.
            if (
              kind === 'summary' &&
              !line.bullet &&
              isField(skill) &&
              !EXPERIENCE.test(sentence) &&
              !THE_JOB.test(sentence) &&
              !(role && role.test(sentence))
            )
              continue;
            // "continuous improvement", "compliance", "user experience": words every posting uses for its aims
            // name a skill only where the posting lists what it requires.
            if (kind !== 'required' && kind !== 'nice' && onlyAsAim(skill, part)) continue;
            // "The core product is open source", "By being open source, we …": the company describing itself.
            if (DESCRIPTIVE.has(skill.name) && describesItself(skill, part)) continue;
            // "working closely with UX/UI Designers", "peers in product, UX and platform engineering organizations":
            // the skill names the people or teams the candidate works with.
            if (namesPeople(skill, part) || namesDepartment(skill, part)) continue;
            // "Maintain files and documentation", "when the documentation doesn't help": documentation is technical
            // writing only where the candidate writes it ("Writing and editing documentation", "documentation skills").
            if (skill.name === 'Technical writing' && !writesDocumentation(part)) continue;
            // "Fluent in written and spoken English" asks for a language; "our French Quarter office" or
            // "translating resources" does not.
            if (skill.category === 'languages' && !LANGUAGE_ASKED.test(part)) continue;
            if (
              skill.category === 'soft' &&
              (!PROFESSIONAL_SKILLS.has(skill.name) || amongQualities(skill, line.text, vocabulary))
            )
              soft.set(key, skill.name);
            else (isNice ? nice : required).set(key, skill.name);
          }
        }
      }
    }
  }
  // "Senior Python Developer", "Customer Success Lead": a language, tool or trade in the title is asked for
  // ("DevOps Engineer" names a field, which the posting asks for in its own words or not at all).
  for (const skill of title ? mentions(title, false, vocabulary) : [])
    if (
      ((skill.category === 'technical' || skill.category === 'tools') && !isField(skill)) ||
      PROFESSIONAL_SKILLS.has(skill.name)
    )
      required.set(normaliseSkill(skill.name), skill.name);
  // "IT Specialist (INFOSEC)", "Information Technology Specialist (Security)": a federal IT title names its specialty
  // in parentheses, in OPM's words.
  for (const m of title?.matchAll(/\(([A-Za-z]+)\)/g) ?? []) {
    const name = /\b(?:IT|information technology)\s+specialist\b/i.test(title!)
      ? OPM_SPECIALTIES[m[1]!.toUpperCase()]
      : undefined;
    const skill = name ? vocabulary.index.get(normaliseSkill(name)) : undefined;
    if (skill) required.set(normaliseSkill(skill.name), skill.name);
  }
  // "Visual Designer", "Technical Recruiter", "Account Manager": the title's role names the trade it practises.
  // A trade the taxonomy files as soft ("Technical writing", "Account management") is the job here.
  for (const skill of title ? [...tradesOf(title, vocabulary), ...fieldOf(title, vocabulary)] : []) {
    soft.delete(normaliseSkill(skill.name));
    required.set(normaliseSkill(skill.name), skill.name);
  }
  for (const key of required.keys()) nice.delete(key);

  return {
    title: title,
    company,
    experienceLevel: levelOf(title, blocks),
    requiredSkills: [...required.values()],
    niceToHaveSkills: [...nice.values()],
    softSkills: [...soft.values()],
    asWritten: [...alsoAsked].filter(([key]) => !required.has(key) && !nice.has(key)).map(([, name]) => name),
  };
}

/**
 * "proficiency in 1) attention to detail, 2) customer service, 3) oral communication, and 4) problem solving": a
 * business skill listed among personal qualities, with nothing harder beside it, is one of the qualities.
 */
function amongQualities(skill: TaxonomySkill, text: string, taxonomy: Taxonomy): boolean {
  // "… the four competencies: Attention to Detail; Customer Service, Oral Communication, and Problem Solving.": the
  // list runs from a colon or a full stop to the next.
  return text.split(/[.:](?:\s|$)/).some((segment) => {
    const found = mentions(segment, true, taxonomy);
    if (!found.includes(skill)) return false;
    const others = found.filter((s) => s !== skill);
    return (
      others.filter((s) => s.category === 'soft' && !PROFESSIONAL_SKILLS.has(s.name)).length >= 3 &&
      others.every((s) => s.category === 'soft')
    );
  });
}

/** OPM's parenthetical specialties of the IT Specialist (2210) series, as the skill each one practises. */
const OPM_SPECIALTIES: Record<string, string> = {
  INFOSEC: 'Cybersecurity',
  SECURITY: 'Cybersecurity',
  INET: 'Web development',
  NETWORK: 'Computer networking',
  SYSADMIN: 'System administration',
  ENTARCH: 'Enterprise architecture',
  APPSW: 'Software engineering',
  DATAMGT: 'Data management',
  CUSTSPT: 'Technical support',
};

const FIELD_ROLE = /^(.+?)\s+(?:manager|lead|director|coordinator|specialist|officer)$/i;

/**
 * "Communications Manager", "Communications Lead": a skill the taxonomy files as soft, named as the whole field
 * the role leads, is the job's trade.
 */
function fieldOf(title: string, taxonomy: Taxonomy): TaxonomySkill[] {
  const field = FIELD_ROLE.exec(title.trim())?.[1];
  const skill = field ? taxonomy.index.get(normaliseSkill(field)) : undefined;
  return skill?.category === 'soft' ? [skill] : [];
}

/** The work a role noun does: a recruiter recruits, a designer designs, an account manager manages accounts. */
const TRADES: Record<string, string[]> = {
  recruiter: ['recruiting', 'recruitment'],
  marketer: ['marketing'],
  writer: ['writing'],
  designer: ['design'],
  manager: ['management'],
  analyst: ['analysis'],
  architect: ['architecture'],
  tester: ['testing'],
  researcher: ['research'],
  strategist: ['strategy'],
  editor: ['editing'],
  coordinator: ['coordination'],
};

/**
 * Skills the title names by its role: "Technical Recruiter" is technical recruiting, "Visual Designer" visual
 * design, "Penetration Tester" penetration testing. The role's own qualifier must be in the title, and only
 * phrases the taxonomy knows count; a bare "Manager" or "Designer" names no skill.
 */
function tradesOf(title: string, taxonomy: Taxonomy): TaxonomySkill[] {
  const words = title.split(/[\s/,()|:–—-]+/).filter(Boolean);
  const out: TaxonomySkill[] = [];
  for (const [i, word] of words.entries()) {
    const trades = TRADES[word.toLowerCase().replace(/s$/, '')];
    // A bare role ("Recruiter") names its trade only when it is the whole title.
    if (!trades || (i === 0 && words.length > 1)) continue;
    for (let n = Math.min(3, i); n >= 0; n--) {
      if (n === 0 && words.length > 1) break;
      const qualifier = words.slice(i - n, i).join(' ');
      const skill = trades
        .map((t) => taxonomy.index.get(normaliseSkill(`${qualifier} ${t}`.trim())))
        .find((k) => k && k.category !== 'languages');
      if (skill) {
        out.push(skill);
        break;
      }
    }
  }
  return out;
}

const FAMILY =
  /\b(tools|technologies|systems|frameworks|providers|languages|platforms|methodologies|methods|libraries|solutions|databases|practices|services|protocols|standards|software|stacks?|suite|workspace)\s*$/i;

/**
 * "Google Suite (Gmail, Google Docs, Sheets, etc.)", "Google Workspace tools (Calendar, Drive, Docs)", "Adobe Creative
 * Suite (Premiere, Captivate, InDesign)": a vendor's suite with its members named short. Each member is the vendor's
 * product ("Sheets" is Google Sheets) where the taxonomy knows it by that name and not by the short one.
 */
function suiteMembers(text: string, taxonomy: Taxonomy): string {
  return text.replace(
    /\b(\p{Lu}[\p{L}]+)((?:\s+[\p{L}]+){1,3})\s*\(([^()]{3,200})\)/gu,
    (whole, vendor: string, suite: string, list: string) => {
      const members = list.split(/\s*,\s*|\s+and\s+/);
      if (members.length < 2) return whole;
      const named = members.map((item) => {
        const product = `${vendor} ${item.trim()}`;
        return /^\p{Lu}/u.test(item.trim()) &&
          !taxonomy.index.has(normaliseSkill(item)) &&
          taxonomy.index.has(normaliseSkill(product))
          ? product
          : item;
      });
      return `${vendor}${suite} (${named.join(', ')})`;
    },
  );
}

/**
 * "non-functional testing (Performance, Security, Accessibility)", "cloud platforms (AWS or Azure)": kinds listed in
 * parentheses after a head noun. Where the head makes a skill with a kind ("Performance testing"), each kind is given
 * the head, and the family before the list is left for its kinds. Only lists where the taxonomy knows one such pair.
 */
function headShared(text: string, taxonomy: Taxonomy): string {
  return text.replace(
    /((?:[\p{L}-]+\s+){0,2})([\p{Ll}]+)\s*\(([^()]{3,120})\)/gu,
    (whole, modifiers: string, head: string, list: string) => {
      const kinds = list
        .replace(/^(?:e\.g\.?|i\.e\.?|such as|including)[,:]?\s+/i, '')
        .split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|and\/or)\s+/)
        .map((k) => k.trim())
        .filter(Boolean);
      if (kinds.length < 2 || kinds.some((k) => k.split(/\s+/).length > 3)) return whole;
      // "a web framework (React, Angular, Ember)": kinds that are skills on their own are examples, not modifiers.
      if (kinds.filter((k) => taxonomy.index.has(normaliseSkill(k))).length * 2 > kinds.length) return whole;
      const paired = kinds.map((k) => `${k} ${head}`);
      if (!paired.some((p) => taxonomy.index.has(normaliseSkill(p)))) return whole;
      return `${modifiers.replace(/\S+\s*$/, '')}(${paired.join(', ')})`;
    },
  );
}

/** The title's role without its seniority, as prose names it: "Director of Outreach", "content designers". */
function roleName(title: string | null): RegExp | null {
  const role = title
    ?.replace(/^(?:senior|sr\.?|junior|jr\.?|lead|principal|staff|chief)\s+/i, '')
    .split(/\s*[/(,|]\s*/)[0]
    ?.trim();
  if (!role || role.split(/\s+/).length > 5) return null;
  return new RegExp(`\\b${escape(role)}s?\\b`, 'i');
}

/** "SQL and Tableau.", "Looker." — a sentence that is little more than skills is a list of them. */
function isList(sentence: string, taxonomy: Taxonomy): boolean {
  const found = mentions(sentence, true, taxonomy).length;
  return found > 0 && sentence.split(/\s+/).length <= 3 * found;
}

// "tools (e.g., Puppet, Chef)", "tools like Puppet, Chef", and a list after a dash or in parentheses with no word
// before it: "network protocols - TCP/IP, HTTP, SSL", "cloud platforms (AWS, Azure)".
const EXAMPLES =
  /,?\s*\(?\s*\b(?:e\.g\.|i\.e\.|such as|specifically|like|including|for example)[,:]?\s|\s[-–—]\s(?=[^.;]*,)|\s\((?=[^)]*,)/gi;

/**
 * A family named only to introduce its examples is not itself asked for: in "version control systems,
 * specifically Git and GitHub" or "configuration management tools (e.g., Puppet, Chef)" the skills are the
 * examples. Returns the keys of such families.
 */
function familiesIn(sentence: string, taxonomy: Taxonomy): Set<string> {
  const out = new Set<string>();
  for (const m of sentence.matchAll(EXAMPLES)) {
    const after = sentence.slice(m.index + m[0].length).split(/[.;)]/)[0] ?? '';
    if (mentions(after, true, taxonomy).length === 0) continue;
    // "data analysis and visualisation tools an advantage: e.g. Google Analytics": the family, then its worth.
    const before = (
      sentence
        .slice(0, m.index)
        .split(/[,;()]/)
        .at(-1) ?? ''
    ).replace(/\s+(?:(?:is|are|would be)\s+)?(?:an?\s+)?(?:advantage|plus|bonus|asset)\s*:?\s*$/i, '');
    if (!FAMILY.test(before)) continue;
    const window = before.trim().split(/\s+/).slice(-6).join(' ');
    for (const skill of mentions(window, true, taxonomy)) {
      // "HTML5, CSS3, CSS frameworks like LESS": CSS3 is asked for in its own right; only the family goes.
      const said = (text: string) =>
        [skill.name, ...skill.aliases].reduce(
          (n, name) => n + (text.match(wordPattern(name, 'giu'))?.length ?? 0),
          0,
        );
      if (said(sentence) <= said(window)) out.add(normaliseSkill(skill.name));
    }
  }
  return out;
}

/** Taxonomy mentions, minus acronyms matched from ordinary words ("SAN" in "San Francisco", "SOC" in "soc"). */
function mentions(text: string, listed: boolean, taxonomy: Taxonomy): TaxonomySkill[] {
  // "RackSpace/OpenStack" is two skills; "CI/CD" and "UI/UX" are one.
  // "A/B testing": a pair that makes a skill with the word after it stays whole.
  const split = text.replace(/[^\s,;()]+\/[^\s,;()]+/g, (pair, at: number) =>
    taxonomy.index.has(normaliseSkill(pair)) ||
    /^and\/or$/i.test(pair) ||
    taxonomy.index.has(
      normaliseSkill(`${pair} ${/^\s+([\p{L}-]+)/u.exec(text.slice(at + pair.length))?.[1] ?? ''}`),
    )
      ? pair
      : (sharedAfterSlash(pair, text.slice(at + pair.length), taxonomy) ?? pair.replace(/\//g, ', ')),
  );
  // "Federal Acquisition Service", "Program Management Office": a skill inside an office's name is not asked for.
  // "Application Programming Interfaces (APIs)": the spelled-out name of APIs asks for no programming.
  const named = split
    .replace(/\bapplication programming interfaces?\b/gi, 'APIs')
    .replace(ORGANISATION, (name) =>
      // "Microsoft Office" is a product, not an office.
      taxonomy.index.has(normaliseSkill(name)) ? name : name.replace(/[\p{L}\p{N}]/gu, '_'),
    )
    // "the Infrastructure, Security and Technical Support (ISTS) team": a unit's name, given with its acronym.
    .replace(UNIT_NAME, (name) => name.replace(/[\p{L}\p{N}]/gu, '_'));
  const shared = distributed(named, taxonomy);
  // "Relational and non-relational database systems": the kinds are the skills, not the head they share.
  const heads = new Set(shared.flatMap((s) => s.heads));
  const found = findMentions(named, listed ? 'skills' : 'other', taxonomy)
    .map((m) => m.skill)
    .filter((skill) => writtenAsNamed(skill, named) && !heads.has(skill));
  return [
    ...found.filter((skill) => !onlyAsModifier(skill, named, found)),
    ...pluralised(named, taxonomy).filter((skill) => !found.includes(skill) && !heads.has(skill)),
    ...nominalised(named, taxonomy),
    ...shared.map((s) => s.skill),
  ];
}

/**
 * "project/grant management": two modifiers that each make a skill with the word after them share it, so the
 * first is given the head too ("project management, grant management").
 */
function sharedAfterSlash(pair: string, after: string, taxonomy: Taxonomy): string | null {
  const parts = pair.split('/');
  const head = /^\s+([\p{L}-]+)/u.exec(after)?.[1];
  if (!head || parts.length !== 2 || !parts.every((w) => /^[\p{L}-]+$/u.test(w))) return null;
  return parts.every((w) => taxonomy.index.has(normaliseSkill(`${w} ${head}`)))
    ? `${parts[0]} ${head}, ${parts[1]}`
    : null;
}

/** Technical writing named as such, or documentation that the candidate writes, edits or creates. */
function writesDocumentation(text: string): boolean {
  return (
    /\btechnical (?:writ|document|communicat)/i.test(text) ||
    /\b(?:writ|edit|creat|author|develop|produc|draft|improv)\w*\s+(?:and\s+\w+\s+)?(?:[\w-]+\s+){0,2}documentation\b|\bdocumentation (?:skills|writing)\b|\bwriting documentation\b/i.test(
      text,
    )
  );
}

/** "programming languages", "Python programming": a general skill word that only qualifies a family or follows a named skill. */
const FAMILY_NOUN = /^\s+(?:languages?|techniques|paradigms|tools\s+and\s+techniques)\b/i;

function onlyAsModifier(skill: TaxonomySkill, text: string, found: TaxonomySkill[]): boolean {
  if (skill.name.includes(' ')) return false;
  // "Python programming": the language is the skill, the general word after it says what kind. A business field
  // before a word qualifies it without being the skill ("AP accruals" are accruals).
  const before = found
    .filter(
      (other) =>
        other !== skill && other.category !== 'soft' && other.group !== 'Business, finance & marketing',
    )
    .flatMap((other) => [other.name, ...other.aliases])
    .map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}\\s+$`, 'iu'));
  const all = [skill.name, ...skill.aliases].flatMap((n) => [...text.matchAll(wordPattern(n, 'giu'))]);
  return (
    all.length > 0 &&
    all.every(
      (m) =>
        FAMILY_NOUN.test(text.slice(m.index + m[0].length)) ||
        before.some((re) => re.test(text.slice(Math.max(0, m.index - 60), m.index))),
    )
  );
}

/**
 * Skills of several words named in the plural: "identify process improvements", "maintain content calendars".
 * Only lower-case words are made singular, and only a name of two words or more counts, so a product's own
 * plural ("Teams", "Pandas") or a plural noun ("pages") never becomes a skill.
 */
function pluralised(text: string, taxonomy: Taxonomy): TaxonomySkill[] {
  const singular = text.replace(/(?<![\p{L}\p{N}])(\p{Ll}[\p{Ll}-]{2,}[^\Wsuí])s(?![\p{L}\p{N}])/gu, '$1');
  if (singular === text) return [];
  return findMentions(singular, 'other', taxonomy)
    .map((m) => m.skill)
    .filter((skill) =>
      [skill.name, ...skill.aliases].some(
        (n) => /\s/.test(n) && wordPattern(n, 'iu').test(singular) && !wordPattern(n, 'iu').test(text),
      ),
    );
}

/** A run of capitalised words that ends in the word for a public or corporate body: the name of an office. */
const ORGANISATION =
  /(?<![\p{L}\p{N}])(?:(?:\p{Lu}[\p{L}.&-]*\s+){0,3}(?:Institute|Center|Centre|School|Department|Office)\s+(?:for|of)\s+(?:the\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,3}|(?:\p{Lu}[\p{L}.&-]*\s+(?:(?:and|&)\s+)?){1,5}(?:Office|Service|Division|Department|Agency|Administration|Bureau|Directorate|Group|Institute|Laboratory|Lab))(?![\p{L}\p{N}])/gu;

/** A name of several capitalised words joined by "and" or a comma, then its acronym: "Security and Technical Support (ISTS)". */
const UNIT_NAME =
  /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}-]*\s+){0,4}\p{Lu}[\p{L}-]*(?:,\s+|\s+(?:and|&)\s+)(?:\p{Lu}[\p{L}-]*(?:,\s+|\s+(?:and|&)\s+|\s+)){0,5}\p{Lu}[\p{L}-]*(?=\s+\(\p{Lu}{2,6}\))/gu;

/** Words a shared head is never distributed over. */
const FUNCTION_WORD = /^(?:and|or|the|a|an|of|in|with|for|to|on|our|your|their|both|either|and\/or|&)$/i;

const CONJUNCTION = /^(?:and|or|and\/or|&)$/i;

/** "marketing experience across digital, paid and social": the head comes first, its kinds after. */
const HEAD_FIRST = /^(?:across|including|spanning)$/i;

/**
 * Skills named by a head noun that several modifiers share: "qualitative and quantitative research" names
 * qualitative research as well as quantitative research, "relational and non-relational database systems" both
 * kinds of database. Only phrases the taxonomy knows count.
 */
function distributed(text: string, taxonomy: Taxonomy): { skill: TaxonomySkill; heads: TaxonomySkill[] }[] {
  const out: { skill: TaxonomySkill; heads: TaxonomySkill[] }[] = [];
  const find = (modifier: string, heads: string[]) => {
    for (const head of heads) {
      const skill =
        taxonomy.index.get(normaliseSkill(`${modifier} ${head}`)) ??
        taxonomy.index.get(normaliseSkill(`${modifier} ${singular(head)}`));
      if (skill && skill.category !== 'languages') {
        const named = heads
          .map((h) => taxonomy.index.get(normaliseSkill(h)))
          .filter((h): h is TaxonomySkill => Boolean(h) && h !== skill);
        out.push({ skill, heads: named });
        return;
      }
    }
  };
  // Word by word rather than one large expression: this runs on every sentence of every posting.
  const raw = text.split(/\s+/).filter(Boolean);
  const word = (i: number) => raw[i]?.replace(/^[("“]+|[)"”.,;:!?]+$/g, '') ?? '';
  const isModifier = (w: string) => /^[\p{L}][\p{L}-]*$/u.test(w) && !FUNCTION_WORD.test(w);
  // The modifiers listed before position i (walking back over "a, b, c"), nearest last.
  const listBefore = (i: number) => {
    const mods: string[] = [];
    for (let j = i; j >= 0 && mods.length < 5; j--) {
      const w = word(j);
      if (!isModifier(w)) break;
      mods.unshift(w);
      if (!raw[j - 1]?.endsWith(',')) break;
    }
    return mods;
  };
  for (let i = 1; i < raw.length - 2; i++) {
    if (!CONJUNCTION.test(raw[i]!)) continue;
    const before = listBefore(i - 1);
    const last = word(i + 1);
    const head1 = word(i + 2);
    const head2 = word(i + 3);
    // "digital, paid and social" with nothing after them: the head may come first ("experience across …").
    if (before.length === 0 || !isModifier(last)) continue;
    if (isModifier(head1) && !/[,;.]$/.test(raw[i + 1]!)) {
      const heads = [
        isModifier(head2) && !/[,;.]$/.test(raw[i + 2]!) ? `${head1} ${head2}` : null,
        head1,
      ].filter((h): h is string => Boolean(h));
      for (const modifier of [...before, last]) find(modifier, heads);
    }
  }
  // "data science and analytics": the first word is shared when it makes a skill with the word before the
  // conjunction as well as with the one after it.
  for (let i = 2; i < raw.length - 1; i++) {
    if (!CONJUNCTION.test(raw[i]!) || /[,;.]$/.test(raw[i - 1]!)) continue;
    const [shared, near, far] = [word(i - 2), word(i - 1), word(i + 1)];
    if (!isModifier(shared) || !isModifier(far) || !taxonomy.index.has(normaliseSkill(`${shared} ${near}`)))
      continue;
    const skill = taxonomy.index.get(normaliseSkill(`${shared} ${far}`));
    if (skill && skill.category !== 'languages') out.push({ skill, heads: [] });
  }
  for (let i = 1; i < raw.length - 1; i++) {
    if (!HEAD_FIRST.test(raw[i]!)) continue;
    const head = word(i - 1) === 'experience' ? word(i - 2) : word(i - 1);
    if (!isModifier(head)) continue;
    const kinds: string[] = [];
    for (let j = i + 1; j < raw.length && kinds.length < 6; j++) {
      const w = word(j);
      if (CONJUNCTION.test(w)) continue;
      if (!isModifier(w)) break;
      kinds.push(w);
      const ends = /[.;:!?]$/.test(raw[j]!);
      if (ends || (!raw[j]!.endsWith(',') && !CONJUNCTION.test(raw[j + 1] ?? ''))) break;
    }
    if (kinds.length > 1) for (const kind of kinds) find(kind, [head]);
  }
  return out;
}

/** The noun a verb of work makes: "analyze data" is data analysis, "manage projects" project management. */
const NOMINAL: Record<string, string> = {
  writ: 'writing',
  review: 'review',
  evaluat: 'evaluation',
  analy: 'analysis',
  manag: 'management',
  visuali: 'visualization',
  test: 'testing',
  monitor: 'monitoring',
  detect: 'detection',
  recruit: 'recruitment',
  forecast: 'forecasting',
  automat: 'automation',
  produc: 'production',
  design: 'design',
  organi: 'organization',
  plan: 'planning',
  plann: 'planning',
  resolv: 'resolution',
  steward: 'stewardship',
  assess: 'assessment',
  maintain: 'maintenance',
  curat: 'curation',
  reconcil: 'reconciliation',
  schedul: 'scheduling',
  improv: 'improvement',
  process: 'processing',
  prepar: 'preparation',
  set: 'setting',
};

// "Analyze and map the risks", "Design and specify user interfaces": a second verb may share the object.
const VERB_OBJECT =
  /\b(analy[sz]|manag|visuali[sz]|test|monitor|detect|recruit|forecast|automat|writ|review|evaluat|produc|design|organi[sz]|plann?|resolv|steward|assess|maintain|curat|reconcil|schedul|improv|process|prepar|set)(?:e|es|ed|ing|s)?(?:\s+(?:and|or)\s+([a-z]+))?\s+(?:the\s+|their\s+|our\s+|your\s+|its\s+|an?\s+)?([a-z-]+)(?:\s+([a-z-]+))?/g;

/** "producing live events", "plan large events": an adjective between the verb and its object. */
const ADJECTIVE =
  /^(?:live|online|virtual|in-person|new|existing|current|large|small|big|complex|various|multiple|several|many|regular|weekly|monthly|annual|local|national|public|internal|external|major|key|[a-z]+(?:ive|al|ous|ful|ic))$/;

const ROLE_NOUN = /^(?:lead|leads|manager|managers|director|team|teams|staff|member|members|person|people)$/;

/** The nouns of the work of putting on events, which the taxonomy files with the soft skills. */
const GATHERINGS = new Set(['production', 'planning', 'organization']);

/** Words after a verb's object that end it: "analyze data to …", "manage projects effectively". */
const ENDS_OBJECT =
  /^(?:to|and|or|for|with|in|on|of|from|by|as|at|that|which|who|across|using|within|through|into|about|like|such|related|per|over|under|around|after|before|during|if|than|then|this|these|those|it|them|your|our|their|its|my|the|a|an|is|are|was|were|be|will|can|so|but|via|while|when|where|against|including|[a-z]+ly)$/;

const singular = (w: string) =>
  w
    .replace(/ies$/, 'y')
    .replace(/(ss|ch|sh|x)es$/, '$1')
    .replace(/(?<!s)s$/, '');

/** "analysis of agency transaction data", "management of a program or of projects": the work named before its object. */
const NOUN_OF_WORK =
  /\b(?:analysis|management|evaluation|visualization|testing|monitoring|curation|maintenance|reconciliation|delivery)\b/g;

const NOUN_OF =
  /\b(analysis|management|evaluation|visualization|testing|monitoring|curation|maintenance|reconciliation|delivery)(?:,?\s+(?:and\s+|or\s+)?[a-z]+){0,2}\s+of\s+((?:[a-z-]+\s+){0,6}[a-z-]+)/g;

const PLURAL_TESTS = /\b([a-z]+)\s+tests\b/g;

const PROJECT_LEAD = /\b(?:lead|leads|leading|led)\s+(?:(?:the|our|[a-z-]+)\s+){0,3}projects\b/;

const EVENT_WORK =
  /\b(?:creat|host|run|organi[sz]|plann?|produc|coordinat)(?:e|es|ed|ing|s)?\s+(?:(?:an?|the|our|their|your)\s+)?(?:[a-z-]+\s+){0,3}events?\b/;

/**
 * Skills a posting names as work to do rather than as a noun: "analyze data" (data analysis), "managing
 * contracts" (contract management), "penetration tests" (penetration testing). Only phrases the taxonomy
 * knows count.
 */
function nominalised(text: string, taxonomy: Taxonomy): TaxonomySkill[] {
  const out: TaxonomySkill[] = [];
  const lower = text.toLowerCase();
  const find = (phrase: string, trade = false) => {
    const skill = taxonomy.index.get(normaliseSkill(phrase));
    // "produce events", "organise events" are event planning, a trade the taxonomy files as soft.
    if (
      skill &&
      (skill.category === 'technical' ||
        skill.category === 'tools' ||
        (trade && PROFESSIONAL_SKILLS.has(skill.name)))
    )
      out.push(skill);
  };
  for (const m of lower.matchAll(VERB_OBJECT)) {
    const verb = m[1]!.replace(/[sz]$/, '');
    // "Organizing and managing multiple projects": the second verb's work is done to the object too.
    const other = m[2]?.replace(/(?:ing|ed|es|e|s)$/, '');
    const nominals = [
      NOMINAL[verb] ?? NOMINAL[m[1]!],
      other && (NOMINAL[other] ?? NOMINAL[other.replace(/[sz]$/, '')]),
    ];
    const [first, second] = [m[3]!, m[4]];
    // "Manage operations lead": the object is a person, not the work.
    if (second && ROLE_NOUN.test(second)) continue;
    for (const nominal of new Set(nominals)) {
      if (!nominal) continue;
      // "maintain databases of community members": keeping a record of things, not maintaining the thing.
      if (nominal === 'maintenance' && second === 'of') continue;
      // "design software", "test automation": the verb's word is the first word of a skill's name, not a verb.
      if (taxonomy.index.has(normaliseSkill(`${m[1]}${m[0].slice(m[1]!.length).split(/\s+/)[0]} ${first}`)))
        continue;
      // "manage content production": a noun after the object makes it a compound, which is the object.
      const compound = second !== undefined && !ENDS_OBJECT.test(second) && !ADJECTIVE.test(first);
      // "managing our fiscal sponsorship program": an object that is a skill of its own ("fiscal sponsorship") is not
      // cut to its first word ("fiscal management").
      const whole = second !== undefined && taxonomy.index.has(normaliseSkill(`${first} ${second}`));
      const objects = compound || whole ? [] : [first, singular(first)];
      if (second) objects.push(`${first} ${second}`, `${first} ${singular(second)}`);
      if (second && ADJECTIVE.test(first)) objects.push(second, singular(second));
      // "Plan fundraising events": events of any kind are planned as events.
      if (second && GATHERINGS.has(nominal) && /^events?$/.test(second)) objects.push('event');
      // "designing systems for others": only a named thing ("design user interfaces") is design work.
      const named = nominal === 'design' ? objects.filter((o) => o.includes(' ')) : objects;
      for (const object of new Set(named)) find(`${object} ${nominal}`, GATHERINGS.has(nominal));
    }
  }
  for (const m of lower.matchAll(PLURAL_TESTS)) find(`${m[1]} testing`);
  // "help create events with leaders in industry", "Planning a community unconference online event", "running a
  // portfolio of engaging events": putting on events of any kind, a few words between, is event planning.
  if (EVENT_WORK.test(lower)) find('event planning', true);
  // "lead major national level projects", "leading IT projects": leading projects is managing them.
  if (PROJECT_LEAD.test(lower)) find('project management');
  // Matches may overlap: "the delivery and iteration of digital services through effective analysis of … user data".
  const nounsOf: RegExpExecArray[] = [];
  NOUN_OF.lastIndex = 0;
  for (let m = NOUN_OF.exec(lower); m; m = NOUN_OF.exec(lower)) {
    nounsOf.push(m);
    NOUN_OF.lastIndex = m.index + m[1]!.length;
  }
  for (const m of nounsOf) {
    // "management of the social calendar": a word inside a skill of its own ("social calendar") is not the object.
    const words = m[2]!.split(/\s+/);
    const inSkill = new Set(
      words.flatMap((w, i) =>
        i > 0 && taxonomy.index.has(normaliseSkill(`${words[i - 1]} ${w}`)) ? [words[i - 1], w] : [],
      ),
    );
    // "the curation and management of science data": each work named before "of" is done to the object.
    for (const work of new Set(m[0].slice(0, m[0].lastIndexOf(' of ')).match(NOUN_OF_WORK) ?? []))
      for (const object of words)
        if (!inSkill.has(object) && !/^(?:the|a|an|our|their|your|its|or|and|of|all|any)$/.test(object))
          for (const form of new Set([object, object.replace(/ies$/, 'y').replace(/s$/, '')]))
            // "the development and delivery of training": delivering training is the trade of a training role.
            find(`${form} ${work}`, work === 'delivery');
  }
  return out;
}

function writtenAsNamed(skill: TaxonomySkill, text: string): boolean {
  const names = [skill.name, ...skill.aliases];
  return names.some((name) => {
    // "SAN", "SOC", "SAFe": an acronym or a mixed-case name is written in its own case, or it is a word.
    const cased = /^[\p{Lu}\d]{2,5}$/u.test(name) || /^(?=.{2,5}$).+\p{Lu}/u.test(name);
    const pattern = wordPattern(name, cased ? 'gu' : 'giu');
    for (const m of text.matchAll(pattern)) {
      // "Make a recommendation", "Express interest": a word that is also a skill, opening a sentence and
      // followed by an ordinary word, is a word; "Go or Java in production" opens with the skill.
      const opening = /(?:^|[.!?:]\s+)$/.test(text.slice(0, m.index));
      const next = /^\s*([\p{L}]+)/u.exec(text.slice(m.index + m[0].length))?.[1] ?? '';
      const verbLike = /^\p{Ll}/u.test(next) && !/^(?:or|and|plus)$/.test(next);
      // "a generous Pension Scheme": a word that is also a skill, closing a longer capitalised name, is the name.
      const previous = /(\p{L}+)\s+$/u.exec(text.slice(0, m.index))?.[1] ?? '';
      const inName =
        skill.ambiguous && !opening && /^\p{Lu}\p{Ll}+$/u.test(previous) && !names.includes(previous);
      if (!(skill.ambiguous && opening && verbLike) && !inName) return true;
    }
    return !cased && !skill.ambiguous && normaliseSkill(text).includes(normaliseSkill(name));
  });
}

const merged = new WeakMap<Taxonomy, Taxonomy>();

/** The taxonomy with the posting terms added; built once per taxonomy. */
export function withPostingTerms(taxonomy: Taxonomy): Taxonomy {
  const cached = merged.get(taxonomy);
  if (cached) return cached;
  const index = new Map(taxonomy.index);
  const skills = [...taxonomy.skills];
  let maxTokens = taxonomy.maxTokens;
  const add = (name: string, skill: TaxonomySkill) => {
    const key = normaliseSkill(name);
    if (!key || index.has(key)) return;
    index.set(key, skill);
    maxTokens = Math.max(maxTokens, key.split(' ').length);
  };
  // A skill that gains an alias here is replaced by a copy that lists it, so a match on the alias reads as the
  // skill written as named ("Visualizations" is Data visualization as written, not a word inside some other).
  const extended = new Map<TaxonomySkill, TaxonomySkill>();
  for (const term of POSTING_TERMS) {
    if ('of' in term) {
      const found = index.get(normaliseSkill(term.of));
      if (!found) continue;
      const target = extended.get(found) ?? found;
      extended.set(found, { ...target, aliases: [...target.aliases, term.alias] });
      add(term.alias, found);
      continue;
    }
    const skill: TaxonomySkill = {
      id: `posting-${normaliseSkill(term.name).replace(/[^\p{L}\p{N}]+/gu, '-')}`,
      name: term.name,
      category: term.category,
      group: 'Posting terms',
      aliases: term.aliases ?? [],
      ...(term.ambiguous ? { ambiguous: true } : {}),
    };
    if (index.has(normaliseSkill(term.name))) continue;
    skills.push(skill);
    for (const name of [term.name, ...(term.aliases ?? [])]) add(name, skill);
  }
  for (const [key, skill] of index) index.set(key, extended.get(skill) ?? skill);
  for (const [i, skill] of skills.entries()) skills[i] = extended.get(skill) ?? skill;
  const result: Taxonomy = { skills, index, maxTokens: Math.min(maxTokens, 6) };
  merged.set(taxonomy, result);
  return result;
}
