/**
 * Skills a posting asks for in its own words, kept as written when the taxonomy has no name for them: the object of
 * an asking cue ("experience with molecular cloning", "knowledge of records management", "trade show experience"),
 * split on its list into short noun phrases. The taxonomy bounds what the reader can name; a trade's own words
 * (genomics, PCR, field marketing, vendor management) are what a candidate is asked for all the same. They are
 * offered to the candidate as written, never put in the skill lists: on the measured postings only about a third of
 * these phrases were skills the posting asks for.
 *
 * Precision comes from what is left out: anything the taxonomy already names (the reader decides on those), phrases
 * longer than a name, the quantity and quality words around a name ("a variety of", "strong"), the settings and
 * people a phrase places the work in, qualities (soft skills are never hard skills), and the subjects of a degree.
 */

/** "experience with X", "proficiency in X", "a good understanding of X": the cue and the preposition before its object. */
const CUE_BEFORE =
  /\b(?:experience|experienced|knowledge|knowledgeable|proficiency|proficient|familiarity|familiar|expertise|expert|background|skills?|skilled|understanding|competence|competency|fluency|grounding|exposure|track record|years)\s+(?:(?:working\s+)?(?:with|in|of|on|using|about|around)|at\s+least\s+one\s+of)\s+/gi;

/**
 * "3+ years of trade show experience", "Prior fundraising experience is required": the object before the cue, after
 * the years asked or opening the item, and nothing else before it (no verb, no subject).
 */
const CUE_AFTER =
  /(?:^|\byears?(?:['’])?\s+(?:of\s+)?(?:(?:relevant|professional|progressive|direct|proven|hands-on|practical)\s+)?)((?:[\p{L}\p{N}][\p{L}\p{N}+#.&'’/-]*\s+){1,3})(?:experience|expertise)\b(?=\s*(?:$|[.,;:!)]|\s(?:is|are|would|required|preferred|desired|essential|a plus|strongly)\b))/giu;

/** Where the object of a cue ends: the sentence's punctuation, or a word that starts another clause. */
const OBJECT_END =
  /[.;:!?]|\s[-–—]\s|\b(?:to|that|which|who|whom|where|when|while|whether|in order|is|are|was|were|would|will|should|must|can|could|may|might|as well as being|as part|for|in|on|at|across|within|from|into|through|via|by|under|over|between|among|against|so|but|because|if|than|etc|and\s+(?:the\s+)?(?:ability|willingness|desire|capacity|experience|knowledge|understanding|familiarity|proficiency|skills?)|(?:is|are|would be)\s+(?:a\s+)?(?:plus|bonus|desirable|preferred))\b/i;

/** Words that bring in examples of what came before: "technologies such as PCR, cloning and cell culture". */
const EXAMPLES =
  /\s*(?:,\s*)?\(?\b(?:such as|including|like|e\.g\.?|for example|for instance|especially|particularly|notably|namely)[,:]?\s+/gi;

/** The same, for finding where the examples start (EXAMPLES is global, for splitting, so it keeps a position). */
const EXAMPLES_START = new RegExp(EXAMPLES.source, 'i');

/** Words around a name that say how much or how well, never what: "strong", "a variety of", "hands-on". */
const QUALIFIER =
  /^(?:(?:a|an|the|some|any|all|each|one|two|three|several|many|multiple|various|varied|diverse|different|other|similar|related|relevant|common|commonly used|modern|current|standard|typical|general|basic|fundamental|core|key|broad|deep|solid|strong|good|great|excellent|exceptional|outstanding|proven|demonstrated|demonstrable|extensive|significant|substantial|considerable|thorough|comprehensive|detailed|advanced|intermediate|working|practical|hands-on|applied|professional|previous|prior|recent|direct|proficient|expert|expertise|in-depth|first-hand|real-world|large|large-scale|small|complex|high|higher|new|emerging|both|either|at least one of|one or more of|or more|more|most|its|their|your|our|these|those|this|that|such|appropriate|best|leading|major|[\p{L}]+-(?:level|scale|wide|related|focused|oriented|specific|facing|grade|quality))\s+)+/iu;

/** Heads of phrases that name where or with whom the work happens, or what it is part of, not a skill. */
const NOT_A_SKILL =
  /\b(?:ability|abilities|capacity|willingness|desire|variety|range|number|mix|array|set|combination|level|degree|degrees|bachelor|bachelors|master|masters|phd|ph\.d|diploma|field|fields|discipline|disciplines|equivalent|education|qualifications?|certificate|years?|months?|time|people|person|individuals?|stakeholders?|customers?|clients?|users?|colleagues|partners?|teams?|staff|others|members?|leaders?|communities|community members|environments?|settings?|contexts?|organi[sz]ations?|institutions?|companies|company|sector|sectors|industry|industries|government|agencies|agency|startups?|businesses|roles?|positions?|jobs?|projects?|programs?|programmes?|initiatives?|products?|services?|issues?|problems?|challenges?|tasks?|activities|responsibilities|duties|needs|goals|objectives|results|outcomes|impact|success|things|ways?|work|working|matters|aspects?|areas?|topics?|domains?|subjects?|concepts?|principles?|ideas?|trends|developments|opportunities|world|mission|values|nature|role|etc|lots?|plenty|wealth|passion|interest|enthusiasm|commitment|understanding|knowledge|experience|expertise|proficiency|familiarity|skills?|competenc(?:e|ies|y)|background|track record|exposure)\b/i;

/** Qualities and ways of working: soft skills, never a hard skill kept as written. */
const QUALITY =
  /\b(?:communication|communicating|interpersonal|written|verbal|oral|organi[sz]ational|organi[sz]ing|time management|prioriti[sz]\w*|multi-?task\w*|detail|initiative|judg(?:e)?ment|attitude|mindset|motivat\w*|self-starter|independen\w*|autonom\w*|pressure|deadlines?|flexib\w*|adaptab\w*|creativ\w*|empath\w*|curiosity|integrity|teamwork|collaborat\w*|leadership|listening|presentation|relationship|relationships|influenc\w*|negotiat\w*|problem[- ]solving|critical thinking|analytical|resourceful\w*|proactiv\w*|enthusias\w*|energy|diplomacy|discretion|tact|patience|reliab\w*|accountab\w*|ownership|excellence|professionalism|customer service|fast-paced|ambiguity|change)\b/i;

/** Academic subjects, which postings name as the field of a degree or a background rather than as skills. */
const SUBJECT =
  /^(?:(?:the\s+)?(?:biology|biological|chemistry|chemical|physics|mathematics|maths?|economics|psychology|sociology|anthropology|linguistics|philosophy|history|geography|geology|medicine|law|humanities|arts|education|engineering|science|sciences|studies|computing|epidemiology|neuroscience|ecology|hydrology|physiology|biochemistry|agriculture|english))$|\b(?:sciences?|studies|engineering|disciplines?)$/i;

/** Gerunds that say what one does, not what one knows: "managing", "developing". A phrase is not one of them. */
const DOING =
  /^(?:managing|developing|working|leading|building|creating|supporting|using|delivering|designing|implementing|executing|maintaining|running|coordinating|planning|driving|ensuring|helping|making|providing|applying|handling|establishing|improving|producing|overseeing|conducting|performing|operating|tracking|identifying|writing|preparing|contributing|engaging|collaborating|communicating|owning|shaping|setting|growing|scaling|launching|organi[sz]ing|analy[sz]ing|translating|facilitating|teaching|training|mentoring|upholding|introducing|championing|fostering|meeting|promoting|advocating|cultivating|adhering|reviewing|deploying|proposing|publishing|documenting|guiding|enabling|defining|setting up|taking)\b\s*/i;

/** Words that describe or qualify rather than name: adverbs, participles, evaluative adjectives. */
const DESCRIBING =
  /^(?:\p{L}+ly|[\p{L}-]{3,}(?<!speed|need|seed|feed|bleed|breed)ed|used|involved|pertinent|according|related|relevant|maybe|even|although|excited|having|another|additional|these|those|robust|effective|successful|aggressive|persuasive|high-traffic|shared|private|local|social|commercial|virtual|general|specific|various|overall|annual|internal|external|global|regional|national|international|own|full|whole|entire|key|critical|important|necessary|required|desired|preferred|ideal|great|amazing|impactful|innovative|cutting-edge|sound|other|new|current|future|past|similar|such|it)$|['’]/iu;
/** Heads that name things worked on or with, never a practice: "data sets", "web sites", "private foundations". */
const OBJECT_HEAD =
  /^(?:sets?|datasets?|websites?|sites?|pages?|sessions?|strategies|approach(?:es)?|mechanisms?|documents?|foundations?|solutions?|requirements?|libraries|flaws?|plans?|audiences?|materials?|appeals?|catalogs?|catalogues?|targets?|questions?|types?|code|applications?|apps?|enterprises?|theories|articles?|contacts?|regulations?|procedures?|policies|changes?|interventions?|scientists?|engineers?|developers?|designers?|community|communities|movements?|economy|providers?|vendors?|partners?|tools|tooling|technologies|platforms|languages|terminology|practices|techniques|methods|methodologies|resources?|assets?|data|information|content|files?|records|reports?|budgets|funds?|funding|money|metrics|software|systems? of record|donors?|grants?|events?|meetings?|deadlines?|processes|operations)$/i;

/**
 * A single word that names a practice, a field or a product on its own: genomics, bookkeeping, procurement, cloning,
 * PCR, GitHub. A capitalised ordinary word ("Toronto", "Prior") is as likely a place or a sentence's first word.
 */
const FIELD_WORD =
  /^\p{Ll}[\p{Ll}-]{3,}(?:ics|ology|graphy|omy)$|^[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}+#.-]*\p{Lu}[\p{L}\p{N}+#.-]*$|^\p{Ll}+\p{Lu}[\p{L}\p{N}]*$/u;
/** Single words of those shapes that are too broad or too ordinary to be a skill asked for. */
const TOO_BROAD =
  /^(?:management|development|environment|requirement|improvement|equipment|government|department|employment|engagement|involvement|achievement|commitment|assessment|everything|something|anything|nothing|thing|being|having|doing|making|meeting|setting|thinking|understanding|learning|reading|listening|speaking|building|planning|working|funding|hiring|pricing|morning|evening|ecology|technology|methodology|methodologies|technologies|economics|dynamics|basics|logistics|mechanics|politics|ethics|physics|mathematics|genetics|statistics|analytics|informatics|I|We|You|Our|The|This|That|These|It|A|An|US|UK|EU|USA)$/;

const SEPARATORS = /\s*(?:,|;|\band\/or\b|\band\b|\bor\b|&|\bas well as\b|\bplus\b|\(|\))\s*/i;

export interface AsWrittenOptions {
  /** True when the taxonomy (with the posting terms) names a skill anywhere in the phrase. */
  known(phrase: string): boolean;
}

/** The phrases this text asks for in its own words and the taxonomy does not know, each in sentence case. */
export function asWrittenAsks(text: string, options: AsWrittenOptions): string[] {
  const objects: string[] = [];
  // "• 5+ years … • Experience with …": pseudo-bullets run on one line are items of their own.
  for (const sentence of text.split(/(?<=[.!?])\s+|\s+[•·▪]\s+/)) {
    // "A degree in biology or chemistry": a degree's subjects are not skills, and a sentence about degrees names them.
    if (
      /\b(?:degree|bachelor(?:'|’)?s?|master(?:'|’)?s|ph\.?d|msc|bsc|diploma|graduate of)\b/i.test(sentence)
    )
      continue;
    for (const m of sentence.matchAll(CUE_BEFORE))
      objects.push(objectAfter(sentence.slice(m.index + m[0].length)));
    for (const m of sentence.matchAll(CUE_AFTER)) objects.push(m[1]!.trim());
  }
  const out = new Map<string, string>();
  for (const object of objects)
    for (const item of items(object)) {
      const phrase = cleaned(item);
      if (!phrase || options.known(phrase)) continue;
      const name = phrase.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
      out.set(name.toLowerCase(), name);
    }
  return [...out.values()];
}

/** The object of a cue: the words up to where its clause ends, with the examples it introduces. */
function objectAfter(rest: string): string {
  // The examples in parentheses or after "such as" belong to the object and end with their own list.
  const end = OBJECT_END.exec(rest.replace(/\([^)]*\)/g, (p) => p.replace(/[.;:!?]/g, ' ')));
  if (!end) return rest;
  // "knowledge of technologies commonly used in biological labs, such as PCR, cloning and cell culture": the family
  // is qualified by a clause, and its examples come after it in the same sentence.
  const clause = rest.slice(end.index).split(/[.;:!?](?:\s|$)/)[0]!;
  const examples = EXAMPLES_START.exec(clause);
  // "… to help build applications …, including the Gene Ontology": examples said far from the object are another's.
  if (examples && examples.index > 40) return rest.slice(0, end.index);
  const object = rest.slice(0, end.index);
  return examples ? `${object}, ${clause.slice(examples.index + examples[0].length)}` : object;
}

/** A list split into its items: "next generation sequencing, PCR, cloning, and cell culture". */
function items(object: string): string[] {
  return (
    object
      // "continuous integration (CI)": an abbreviation in parentheses is the name before it, said again.
      .replace(/\s*\(\p{Lu}[\p{Lu}\d&/]{1,7}s?\)/gu, '')
      // "a modern web framework (React, Angular, Ember)": a family named to bring in its examples is not asked for.
      .replace(/[^,;()]+\(([^()]*,[^()]*)\)/g, ', $1')
      .split(EXAMPLES)
      .flatMap((part) => part.split(SEPARATORS))
      .map((s) => s.trim())
      .filter(Boolean)
  );
}

/** An item as a name, or null: "strong knowledge" → null, "executing trade shows" → "trade shows". */
function cleaned(item: string): string | null {
  let phrase = item
    .replace(/["“”‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (let i = 0; i < 3; i++) phrase = phrase.replace(QUALIFIER, '').replace(DOING, '').trim();
  phrase = phrase.replace(/[\s,.:-]+$/, '').trim();
  if (!phrase || !/\p{L}/u.test(phrase) || phrase.length > 40) return null;
  const words = phrase.split(' ');
  if (words.length > 4) return null;
  // A phrase that is a clause ("how to market", "the team's goals") or places the work somewhere is not a name.
  if (
    words.some((w) =>
      /^(?:of|in|for|to|with|on|at|by|the|a|an|how|what|why|you|your|we|our|their|its|is|are|be|not|no|new|etc\.?)$/i.test(
        w,
      ),
    )
  )
    return null;
  if (/^\d/.test(phrase) || /[’']s\b/.test(phrase)) return null;
  if (NOT_A_SKILL.test(phrase) || QUALITY.test(phrase) || SUBJECT.test(phrase)) return null;
  if (words.length === 1 && (!FIELD_WORD.test(phrase) || TOO_BROAD.test(phrase))) return null;
  // "Internally developed systems", "Tooling used", "Robust code": a word that describes or does is a clause's, and a
  // thing made or used (documents, websites, code) is the work's object, not a skill.
  if (words.some((w) => DESCRIBING.test(w)) || OBJECT_HEAD.test(words.at(-1)!)) return null;
  return phrase;
}
