// Word identity for matching: British and American spellings and inflections collapse to one key, and a
// small synonym table folds words that mean the same thing in an interview answer into one concept.
import model from 'wink-eng-lite-web-model';

// The model ships a Porter-style stemmer as an add-on; wink's typings declare add-ons as `unknown`.
const porterStem = model.addons.stem as (word: string) => string;

// -ise words that are not British spellings of -ize words.
const ISE_EXCEPTIONS = new Set(
  (
    'advertise advise arise chastise circumcise comprise compromise concise demise despise devise disguise ' +
    'enterprise excise exercise expertise franchise improvise incise merchandise noise otherwise paradise ' +
    'poise porpoise praise precise premise promise raise reprise revise rise supervise surmise surprise ' +
    'televise tortoise treatise turquoise wise'
  ).split(' '),
);
const OUR_WORDS =
  /^(behavi|col|fav|hon|lab|neighb|flav|rum|hum|endeav|harb|sav|arm|vap|vig|rig|od|parl|tum|clam|cand|splend)our/;
const DOUBLED_L =
  /^(model|travel|cancel|label|signal|level|fuel|channel|funnel|tunnel|total|dial|counsel|marshal|pedal|quarrel)l(ed|ing|er|ers)$/;
// A Map, not an object: a word such as "constructor" must not find Object.prototype's.
const SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    centre: 'center',
    centres: 'centers',
    metre: 'meter',
    metres: 'meters',
    litre: 'liter',
    fibre: 'fiber',
    theatre: 'theater',
    catalogue: 'catalog',
    dialogue: 'dialog',
    analogue: 'analog',
    defence: 'defense',
    offence: 'offense',
    licence: 'license',
    programme: 'program',
    programmes: 'programs',
    grey: 'gray',
  }),
);

/** British → American spelling for the word shapes that differ systematically. */
export function americanise(word: string): string {
  const fixed = SPELLINGS.get(word);
  if (fixed) return fixed;
  const ise = /^(.{3,}?)is(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
  if (ise && !ISE_EXCEPTIONS.has(`${ise[1]}ise`)) return `${ise[1]}iz${ise[2]}`;
  const yse = /^(.+)ys(e|es|ed|ing|er|ers)$/.exec(word);
  if (yse) return `${yse[1]}yz${yse[2]}`;
  if (OUR_WORDS.test(word)) return word.replace('our', 'or');
  const ll = DOUBLED_L.exec(word);
  if (ll) return `${ll[1]}${ll[2]}`;
  return word;
}

// Keys are reused across answers and points; a bounded memo keeps the stemmer off the hot path.
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

/** The matching key of one word: lower case, typographic apostrophes straightened, American, stemmed. */
export function canonical(word: string): string {
  const lower = word.toLowerCase().replace(/\u2019/g, "'");
  const hit = memo.get(lower);
  if (hit !== undefined) return hit;
  const american = americanise(lower.replace(/'s$/, ''));
  // wink's stemmer looks exceptions up in a plain object: "constructor" would come back as a function.
  const stemmed: unknown = porterStem(american);
  const key = typeof stemmed === 'string' ? stemmed : american;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(lower, key);
  return key;
}

// Each group is one concept; the first entry names it. Multi-word entries match consecutive words.
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['cache', 'memoize', 'memoization'],
  ['database', 'db', 'datastore', 'data store'],
  ['latency', 'response time', 'lag'],
  ['kubernetes', 'k8s'],
  ['authenticate', 'authentication', 'authn', 'log in', 'login', 'sign in'],
  ['authorize', 'authorization', 'authz', 'permission', 'permit', 'access control'],
  ['fast', 'quick', 'rapid'],
  ['reduce', 'decrease', 'cut', 'lower', 'shrink', 'lessen'],
  ['increase', 'grow', 'boost', 'raise'],
  ['fail', 'failure', 'error', 'fault'],
  ['fix', 'resolve', 'repair'],
  ['deploy', 'deployment', 'release', 'rollout', 'roll out', 'ship'],
  ['rollback', 'roll back', 'revert'],
  ['monitor', 'observability', 'observe'],
  ['metric', 'measure', 'measurement', 'kpi'],
  ['user', 'customer', 'client'],
  ['disagree', 'disagreement', 'conflict', 'argue', 'argument', 'clash'],
  ['communicate', 'inform', 'notify', 'tell', 'update'],
  ['prioritize', 'priority', 'rank'],
  ['scale', 'scalable', 'scalability'],
  ['queue', 'message broker', 'kafka', 'sqs', 'rabbitmq'],
  ['retry', 're-try'],
  ['duplicate', 'dedupe', 'deduplicate', 'deduplication'],
  ['secret', 'credential'],
  ['large', 'big', 'huge'],
  ['result', 'outcome'],
  ['analysis', 'analyse', 'analyze', 'analysed', 'analyzed', 'analysing', 'analyzing'],
  ['goal', 'objective', 'target', 'aim'],
  ['learn', 'lesson', 'takeaway'],
  ['cost', 'spend', 'expense'],
  ['document', 'documentation', 'docs', 'write down', 'record'],
  ['colleague', 'teammate', 'coworker', 'peer'],
  ['progressive', 'gradual', 'incremental', 'staged', 'phased'],
  ['batch', 'chunk'],
  ['stakeholder', 'sponsor'],
  ['request', 'ask'],
];

interface Synonyms {
  words: Map<string, string>;
  /** Multi-word entries, keyed by their first word's key. */
  phrases: Map<string, { keys: string[]; concept: string }[]>;
}

let synonyms: Synonyms | undefined;
function synonymTable(): Synonyms {
  if (synonyms) return synonyms;
  const table: Synonyms = { words: new Map(), phrases: new Map() };
  for (const group of SYNONYM_GROUPS) {
    const concept = canonical(group[0]!);
    for (const entry of group) {
      const keys = entry.split(' ').map(canonical);
      if (keys.length === 1) table.words.set(keys[0]!, concept);
      else {
        const list = table.phrases.get(keys[0]!) ?? [];
        list.push({ keys, concept });
        table.phrases.set(keys[0]!, list);
      }
    }
  }
  synonyms = table;
  return table;
}

/**
 * Concepts for a run of word keys (punctuation already removed): synonyms fold to their group's concept,
 * and the later words of a multi-word synonym become '' so that they do not count twice.
 */
export function conceptsOf(keys: readonly string[]): string[] {
  const { words, phrases } = synonymTable();
  const out = keys.map((k) => words.get(k) ?? k);
  for (let i = 0; i < keys.length; i++) {
    for (const p of phrases.get(keys[i]!) ?? []) {
      if (p.keys.every((k, j) => keys[i + j] === k)) {
        out[i] = p.concept;
        for (let j = 1; j < p.keys.length; j++) out[i + j] = '';
        break;
      }
    }
  }
  return out;
}
