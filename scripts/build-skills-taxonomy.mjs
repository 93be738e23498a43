#!/usr/bin/env node
// Builds resources/skills/taxonomy.json, the skills taxonomy the résumé parser matches against.
//
//   node scripts/build-skills-taxonomy.mjs            write resources/skills/taxonomy.json
//   node scripts/build-skills-taxonomy.mjs --check    exit 1 if the file on disk is not what this script would write
//   node scripts/build-skills-taxonomy.mjs --verbose  also list every dropped alias and skipped source entry
//   --source-dir <dir> (or SKILLS_SOURCE_DIR)         where the source lists live (default: ../shared/data/skills
//                                                     relative to the repo root)
//
// Developer tool only: the app ships the generated taxonomy.json, never this script or the source lists.
// Plain Node 20, node: built-ins only. Deterministic: the same inputs give a byte-identical output.
//
// Inputs, in priority order (earlier wins a name or alias; later entries with the same name are merged in):
//   1. resources/skills/curated-aliases.json   hand-written: canonical names, groups and aliases of common tech skills
//   2. resources/skills/soft-skills.json        hand-written: soft and business skills
//   3. resources/skills/spoken-languages.json   hand-written: human languages
//   4. tanova-skills.json                        Tanova Open Skills Taxonomy (CC BY 4.0)
//   5. linguist-languages.json                   GitHub Linguist languages.yml (MIT), allow-listed entries only
//   6. onet-technology-skills.json               O*NET 29.2 Technology Skills (CC BY 4.0), filtered and renamed
//   7. esco-digital-skills.json                  ESCO v1.2.0 digital skills, "knowledge" entries, filtered
// See resources/skills/README.md and /work/shared/data/skills/SOURCE.md.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------------------------
// Paths and options

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SKILLS_DIR = join(ROOT, 'resources', 'skills');
const OUT_FILE = join(SKILLS_DIR, 'taxonomy.json');

const argv = process.argv.slice(2);
const CHECK = argv.includes('--check');
const VERBOSE = argv.includes('--verbose');
const srcArg = argv.indexOf('--source-dir');
const SOURCE_DIR = resolve(
  srcArg >= 0 && argv[srcArg + 1]
    ? argv[srcArg + 1]
    : process.env.SKILLS_SOURCE_DIR || join(ROOT, '..', 'shared', 'data', 'skills'),
);

// sha256 of the source lists as documented in SOURCE.md. A mismatch is reported, not fatal.
const SOURCE_FILES = {
  tanova: {
    file: 'tanova-skills.json',
    sha256: 'a3e225a69ba351734076301064799d05be117096f6420212c353a682c757e067',
  },
  linguist: {
    file: 'linguist-languages.json',
    sha256: '6a2cc2be6729e4064035c4d066dfa18ec8c4bf57a7ffea2f31a4006013a4f5d0',
  },
  onet: {
    file: 'onet-technology-skills.json',
    sha256: '45d7b6a4945f02850505da6dba35e3b070353cea2f025dbecbb684c678c75c0f',
  },
  esco: {
    file: 'esco-digital-skills.json',
    sha256: '86f7becaaef0b8da797fc47193fdb5d1e163ec35ee27127bf3fb5bc8503790c0',
  },
};
// 'rehearse' = the hand-written lists in resources/skills/.
const SOURCE_ORDER = ['rehearse', 'tanova', 'linguist', 'onet', 'esco'];

// ---------------------------------------------------------------------------------------------------------------
// Categories and groups. A group belongs to exactly one category.

const GROUPS = {
  technical: [
    'Programming languages',
    'Markup & data formats',
    'Frontend & web development',
    'Backend frameworks & runtimes',
    'Mobile development',
    'Data science & ML libraries',
    'Machine learning & AI',
    'Data & analytics methods',
    'Software engineering practices',
    'Project & delivery methods',
    'Architecture & APIs',
    'DevOps & cloud practices',
    'Testing & QA',
    'Security',
    'Networking',
    'Embedded, IoT & hardware',
    'Game development & graphics',
    'Design & UX methods',
    'Business, finance & marketing',
    'Engineering & science methods',
    'Emerging technologies',
  ],
  tools: [
    'Cloud platforms & services',
    'Databases',
    'Data engineering & big data',
    'BI & analytics tools',
    'Statistical & scientific software',
    'Containers & orchestration',
    'CI/CD & build tools',
    'Infrastructure as code & configuration',
    'Monitoring & observability',
    'Version control & code hosting',
    'Developer tools & IDEs',
    'Operating systems',
    'Servers, virtualization & networking',
    'Office & productivity',
    'Collaboration & communication',
    'Project management tools',
    'Design & creative tools',
    'Engineering & industrial software',
    'GIS & mapping',
    'CRM, sales & marketing tools',
    'ERP & finance software',
    'HR & recruiting software',
    'Healthcare software',
    'Education & e-learning',
    'CMS & e-commerce platforms',
    'Security tools',
    'Social media platforms',
    'Other software',
  ],
  languages: ['Spoken languages', 'Sign languages'],
  soft: [
    'Leadership & management',
    'Communication',
    'Teamwork & collaboration',
    'Problem solving & thinking',
    'Personal effectiveness',
    'Business & customer skills',
  ],
};
const CATEGORY_ORDER = Object.keys(GROUPS);
const GROUP_CATEGORY = new Map();
for (const [cat, groups] of Object.entries(GROUPS)) for (const g of groups) GROUP_CATEGORY.set(g, cat);

// ---------------------------------------------------------------------------------------------------------------
// Source-specific curation rules

// Tanova entries that are not skills.
const TANOVA_SKIP = new Set(['Modern Stack', 'Startup Experience']);
// Fallback placement for Tanova entries that do not match a hand-written entry (subcategory -> [category, group]).
const TANOVA_PLACEMENT = {
  'Programming Languages': ['technical', 'Programming languages'],
  'Frontend Development': ['technical', 'Frontend & web development'],
  'Backend Development': ['technical', 'Backend frameworks & runtimes'],
  'Backend Frameworks': ['technical', 'Backend frameworks & runtimes'],
  Databases: ['tools', 'Databases'],
  'Data Science & Machine Learning': ['technical', 'Machine learning & AI'],
  'AI & Machine Learning': ['technical', 'Machine learning & AI'],
  'DevOps & Cloud': ['technical', 'DevOps & cloud practices'],
  'Cloud Platforms': ['tools', 'Cloud platforms & services'],
  Cms: ['tools', 'CMS & e-commerce platforms'],
  Mobile: ['technical', 'Mobile development'],
  'Mobile Development': ['technical', 'Mobile development'],
  Tools: ['tools', 'Developer tools & IDEs'],
  Specialized: ['technical', 'Embedded, IoT & hardware'],
  Architecture: ['technical', 'Architecture & APIs'],
  'Software Architecture': ['technical', 'Architecture & APIs'],
  Engineering: ['technical', 'Software engineering practices'],
  'Data Infrastructure': ['tools', 'Data engineering & big data'],
  'Design Tools': ['tools', 'Design & creative tools'],
  Testing: ['technical', 'Testing & QA'],
  Management: ['soft', 'Leadership & management'],
  'Project Management': ['technical', 'Project & delivery methods'],
};

// GitHub Linguist: only languages people put on résumés. name -> display name (null = keep the Linguist name).
const LINGUIST_ALLOW = {
  ABAP: null,
  ActionScript: null,
  Ada: null,
  Apex: null,
  AppleScript: null,
  Assembly: 'Assembly language',
  AutoHotkey: null,
  Awk: 'AWK',
  Batchfile: 'Batch scripting',
  C: null,
  'C#': null,
  'C++': null,
  Clojure: null,
  CMake: null,
  COBOL: null,
  CoffeeScript: null,
  ColdFusion: null,
  'Common Lisp': null,
  Crystal: null,
  CSS: null,
  Cuda: 'CUDA',
  Cypher: null,
  D: null,
  Dart: null,
  Dockerfile: null,
  Elixir: null,
  Elm: null,
  'Emacs Lisp': null,
  Erlang: null,
  'F#': null,
  Fortran: null,
  GDScript: null,
  Gherkin: null,
  GLSL: null,
  Go: null,
  Gradle: null,
  GraphQL: null,
  Groovy: null,
  Handlebars: null,
  Haskell: null,
  Haxe: null,
  HiveQL: null,
  HLSL: null,
  HTML: null,
  Java: null,
  JavaScript: null,
  Jinja: null,
  JSON: null,
  Julia: null,
  'Jupyter Notebook': null,
  Kotlin: null,
  LabVIEW: null,
  Less: null,
  Lua: null,
  Makefile: null,
  Markdown: null,
  MATLAB: null,
  'Maven POM': null,
  Mojo: null,
  Nim: null,
  Nix: null,
  'Objective-C': null,
  OCaml: null,
  OpenCL: null,
  'OpenEdge ABL': 'OpenEdge ABL',
  Pascal: null,
  Perl: null,
  PHP: null,
  PlantUML: null,
  PLpgSQL: 'PL/pgSQL',
  PLSQL: 'PL/SQL',
  PowerShell: null,
  Prolog: null,
  'Protocol Buffer': 'Protocol Buffers',
  PureScript: null,
  'Q#': null,
  QML: null,
  R: null,
  Racket: null,
  Raku: null,
  'Regular Expression': 'Regular expressions',
  ReScript: null,
  Ruby: null,
  Rust: null,
  SAS: null,
  Sass: null,
  Scala: null,
  Scheme: null,
  SCSS: null,
  Shell: 'Shell scripting',
  Smalltalk: null,
  Solidity: null,
  SPARQL: null,
  SQL: null,
  'Standard ML': null,
  Stata: null,
  SVG: null,
  Svelte: null,
  Swift: null,
  SystemVerilog: null,
  Tcl: null,
  TeX: 'LaTeX',
  Thrift: 'Apache Thrift',
  TOML: null,
  TSQL: 'T-SQL',
  TSX: null,
  TypeScript: null,
  VBA: null,
  VBScript: null,
  Verilog: null,
  VHDL: null,
  'Vim script': null,
  'Visual Basic .NET': 'VB.NET',
  'Visual Basic 6.0': 'Visual Basic',
  Vue: 'Vue.js',
  Vyper: null,
  WebAssembly: null,
  'Wolfram Language': null,
  XML: null,
  XQuery: null,
  XSLT: null,
  YAML: null,
  Zig: null,
};

// O*NET UNSPSC commodity -> [category, group, minimum occupation_count for a new entry]. An entry not merged into
// an existing skill is added only if it is a Hot Technology or at least this many occupations list it.
const ONET_PLACEMENT = {
  'Spreadsheet software': ['tools', 'Office & productivity', 5],
  'Word processing software': ['tools', 'Office & productivity', 5],
  'Presentation software': ['tools', 'Office & productivity', 5],
  'Office suite software': ['tools', 'Office & productivity', 5],
  'Electronic mail software': ['tools', 'Office & productivity', 5],
  'Calendar and scheduling software': ['tools', 'Office & productivity', 5],
  'Document management software': ['tools', 'Office & productivity', 5],
  'Process mapping and design software': ['tools', 'Office & productivity', 4],
  'Internet browser software': ['tools', 'Office & productivity', 8],
  'Optical character reader OCR or scanning software': ['tools', 'Office & productivity', 5],
  'Charting software': ['tools', 'Office & productivity', 5],
  'Video conferencing software': ['tools', 'Collaboration & communication', 4],
  'Instant messaging software': ['tools', 'Collaboration & communication', 5],
  'Desktop communications software': ['tools', 'Collaboration & communication', 5],
  'Network conferencing software': ['tools', 'Collaboration & communication', 5],
  'Cloud-based data access and sharing software': ['tools', 'Collaboration & communication', 3],
  'Communications server software': ['tools', 'Collaboration & communication', 5],
  'Project management software': ['tools', 'Project management tools', 4],
  'Content workflow software': ['tools', 'Project management tools', 4],
  'Requirements analysis and system architecture software': ['tools', 'Project management tools', 4],
  'Graphics or photo imaging software': ['tools', 'Design & creative tools', 4],
  'Desktop publishing software': ['tools', 'Design & creative tools', 4],
  'Video creation and editing software': ['tools', 'Design & creative tools', 4],
  'Music or sound editing software': ['tools', 'Design & creative tools', 4],
  'Graphical user interface development software': ['tools', 'Design & creative tools', 3],
  'Computer aided design CAD software': ['tools', 'Engineering & industrial software', 4],
  'Computer aided manufacturing CAM software': ['tools', 'Engineering & industrial software', 4],
  'Industrial control software': ['tools', 'Engineering & industrial software', 4],
  'Analytical or scientific software': ['tools', 'Statistical & scientific software', 6],
  'Geographic information system': ['tools', 'GIS & mapping', 4],
  'Map creation software': ['tools', 'GIS & mapping', 5],
  'Business intelligence and data analysis software': ['tools', 'BI & analytics tools', 3],
  'Data mining software': ['tools', 'BI & analytics tools', 3],
  'Data base reporting software': ['tools', 'BI & analytics tools', 3],
  'Data base management system software': ['tools', 'Databases', 3],
  'Data base user interface and query software': ['tools', 'Databases', 5],
  'Object oriented data base management software': ['tools', 'Databases', 3],
  'Metadata management software': ['tools', 'Data engineering & big data', 3],
  'Enterprise application integration software': ['tools', 'Data engineering & big data', 3],
  'Development environment software': ['tools', 'Developer tools & IDEs', 3],
  'Program testing software': ['tools', 'Developer tools & IDEs', 3],
  'Compiler and decompiler software': ['tools', 'Developer tools & IDEs', 3],
  'Object or component oriented development software': ['technical', 'Backend frameworks & runtimes', 3],
  'Web platform development software': ['technical', 'Frontend & web development', 3],
  'Web page creation and editing software': ['tools', 'CMS & e-commerce platforms', 4],
  'Operating system software': ['tools', 'Operating systems', 3],
  'File versioning software': ['tools', 'Version control & code hosting', 3],
  'Configuration management software': ['tools', 'Infrastructure as code & configuration', 3],
  'Application server software': ['tools', 'Servers, virtualization & networking', 3],
  'Cloud-based management software': ['tools', 'Cloud platforms & services', 3],
  'Portal server software': ['tools', 'Servers, virtualization & networking', 3],
  'Transaction server software': ['tools', 'Servers, virtualization & networking', 3],
  'Clustering software': ['tools', 'Servers, virtualization & networking', 3],
  'Enterprise system management software': ['tools', 'Servers, virtualization & networking', 3],
  'Storage networking software': ['tools', 'Servers, virtualization & networking', 3],
  'Backup or archival software': ['tools', 'Servers, virtualization & networking', 4],
  'Access software': ['tools', 'Servers, virtualization & networking', 4],
  'Internet directory services software': ['tools', 'Servers, virtualization & networking', 3],
  'Network operation system software': ['tools', 'Servers, virtualization & networking', 3],
  'Switch or router software': ['tools', 'Servers, virtualization & networking', 3],
  'Network monitoring software': ['tools', 'Monitoring & observability', 3],
  'Transaction security and virus protection software': ['tools', 'Security tools', 3],
  'Network security or virtual private network VPN management software': ['tools', 'Security tools', 3],
  'Network security and virtual private network VPN equipment software': ['tools', 'Security tools', 3],
  'Authentication server software': ['tools', 'Security tools', 3],
  'Cloud-based protection or security software': ['tools', 'Security tools', 3],
  'Enterprise resource planning ERP software': ['tools', 'ERP & finance software', 4],
  'Accounting software': ['tools', 'ERP & finance software', 5],
  'Financial analysis software': ['tools', 'ERP & finance software', 6],
  'Tax preparation software': ['tools', 'ERP & finance software', 5],
  'Procurement software': ['tools', 'ERP & finance software', 5],
  'Inventory management software': ['tools', 'ERP & finance software', 6],
  'Materials requirements planning logistics and supply chain software': [
    'tools',
    'ERP & finance software',
    6,
  ],
  'Point of sale POS software': ['tools', 'ERP & finance software', 6],
  'Compliance software': ['tools', 'ERP & finance software', 6],
  'Facilities management software': ['tools', 'ERP & finance software', 6],
  'Human resources software': ['tools', 'HR & recruiting software', 5],
  'Time accounting software': ['tools', 'HR & recruiting software', 5],
  'Customer relationship management CRM software': ['tools', 'CRM, sales & marketing tools', 4],
  'Sales and marketing software': ['tools', 'CRM, sales & marketing tools', 3],
  'Helpdesk or call center software': ['tools', 'CRM, sales & marketing tools', 4],
  'Medical software': ['tools', 'Healthcare software', 10],
  'Computer based training software': ['tools', 'Education & e-learning', 8],
  'Multi-media educational software': ['tools', 'Education & e-learning', 8],
  'Information retrieval or search software': ['tools', 'Other software', 8],
};
const ONET_DEFAULT_PLACEMENT = ['tools', 'Other software', 8];

// Vendor prefixes dropped from O*NET names to get the usual résumé name ("Atlassian JIRA" -> "JIRA"). The vendor
// form stays as an alias. Vendors whose name is normally written with the product (Google Docs, IBM Cognos, Oracle
// Database, SAP Concur ...) are not listed.
const ONET_VENDORS = [
  'Adobe Systems',
  'Adobe',
  'Apple',
  'Atlassian',
  'Autodesk',
  'Avid Technology',
  'Bentley Systems',
  'Bentley',
  'Corel',
  'Dassault Systemes',
  'Embarcadero Technologies',
  'Embarcadero',
  'ESRI',
  'Esri',
  'Hewlett Packard',
  'Hewlett-Packard',
  'JetBrains',
  'Maxon',
  'McNeel',
  'Microsoft',
  'National Instruments',
  'StataCorp',
  'The MathWorks',
  'MathWorks',
  'Intuit',
  'Trimble',
  'Apache',
  'Red Hat',
  'Qlik Tech',
  'Quest',
  'Unity Technologies',
  'Unreal Technology',
  'Sun Microsystems',
  'Wind River Systems',
  'Wind River',
  'TechSmith',
  'Pixologic',
  'LogMeIn',
  'Systat Software',
  'Golden Software',
  'Maplesoft',
  'OriginLab',
  'SmugMug',
  'iParadigms',
  'Leica Geosystems',
  'RockWare',
  'Insightful',
  'Rapid-I',
  'SmartBear Software',
  'Econometric Software',
  'Quantitative Micro Software',
  'Aptech Systems',
  'Mathsoft',
  'Salesforce.com',
  'Salesforce',
  'Henry Schein',
  'Tenable',
  'Portswigger',
  'Guidance Software',
  'Nuance',
  'GraphPad Software',
  'Palisade',
  'MSC Software',
  'Cadence',
  'Wolfram Research',
  'Muthen & Muthen',
  'Scientific Software International',
  'Synergy Software',
  'ITT Visual Information Solutions',
  'CNC',
  'Delcam',
  'Vero Software',
  'DP Technology',
  'Geometric',
  'AVEVA',
  'Rockwell',
  'Rockwell Automation',
  'Bizmatics',
  'Greenway Medical Technologies',
  'Texas Medical Software',
  'Blackbaud',
  'Sparta Systems',
  'Kodak Dental Systems',
  'HEAT Software',
  'Insight Direct',
  'Plexis Software',
  'Turtle Creek Software',
  'Xactware',
  'Noldus Information Technology',
  'Experian',
  'Intrado',
  "Tradesman's Software",
  'Culinary Software Services',
  'ACD Systems',
  'AutoDesSys',
  'Surpac',
  'Maptek',
  'Schlumberger',
  'Landmark Graphics',
  'Gene Codes',
  'Wavefunction',
  'EarthSoft',
  'HydroSOLVE',
  'Caliper',
  'IHS',
  'Eos Systems',
  'Pix4D',
  'Mentor Graphics',
];
// Never strip the vendor when what is left would be one of these ("Microsoft Word" stays "Microsoft Word").
const KEEP_VENDOR_FOR = new Set([
  'word',
  'access',
  'project',
  'teams',
  'office',
  'publisher',
  'exchange',
  'paint',
  'dynamics',
  'docs',
  'sheets',
  'slides',
  'drive',
  'meet',
  'sites',
  'ads',
  'analytics',
  'classroom',
  'earth',
  'forms',
  'notes',
  'pages',
  'numbers',
  'audition',
  'inventor',
  'concur',
  'edge',
  'store',
  'server',
  'cloud',
  'suite',
  'designer',
  'studio',
  'works',
  'enterprise',
  'professional',
  'reader',
  'elements',
  'keep',
  'photos',
  'money',
  'mail',
  'maps',
  'music',
  'tv',
  'ant',
  'pig',
  'hive',
  'spark',
  'operating system',
  'sql',
  'sql server',
  'java',
]);
// Single-word "<X> software" O*NET names that are products, not categories ("Ansible software", not "Payroll software").
const ONET_SINGLE_WORD_BRANDS = new Set([
  'Alteryx',
  'Ansible',
  'Blackboard',
  'Gaussian',
  'Informatica',
  'Interwoven',
  'Laserfiche',
  'Procore',
  'Salesforce',
  'Tanium',
  'Tekla',
  'Webtrends',
  'Wonderware',
  'Workday',
  'Yardi',
]);
// O*NET name -> résumé name, where the rules above do not give it.
const ONET_RENAME = {
  'Formula translation/translator FORTRAN': 'Fortran',
  'Common business oriented language COBOL': 'COBOL',
  'List processing language LISP': 'Lisp',
  'A programming language APL': 'APL',
  "Beginner's all-purpose symbolic instruction code BASIC": 'BASIC',
  'Tool command language Tcl': 'Tcl',
  'Restructured extended executor REXX': 'REXX',
  'Programming language one PL/I': 'PL/I',
  'Algorithmic language ALGOL': 'ALGOL',
  'String oriented symbolic language SNOBOL': 'SNOBOL',
  'Objective Caml': 'OCaml',
  'Objective C': 'Objective-C',
  'Rust programming language': 'Rust',
  'MUMPS M': 'MUMPS',
  'Microsoft Visual Basic Scripting Edition VBScript': 'VBScript',
  'Microsoft Visual Basic for Applications VBA': 'VBA',
  'Microsoft Visual Basic.NET': 'VB.NET',
  'Microsoft Active Server Pages ASP': 'Classic ASP',
  'Microsoft Office SharePoint Server MOSS': 'SharePoint',
  'Very high-speed integrated circuit VHSIC hardware description language VHDL': 'VHDL',
  'Amazon Web Services AWS software': 'Amazon Web Services',
  'Amazon Elastic Compute Cloud EC2': 'Amazon EC2',
  'Amazon Simple Storage Service S3': 'Amazon S3',
  'AWS Elastic MapReduce (EMR)': 'Amazon EMR',
  'Amazon Elastic Container Service ECS': 'Amazon ECS',
  'Google Compute Engine (GCE)': 'Google Compute Engine',
  'Microsoft Azure software': 'Microsoft Azure',
  'Google Cloud software': 'Google Cloud Platform',
  'Microsoft Office software': 'Microsoft Office',
  'Adobe Creative Cloud software': 'Adobe Creative Cloud',
  'Google Workspace software': 'Google Workspace',
  'ESRI ArcGIS software': 'ArcGIS',
  'Esri ArcGIS': 'ArcGIS',
  'Microsoft Internet Information Services (IIS)': 'IIS',
  'Microsoft Dynamics': 'Microsoft Dynamics 365',
  'Microsoft operating system': null,
  'Apple iWork Pages': 'Apple Pages',
  'Apple iWork Keynote': 'Keynote',
  'IBM Notes': 'Lotus Notes',
  'IBM Lotus Notes': 'Lotus Notes',
  'IBM Lotus 1-2-3': 'Lotus 1-2-3',
  'IBM Domino': 'HCL Domino',
  'IBM SPSS Statistics': 'SPSS',
  'Epic Systems': 'Epic',
  'Epic Practice Management': 'Epic',
  'Epic EpicCare Inpatient Clinical System': 'Epic',
  'NortonLifeLock cybersecurity software': 'Norton Antivirus',
  'Norton AntiVirus': 'Norton Antivirus',
  McAfee: 'McAfee Antivirus',
  "Blackbaud The Raiser's Edge": "Raiser's Edge",
  'iParadigms Turnitin': 'Turnitin',
  'SmugMug Flickr': 'Flickr',
  'Desire2Learn LMS software': 'D2L Brightspace',
  'Sakai CLE': 'Sakai',
  'Instructure Canvas': 'Canvas',
  'Thomson Reuters Westlaw': 'Westlaw',
  'Thomson Reuters Westlaw Edge': 'Westlaw',
  'LexisNexis CaseMap': 'CaseMap',
  'Salesforce.com Salesforce CRM': 'Salesforce',
  'Salesforce Visualforce': 'Visualforce',
  'Oracle Java 2 Platform Enterprise Edition J2EE': 'Java EE',
  'Oracle JavaServer Pages JSP': 'JSP',
  'Microsoft ASP.NET Core MVC': 'ASP.NET Core',
  'Microsoft Visual C# .NET': 'C#',
  'Sun Microsystems Java': 'Java',
  'Google Angular': 'Angular',
  'React Redux': 'Redux',
  MeteorJS: 'Meteor.js',
  'Extensible hypertext markup language XHTML': 'XHTML',
  'Dynamic hypertext markup language DHTML': 'DHTML',
  'Extensible stylesheet language transformations XSLT': 'XSLT',
  'Extensible stylesheet language XSL': 'XSL',
  'Syntactically awesome style sheets SASS': 'Sass',
  'Hypertext preprocessor PHP': 'PHP',
  'Structure query language SQL': 'SQL',
  'Microsoft transact-structural query language T-SQL': 'T-SQL',
  'Multidimensional Expressions MDX': 'MDX',
  'Web service definition language WDSL': 'WSDL',
  'XML Path Language XPATH': 'XPath',
  'Unified modeling language UML': 'UML',
  'Job control language JCL': 'JCL',
  'Customer information control system CICS': 'CICS',
  'Hewlett Packard HP-UX': 'HP-UX',
  'Hewlett-Packard HP OpenVMS': 'OpenVMS',
  'IBM AIX': 'AIX',
  Ubuntu: 'Ubuntu',
  'Oracle Solaris': 'Solaris',
  'Red Hat Enterprise Linux': 'Red Hat Enterprise Linux',
  'Microsoft Windows Server': 'Windows Server',
  'Microsoft Windows': 'Windows',
  KornShell: 'KornShell',
  'Bourne Shell': 'Bourne shell',
  'Shell script': 'Shell scripting',
  'UNIX Shell': 'Shell scripting',
  'Apple macOS': 'macOS',
  'Apple iOS': 'iOS',
  'Google Android': 'Android',
  'Microsoft PowerShell': 'PowerShell',
  'Microsoft Windows PowerShell': 'PowerShell',
  'Microsoft .NET Framework': '.NET',
  'Microsoft ASP.NET': 'ASP.NET',
  'Atlassian JIRA': 'Jira',
  'Jenkins CI': 'Jenkins',
  'IBM Terraform': 'Terraform',
  'Red Hat Ansible Engine': 'Ansible',
  'Ansible software': 'Ansible',
  'Red Hat OpenShift': 'OpenShift',
  'Red Hat WildFly': 'WildFly',
  'Oracle WebLogic Server': 'WebLogic',
  'IBM WebSphere': 'WebSphere',
  'IBM WebSphere MQ': 'IBM MQ',
  'VMWare ESX Server': 'VMware',
  VMware: 'VMware',
  'VMWare Workstation': 'VMware Workstation',
  'Microsoft Hyper-V Server': 'Hyper-V',
  'Microsoft SQL Server': 'Microsoft SQL Server',
  'Oracle Database': 'Oracle Database',
  'Teradata Database': 'Teradata',
  'IBM DB2': 'IBM Db2',
  'IBM Informix': 'IBM Informix',
  'SAP Adaptive Server Enterprise': 'Sybase',
  'Microsoft Power BI': 'Power BI',
  'Qlik Tech QlikView': 'QlikView',
  'IBM Cognos Impromptu': 'IBM Cognos',
  'IBM Cognos Business Intelligence': 'IBM Cognos',
  'SAP Business Objects': 'SAP BusinessObjects',
  'SAP BusinessObjects Crystal Reports': 'Crystal Reports',
  'SAP Crystal Reports': 'Crystal Reports',
  'ReCrystallize Crystal Reports': 'Crystal Reports',
  'TIBCO Spotfire': 'Spotfire',
  'Alteryx software': 'Alteryx',
  'Splunk Enterprise': 'Splunk',
  'Microsoft Excel': 'Excel',
  'Microsoft PowerPoint': 'PowerPoint',
  'Microsoft Outlook': 'Outlook',
  'Microsoft Visio': 'Visio',
  'Microsoft OneNote': 'OneNote',
  'Microsoft SharePoint': 'SharePoint',
  'Microsoft Teams': 'Microsoft Teams',
  'Microsoft Word': 'Microsoft Word',
  'Microsoft Access': 'Microsoft Access',
  'Microsoft Project': 'Microsoft Project',
  'Microsoft Publisher': 'Microsoft Publisher',
  'Microsoft Exchange': 'Microsoft Exchange',
  'Microsoft Paint': 'Microsoft Paint',
  'Cisco Webex': 'Webex',
  'Apple Keynote': 'Keynote',
  'Intuit QuickBooks': 'QuickBooks',
  'Intuit QuickBooks Point of Sale': 'QuickBooks Point of Sale',
  'Intuit TurboTax': 'TurboTax',
  'Oracle PeopleSoft': 'PeopleSoft',
  'Oracle PeopleSoft Financials': 'PeopleSoft',
  'Oracle JD Edwards EnterpriseOne': 'JD Edwards',
  'Oracle E-Business Suite Financials': 'Oracle E-Business Suite',
  'NetSuite ERP': 'NetSuite',
  'NetSuite NetCRM': 'NetSuite',
  'Oracle Taleo': 'Taleo',
  'Workday software': 'Workday',
  'HubSpot software': 'HubSpot',
  'Salesforce software': 'Salesforce',
  'SAP software': 'SAP',
  'SAP ERP': 'SAP',
  'Marketo Marketing Automation': 'Marketo',
  'Oracle Eloqua': 'Eloqua',
  'Kronos Workforce Timekeeper': 'UKG Kronos',
  'Kronos Workforce Payroll': 'UKG Kronos',
  'ADP Workforce Now': 'ADP Workforce Now',
  'Ceridian Dayforce enterprise HCM': 'Dayforce',
  'iCIMS Talent Cloud software': 'iCIMS',
  'Cerner Millennium': 'Cerner',
  'MEDITECH software': 'MEDITECH',
  'eClinicalWorks EHR software': 'eClinicalWorks',
  'GE Healthcare Centricity EMR': 'Centricity EMR',
  'GE Healthcare Centricity Practice Solution': 'Centricity Practice Solution',
  'Henry Schein Dentrix': 'Dentrix',
  'Allscripts Professional EHR': 'Allscripts',
  'Allscripts Sunrise': 'Allscripts',
  'Allscripts PM': 'Allscripts',
  'athenahealth athenaCollector': 'athenahealth',
  'NextGen Healthcare Information Systems EMR': 'NextGen Healthcare',
  'NextGen Healthcare NextGen Practice Management': 'NextGen Healthcare',
  'Dassault Systemes SolidWorks': 'SolidWorks',
  'Dassault Systemes CATIA': 'CATIA',
  'PTC Creo Parametric': 'PTC Creo',
  'Siemens NX': 'Siemens NX',
  'Siemens Solid Edge': 'Solid Edge',
  'UGS Solid Edge': 'Solid Edge',
  '1CadCam Unigraphics': 'Siemens NX',
  'Autodesk Inventor': 'Autodesk Inventor',
  'Autodesk 3ds Max Design': '3ds Max',
  'Autodesk AutoCAD Civil 3D': 'AutoCAD Civil 3D',
  'Bentley MicroStation': 'MicroStation',
  'Trimble SketchUp Pro': 'SketchUp',
  'Mastercam computer-aided design and manufacturing software': 'Mastercam',
  'CNC Mastercam': 'Mastercam',
  'McNeel Rhinoceros 3D': 'Rhino',
  'Graphisoft ArchiCAD': 'ArchiCAD',
  'NavisWorks Jetstream': 'Navisworks',
  'ANSYS simulation software': 'ANSYS',
  'Ansys Fluent': 'Ansys Fluent',
  'ANSYS Multiphysics': 'ANSYS',
  'OrCAD Capture': 'OrCAD',
  'National Instruments LabVIEW': 'LabVIEW',
  'Rockwell RSLogix': 'RSLogix',
  'Wonderware software': 'Wonderware',
  'AVEVA InTouch HMI': 'Wonderware',
  'The MathWorks MATLAB': 'MATLAB',
  'MathWorks Simulink': 'Simulink',
  'StataCorp Stata': 'Stata',
  'Wolfram Research Mathematica': 'Mathematica',
  'SAS JMP': 'JMP',
  'GNU Octave': 'Octave',
  'GraphPad Software GraphPad Prism': 'GraphPad Prism',
  'Quantitative Micro Software EViews': 'EViews',
  'Insightful S-PLUS': 'S-PLUS',
  'Tibco S-PLUS': 'S-PLUS',
  'TIBCO Spotfire S+': 'S-PLUS',
  Minitab: 'Minitab',
  'Palisade @Risk': '@RISK',
  'Decisioneering Crystal Ball': 'Oracle Crystal Ball',
  'Basic Local Alignment Search Tool BLAST': 'BLAST',
  'Simulation program with integrated circuit emphasis SPICE': 'SPICE',
  'Cadence PSpice': 'PSpice',
  'Adobe Photoshop': 'Photoshop',
  'Adobe Illustrator': 'Illustrator',
  'Adobe InDesign': 'InDesign',
  'Adobe After Effects': 'After Effects',
  'Adobe Premiere Pro': 'Premiere Pro',
  'Adobe Acrobat': 'Adobe Acrobat',
  'Adobe Acrobat Reader': 'Adobe Acrobat',
  'Adobe Dreamweaver': 'Dreamweaver',
  'Adobe Audition': 'Adobe Audition',
  'Adobe Captivate': 'Adobe Captivate',
  'Adobe XD': 'Adobe XD',
  'Adobe Experience Manager (AEM)': 'Adobe Experience Manager',
  'Adobe ActionScript': 'ActionScript',
  'Adobe ColdFusion': 'ColdFusion',
  'Allaire ColdFusion': 'ColdFusion',
  'Adobe Flex': 'Apache Flex',
  'Apache Flex': 'Apache Flex',
  'Adobe PageMaker': 'PageMaker',
  'Adobe FrameMaker': 'FrameMaker',
  'Adobe FreeHand MX': 'FreeHand',
  'Adobe RoboHelp': 'RoboHelp',
  'Apple Final Cut Pro': 'Final Cut Pro',
  'Apple iMovie': 'iMovie',
  'Avid Technology Pro Tools': 'Pro Tools',
  'Avid Pro Tools': 'Pro Tools',
  'Avid Technology Media Composer': 'Avid Media Composer',
  'Avid Technology Sibelius': 'Sibelius',
  'Avid Technology iNEWS': 'iNEWS',
  'Avid Technology audio visual editing software': null,
  'Maxon Cinema 4D': 'Cinema 4D',
  'Pixologic Zbrush': 'ZBrush',
  'Autodesk Maya': 'Maya',
  'Autodesk 3ds Max': '3ds Max',
  'Autodesk Mudbox': 'Mudbox',
  'Autodesk SketchBook Pro': 'SketchBook Pro',
  'Corel CorelDraw Graphics Suite': 'CorelDRAW',
  'Corel Paint Shop Pro': 'PaintShop Pro',
  'Corel Painter': 'Corel Painter',
  'Corel WordPerfect Office Suite': 'WordPerfect',
  'Corel QuattroPro': 'Quattro Pro',
  'GNU Image Manipulation Program GIMP': 'GIMP',
  'TechSmith Camtasia': 'Camtasia',
  'LogMeIn GoToMeeting': 'GoToMeeting',
  'LogMeIn GoToWebinar': 'GoToWebinar',
  'Microsoft NetMeeting': 'NetMeeting',
  'MicroFocus GroupWise': 'GroupWise',
  'Apache Subversion SVN': 'Subversion',
  'Perforce Helix software': 'Perforce',
  'Atlassian Bamboo': 'Bamboo',
  'Atlassian Confluence': 'Confluence',
  'Atlassian Bitbucket': 'Bitbucket',
  'Microsoft Team Foundation Server': 'Team Foundation Server',
  'Microsoft Azure DevOps Services': 'Azure DevOps',
  'Microsoft Visual Studio': 'Visual Studio',
  'Eclipse IDE': 'Eclipse',
  'JetBrains IntelliJ IDEA': 'IntelliJ IDEA',
  'Apache Maven': 'Maven',
  'Apache Ant': 'Ant',
  'Apache Kafka': 'Kafka',
  'Apache Spark': 'Spark',
  'Apache Hadoop': 'Hadoop',
  'Apache Hive': 'Hive',
  'Apache Pig': 'Pig',
  'Apache Cassandra': 'Cassandra',
  'Apache Solr': 'Solr',
  'Apache HBase': 'HBase',
  'Apache Tomcat': 'Tomcat',
  'Apache HTTP Server': 'Apache HTTP Server',
  'Apache JMeter': 'JMeter',
  'Apache Groovy': 'Groovy',
  'Apache Struts': 'Apache Struts',
  'Apache Avro': 'Apache Avro',
  'Apache Flume': 'Apache Flume',
  'Apache Oozie': 'Apache Oozie',
  'Apache Sqoop': 'Apache Sqoop',
  'Apache Hadoop YARN': 'Hadoop',
  'MapReduce big data software': 'MapReduce',
  'Amazon Redshift': 'Amazon Redshift',
  'Amazon DynamoDB': 'Amazon DynamoDB',
  'Amazon Kinesis': 'Amazon Kinesis',
  'Amazon Data Pipeline': 'AWS Data Pipeline',
  'Hewlett Packard LoadRunner': 'LoadRunner',
  'Hewlett Packard QuickTest Professional': 'UFT (QuickTest Professional)',
  'Hewlett-Packard HP QuickTest Professional': 'UFT (QuickTest Professional)',
  'SmartBear Software AutomatedQA TestComplete': 'TestComplete',
  'Tenable Nessus': 'Nessus',
  'Portswigger BurP Suite': 'Burp Suite',
  'IBM QRadar SIEM': 'IBM QRadar',
  'Informatica Corporation PowerCenter': 'Informatica',
  'Informatica PowerCenter': 'Informatica',
  'Informatica software': 'Informatica',
  'Informatica Big Data': 'Informatica',
  'Talend Open Studio': 'Talend',
  'Talend Big Data Integration': 'Talend',
  'Talend Data Fabric': 'Talend',
  'Pentaho Kettle': 'Pentaho Data Integration',
  'Quest Erwin Data Modeler': 'erwin Data Modeler',
  'CA Technologies ERWin Data Modeler': 'erwin Data Modeler',
  'Microsoft SQL Server Integration Services SSIS': 'SSIS',
  'Microsoft SQL Server Reporting Services SSRS': 'SSRS',
  'Micosoft SQL Server Analysis Services SSAS': 'SSAS',
  'SAP BusinessObjects Data Integrator': 'SAP Data Services',
  'Business Objects Data Integrator': 'SAP Data Services',
  'Oracle Business Intelligence Enterprise Edition': 'Oracle BI',
  'Oracle Business Intelligence Suite': 'Oracle BI',
  'Oracle Hyperion': 'Oracle Hyperion',
  'Microsoft Dynamics GP': 'Microsoft Dynamics GP',
  'Microsoft Dynamics AX': 'Microsoft Dynamics AX',
  'Microsoft Dynamics NAV': 'Microsoft Dynamics NAV',
  'Microsoft Dynamics CRM': 'Microsoft Dynamics 365',
  'Microsoft Dynamics SL': 'Microsoft Dynamics SL',
  'Sage 50 Accounting': 'Sage 50',
  'Sage 100 ERP': 'Sage 100',
  'Sage MAS 90 ERP': 'Sage 100',
  'Sage MAS 200 ERP': 'Sage 100',
  'Sage 300 Construction and Real Estate': 'Sage 300',
  'Sage ERP Accpac': 'Sage 300',
  'Epicor Vantage ERP': 'Epicor',
  'Infor ERP SyteLine': 'Infor SyteLine',
  'Infor ERP Baan': 'Infor Baan',
  'Yardi software': 'Yardi',
  'Yardi Systems Yardi Enterprise': 'Yardi',
  'Procore software': 'Procore',
  'Bloomberg Professional': 'Bloomberg Terminal',
  'IBM Maximo Asset Management': 'IBM Maximo',
  'WorkTech MAXIMO': 'IBM Maximo',
  'Hyland OnBase Enterprise Content Management': 'OnBase',
  'Hyland Software OnBase': 'OnBase',
  'EMC Documentum': 'Documentum',
  'Oracle Primavera Enterprise Project Portfolio Management': 'Primavera P6',
  'Oracle Primavera Systems': 'Primavera P6',
  'Microsoft Active Directory': 'Active Directory',
  'Active directory software': 'Active Directory',
  'Citrix cloud computing software': 'Citrix',
  'Cisco Systems CiscoWorks': 'CiscoWorks',
  'Berkeley Internet Domain Name BIND': 'BIND',
  'Domain name system DNS': 'DNS',
  'Border Gateway Protocol BGP': 'BGP',
  'Microsoft Internet Explorer': 'Internet Explorer',
  'Mozilla Firefox': 'Firefox',
  'Apple Safari': 'Safari',
  'Google Chrome': 'Google Chrome',
  'Microsoft FrontPage': 'FrontPage',
  'Microsoft Visual FoxPro': 'Visual FoxPro',
  'Microsoft ActiveX': 'ActiveX',
  'Microsoft Silverlight': 'Silverlight',
  'Microsoft DirectX': 'DirectX',
  'Open Graphics Library OpenGL': 'OpenGL',
  'Microsoft Visual SourceSafe': 'Visual SourceSafe',
  'IBM Rational ClearCase': 'ClearCase',
  'IBM Rational ClearQuest': 'IBM Rational ClearQuest',
  'IBM Rational RequisitePro': 'IBM Rational RequisitePro',
  'IBM Rational DOORS': 'IBM DOORS',
  'Oracle SQL Developer': 'Oracle SQL Developer',
  'Embarcadero Delphi': 'Delphi',
  'Unity Technologies Unity': 'Unity',
  'Unreal Technology Unreal Engine': 'Unreal Engine',
  'Crytek CryEngine': 'CryEngine',
  'Google Drive': 'Google Drive',
  'Google Docs': 'Google Docs',
  'Google Sheets': 'Google Sheets',
  'Google Slides': 'Google Slides',
  'Google Meet': 'Google Meet',
  'Google Analytics': 'Google Analytics',
  'Google Ads': 'Google Ads',
  'Google Classroom': 'Google Classroom',
  'Google Sites': 'Google Sites',
  'Google Earth Pro': 'Google Earth',
  'Google Gmail': 'Gmail',
  'Blackboard software': 'Blackboard',
  'Blackboard Learn': 'Blackboard',
  Moodle: 'Moodle',
  'Kahoot!': 'Kahoot!',
  'Learning management system LMS': 'Learning management systems',
  'OpenAI ChatGPT': 'ChatGPT',
  Facebook: 'Facebook',
  'Microservices Architecture': 'Microservices',
  'RESTful API': 'REST APIs',
  'Software as a service SaaS': 'SaaS',
  'Platform as a service PaaS': 'PaaS',
  'Jupyter Notebook': 'Jupyter',
  'Jupyter software': 'Jupyter',
  'Scikit-learn': 'scikit-learn',
  'Screencast-O-Matic': 'Screencast-O-Matic',
  'Nuance Dragon NaturallySpeaking': 'Dragon NaturallySpeaking',
  'Trimble Pathfinder Office': 'Trimble Pathfinder Office',
  'ESRI ArcView': 'ArcView',
  'ESRI ArcMap': 'ArcMap',
  'RockWare ArcMap': 'ArcMap',
  'ESRI ArcInfo': 'ArcInfo',
  'ESRI ArcGIS Spatial Analyst': 'ArcGIS Spatial Analyst',
  'Leica Geosystems ERDAS IMAGINE': 'ERDAS IMAGINE',
  'ITT Visual Information Solutions ENVI': 'ENVI',
  'RSI ENVI': 'ENVI',
  'Geographic resources analysis support system GRASS': 'GRASS GIS',
  'MapInfo Professional': 'MapInfo',
  'Pix4D Pix4Dmapper': 'Pix4D',
  'Pix4D Pix4Dcapture': 'Pix4D',
  'Bentley STAAD': 'STAAD.Pro',
  'Dassault Systemes Abaqus': 'Abaqus',
  'MSC Software Nastran': 'Nastran',
  'MAYA Nastran': 'Nastran',
  'MSC Software Adams': 'MSC Adams',
  'MSC Software Patran': 'Patran',
  'Bentley InRoads Suite': 'InRoads',
  'Bentley Systems InRoads Suite': 'InRoads',
  'Bentley GEOPAK Civil Engineering Suite': 'GEOPAK',
  'Bentley GeoPak Bridge': 'GEOPAK',
  'Bentley Systems ProjectWise': 'ProjectWise',
  'Schlumberger Petrel E&P': 'Petrel',
  'Landmark Graphics GeoGraphix': 'GeoGraphix',
  'Rockwell Automation Arena': 'Arena Simulation',
  'HEC-RAS': 'HEC-RAS',
  'Golden Software Surfer': 'Surfer',
  'Systat Software SigmaPlot': 'SigmaPlot',
  'Systat Software SigmaStat': 'SigmaStat',
  'OriginLab Origin': 'OriginPro',
  'Maplesoft Maple': 'Maple',
  'Mathsoft Mathcad': 'Mathcad',
  'Aptech Systems GAUSS': 'GAUSS',
  'Econometric Software LIMDEP': 'LIMDEP',
  'Muthen & Muthen Mplus': 'Mplus',
  'Scientific Software International HLM': 'HLM',
  'Synergy Software KaleidaGraph': 'KaleidaGraph',
  'Gene Codes Sequencher': 'Sequencher',
  'Wavefunction Spartan': 'Spartan',
  'Schlumberger ECLIPSE': 'Schlumberger ECLIPSE',
  'Act!': 'Act! CRM',
  'Guidance Software EnCase Enterprise': 'EnCase',
  'AccessData FTK': 'FTK',
  Ethereal: 'Wireshark',
  'Veritas NetBackup': 'Veritas NetBackup',
  'EMC NetWorker': 'NetWorker',
  'BMC Software Control-M': 'Control-M',
  'Oracle Java': 'Java',
  'American National Standards Institute ANSI C': 'C',
  'Voice over internet protocol VoIP system software': 'VoIP',
  'ESRI software': 'ArcGIS',
  'Document Object Model DOM Scripting': 'DOM manipulation',
  'Construction Management Software ProEst': 'ProEst',
  'Ultimate Software UltiPro Workplace': 'UltiPro',
  'Oracle Siebel Server Sync': 'Oracle Siebel',
  'Oracle SQL Loader': 'SQL*Loader',
  'Oracle Business Intelligence Discoverer': 'Oracle Discoverer',
  'IMSI TurboCAD': 'TurboCAD',
  'AutoDesSys form Z': 'formZ',
  'Oracle JDBC': 'JDBC',
  'Sun Microsystems Java Persistence API': 'JPA',
  'Sun Microsystems Java Servlet API': 'Java Servlets',
  'Oracle Java Message Service JMS': 'JMS',
  'Apple Cocoa': 'Cocoa',
  'SAP PowerBuilder': 'PowerBuilder',
  'PowerSoft PowerBuilder': 'PowerBuilder',
  'Rapid-I RapidMiner': 'RapidMiner',
  'Waikato Environment for Knowledge Analysis Weka': 'Weka',
  'Microsoft Visual Studio.NET': 'Visual Studio',
  'JetBrains PhpStorm': 'PhpStorm',
  'JetBrains Team City': 'TeamCity',
  'Grafana Labs Grafana Cloud': 'Grafana',
  'Amazon Web Services AWS SageMaker': 'Amazon SageMaker',
  'Kareo Practice Management': 'Kareo',
  'PointClickCare healthcare software': 'PointClickCare',
  'Warehouse management system WMS': 'Warehouse management systems',
  'Customer relationship management CRM software': 'CRM systems',
  'Enterprise resource planning ERP software': 'ERP systems',
  'Enterprise resource planning ERP system': 'ERP systems',
  'ERP software': 'ERP systems',
  'Electronic health record EHR software': 'EHR systems',
  'Electronic medical record EMR software': 'EHR systems',
  'Electronic medical record EMR systems': 'EHR systems',
  'Patient electronic medical record EMR software': 'EHR systems',
  'Laboratory information management system LIMS': 'LIMS',
  'Content management systems CMS': 'Content management systems',
  'Web content management system CMS software': 'Content management systems',
  'Optical character recognition OCR software': 'Optical character recognition',
  'Electronic data interchange EDI software': 'EDI',
  'Electronic Data Interchange EDI systems': 'EDI',
  'Human machine interface HMI software': 'HMI',
  'Intrusion detection system IDS': 'Intrusion detection',
  'Intrusion prevention system IPS': 'Intrusion detection',
  'Network intrusion prevention systems NIPS': 'Intrusion detection',
  'Storage area network SAN software': 'Storage area networks',
  'Human resource information system (HRIS)': 'HRIS',
  'Human resources management system HRMS': 'HRIS',
  'Human resource management software HRMS': 'HRIS',
  'Materials requirement planning MRP software': 'MRP',
  'Manufacturing resource planning MRP software': 'MRP',
  'Computerized maintenance management system CMMS': 'CMMS',
  'Computerized maintenance management system software CMMS': 'CMMS',
  'Point of sale POS software': 'POS systems',
  'Distributed control system DCS': 'Distributed control systems',
  'Electronic design automation EDA software': 'Electronic design automation',
  'Supervisory control and data acquisition SCADA software': 'SCADA',
  'Programmable logic controller PLC software': 'PLC programming',
  'Geographic information system GIS software': 'GIS',
  'Computer aided design CAD software': 'Computer-aided design',
  'Computer aided manufacturing CAM software': 'Computer-aided manufacturing',
  'Computational fluid dynamics CFD software': 'Computational fluid dynamics',
  'Finite element analysis FEA software': 'Finite element analysis',
  'Finite element method FEM software': 'Finite element analysis',
  'Computer numerical control CNC software': 'CNC programming',
  'Computerized numerical control CNC software': 'CNC programming',
  'Real time operating system RTOS software': 'RTOS',
  'Virtual private networking VPN software': 'VPN',
  'Design of experiments DOE software': 'Design of experiments',
  'Statistical process control SPC software': 'Statistical process control',
  'Failure mode and effects analysis FMEA software': 'Failure mode and effects analysis',
  'Healthcare common procedure coding system HCPCS': 'Medical coding',
  'Medical procedure coding software': 'Medical coding',
  'Medical condition coding software': 'Medical coding',
  'Diagnostic and procedural coding software': 'Medical coding',
  'Interface definition language IDL': null,
  'Hewlett Packard HP': null,
  'Magellan Firmware': null,
  'Social media software': null,
  'Social media sites': null,
};
// O*NET entries not worth a skill of their own (obscure, generic, misfiled or ambiguous).
const ONET_EXCLUDE = new Set([
  'J',
  'HMS',
  'Delphi Technology',
  'DOC Cop',
  'Eko',
  'Blink',
  'Squeegee',
  'The General Store',
  'Appletree',
  'Canu',
  'Compris software',
  'Kitty Hawk',
  'iPro',
  'InScribe',
  'WAM software',
  'Traverse PC',
  'Magellan Firmware',
  '3M Post-it App',
  'Common Curriculum',
  'Tadpoles',
  'Bloomz',
  'Litchi',
  'Airdata',
  'UgCS',
  'Google',
  'O*NET OnLine',
  'Delphi Discovery',
  'DataVision',
  'HMIS Advantage',
  'The CAD Zone The Crime Zone',
  'Handheld computer device software',
  'Turtle Creek Software Goldenseal',
  'Microsoft operating system',
  'Apple iWork Pages',
  'Structured Query Report SQR',
  'Interstate connection ICON',
  'ICON programming language',
  'Call-processing language CPL',
  'E++ pattern language',
  'ABC Compiler',
  'ABC: the AspectBench Compiler for AspectJ',
  'Computer On-line Real-time Applications Language CORAL 66',
  'B-Method',
  'Bigloo Scheme',
  'Gambit Scheme',
  'Event-driven State-machines Programming',
  'M-code',
  'Collaborative Application Markup Language CAML',
  'Common Lisp Object System CLOS',
  'Component-based Scalable Logical Architecture CSLA',
  'Modula',
  'Symantec Visual Cafe',
  'Microsoft ESP SDK',
  'Embarcadero JBuilder',
  'National Integrated Ballistics Information Network NIBIN',
  'Integrated Automated Fingerprint Identification System IAFIS',
  'National Crime Information Center (NCIC) database',
  'Law enforcement information databases',
  'Customer information databases',
  'Online databases',
  'Operational databases',
  'Electronic Time Clock ETC',
  'Delivery operations information system DOIS',
  'Technical Data Management System TDMS',
  'American Sign Language Browser',
  'Microsoft Great Plains Personal Data Keeper',
  'State Soil Geographic STATSGO Database',
  'Aeronautical charts',
  'Recordkeeping software',
  'Hand held spell checkers',
  'Avid Technology audio visual editing software',
  'Social media sites',
  'Social media software',
  'Hewlett Packard HP',
  'Microsoft Windows XP',
  'Microsoft Windows XP Professional',
  'Microsoft Windows Vista Business',
  'Win CE',
  'Microsoft Windows Mobile',
  'Windows Embedded Compact',
  'Netscape Navigator',
  'SeaMonkey',
  'Symantec pcAnywhere',
  'IBM Power Systems software',
  'IBM Middleware',
  'Web application software',
  'Software libraries',
  'Programming languages',
  'Insight Direct ServiceCEO',
  'Adobe Distiller',
  'Adobe Presenter',
  'Adobe Director',
  'Adobe ImageReady',
  'Adobe LiveMotion',
  'ACD Systems Canvas',
  'Apple AppleWorks',
  'Apple QuickTime',
  'Allscripts healthcare automation software',
  'Medical software',
  'Medscribbler Enterprise',
  'Tumbleweed SecureTransport',
  'Construction Software Center EasyEst',
  'CPR Visual Estimator',
  'Craftsman CD Estimator',
  'Measure Square FloorEstimate Pro',
  'On Center Quick Bid',
  'HCSS HeavyBid',
  'HCSS HeavyJob',
  'DesignWare 3D EyeWitness',
  'SmartDraw Legal',
  'Carlson SurvCADD',
  'Avidian Technologies Prophet',
  'Exact Software Macola ES',
  'ADP Enterprise HR',
  'Dartware InterMapper',
  'Plexis Software Plexis POS',
  'SofTech CADRA',
  'Geomechanical design analysis GDA software',
  'Material safety data sheet MSDS software',
  'Management information systems MIS',
  'Student information systems SIS software',
  'Operational Data Store ODS software',
  'Global positioning system GPS software',
  'Integrated development environment IDE software',
  'Enterprise application integration EAI software',
  'Practice management software PMS',
  'Property management system PMS software',
  'Kodak Dental Systems Kodak SOFTDENT Practice management software PMS',
]);

// Vendors kept in O*NET display names but ignored when looking for an existing skill ("Oracle Java" is Java).
const MATCH_ONLY_VENDORS = [
  'Oracle',
  'IBM',
  'Google',
  'Amazon Web Services',
  'Amazon',
  'AWS',
  'SAP',
  'Cisco',
  'Siemens',
  'Sun Microsystems',
  'Salesforce',
  'Red Hat',
];
// Group for new O*NET skills whose UNSPSC commodity places them badly (display name -> group).
const ONET_GROUP = {
  Pig: 'Data engineering & big data',
  'Apache Flume': 'Data engineering & big data',
  'Apache Oozie': 'Data engineering & big data',
  'Apache Sqoop': 'Data engineering & big data',
  'SQL*Loader': 'Data engineering & big data',
  Procore: 'Project management tools',
  ProEst: 'Project management tools',
  Xactimate: 'Other software',
  Yardi: 'ERP & finance software',
  'Sage 300': 'ERP & finance software',
  'ADO.NET': 'Backend frameworks & runtimes',
  CGI: 'Backend frameworks & runtimes',
  DDL: 'Programming languages',
  DML: 'Programming languages',
  MUMPS: 'Programming languages',
  'PL/I': 'Programming languages',
  SNOBOL: 'Programming languages',
  JCL: 'Programming languages',
  HDL: 'Embedded, IoT & hardware',
  Cocoa: 'Mobile development',
  PowerBuilder: 'Developer tools & IDEs',
  Turnitin: 'Education & e-learning',
  SchoolMessenger: 'Education & e-learning',
  ClassDojo: 'Education & e-learning',
  ParentSquare: 'Education & e-learning',
  Edmodo: 'Education & e-learning',
  'Pear Deck': 'Education & e-learning',
  'Poll Everywhere': 'Education & e-learning',
  Mentimeter: 'Education & e-learning',
  Desmos: 'Education & e-learning',
  ProModel: 'Statistical & scientific software',
  GEOPAK: 'Engineering & industrial software',
  InRoads: 'Engineering & industrial software',
  Terramodel: 'Engineering & industrial software',
  SPICE: 'Engineering & industrial software',
  PSpice: 'Engineering & industrial software',
  'Ansys Fluent': 'Engineering & industrial software',
  Tcpdump: 'Security tools',
  FTK: 'Security tools',
  EnCase: 'Security tools',
  JamBoard: 'Collaboration & communication',
  Flipgrid: 'Education & e-learning',
  Lisp: 'Programming languages',
  RSLogix: 'Engineering & industrial software',
  Visualforce: 'Frontend & web development',
  WSDL: 'Architecture & APIs',
  XSL: 'Markup & data formats',
  Watir: 'Testing & QA',
  'Ab Initio': 'Data engineering & big data',
  'Enterprise JavaBeans': 'Backend frameworks & runtimes',
  'Eclipse Jersey': 'Backend frameworks & runtimes',
  'Apache Struts': 'Backend frameworks & runtimes',
  'DOM manipulation': 'Frontend & web development',
};

// ESCO: only skill_type "knowledge". Names with an upper-case letter (products, languages) are taken unless excluded;
// lower-case concept names only if they match an existing skill or are listed in ESCO_CONCEPTS.
const ESCO_RENAME = {
  'Assembly (computer programming)': 'Assembly language',
  'Salt (tools for software configuration management)': 'SaltStack',
  'SAP R3': 'SAP',
  'Oracle Relational Database': 'Oracle Database',
  'OpenEdge Advanced Business Language': 'OpenEdge ABL',
  'Microsoft Visual C++': 'Visual C++',
  'Gamemaker Studio': 'GameMaker Studio',
  'Absorb (learning management systems)': 'Absorb LMS',
  'Brightspace (learning management systems)': 'D2L Brightspace',
  'John The Ripper (penetration testing tool)': 'John the Ripper',
  'Aircrack (penetration testing tool)': 'Aircrack-ng',
  'Oracle Application Development Framework': 'Oracle ADF',
  'CAD software': 'Computer-aided design',
  'CADD software': 'Computer-aided design',
  'CAM software': 'Computer-aided manufacturing',
  'Agile project management': 'Agile',
  'Agile development': 'Agile',
  SPARK: 'Spark',
  'Filemaker (database management systems)': 'FileMaker',
  'adobe creative suite': 'Adobe Creative Cloud',
};
const ESCO_EXCLUDE = new Set([
  'ML (computer programming)',
  'Source (digital game creation systems)',
  'Shiva (digital game creation systems)',
  'RAGE (digital game creation systems)',
  'Frostbite (digital game creation systems)',
  'Project Anarchy',
  'Havok Vision',
  'HeroEngine',
  'JavaScript Framework',
  'Ajax Framework',
  'JSSS',
  'STAF',
  'Codenvy',
  'Engrade',
  'Grovo',
  'LAMS',
  'ObjectStore',
  'TripleStore',
  'CA Datacom/DB',
  'QlikView Expressor',
  'Samurai Web Testing Framework',
  'Process-based management',
  'Spiral development',
  'Open source model',
  'Outsourcing model',
  'WebCMS',
  'Computer Assisted Language Learning',
  'CAD for footwear',
  'CAD for garment manufacturing',
  'ATM systems',
  'WhiteHat Sentinel',
  'Backbox (penetration testing tool)',
  'BlackBerry',
  'WizIQ',
  'Iterative development',
  'Prototyping development',
  'Rapid application development',
  'Waterfall development',
  'Monte Carlo simulation',
  'Internet of Things',
  'GDPR',
  'DevOps',
  'Cisco',
  'N1QL',
  'MDX',
  'SAS Data Management',
  'IBM InfoSphere Information Server',
]);
// ESCO entries whose alt labels are examples of the category, not synonyms of it.
const ESCO_NO_ALIASES = new Set([
  'learning management systems',
  'computer vision',
  'integrated development environment software',
  'database management systems',
  'query languages',
  'computer programming',
  'tools for software configuration management',
  'penetration testing tool',
  'graphics editor software',
  'optical character recognition software',
  'data extraction, transformation and loading tools',
  'style sheet languages',
  'mobile operating systems',
  'procurement of ICT network equipment',
  'digital game creation systems',
  'ICT project management methodologies',
  'search engines',
  'robotic components',
  'electronic communication',
]);
// Lower-case ESCO knowledge concepts worth keeping when no hand-written skill covers them: name -> [display, group].
const ESCO_CONCEPTS = {
  'cloud technologies': ['Cloud computing', 'DevOps & cloud practices'],
  'World Wide Web Consortium standards': ['W3C standards', 'Frontend & web development'],
  'cyber security': ['Cybersecurity', 'Security'],
  'data analytics': ['Data analysis', 'Data & analytics methods'],
  'data warehouse': ['Data warehousing', 'Data & analytics methods'],
  'data models': ['Data modeling', 'Data & analytics methods'],
  database: ['Database design', 'Data & analytics methods'],
  algorithms: ['Data structures and algorithms', 'Software engineering practices'],
  'distributed computing': ['Distributed systems', 'Architecture & APIs'],
  'real-time computing': ['Real-time systems', 'Embedded, IoT & hardware'],
  'embedded systems': ['Embedded systems', 'Embedded, IoT & hardware'],
  firmware: ['Firmware', 'Embedded, IoT & hardware'],
  microprocessors: ['Microprocessors', 'Embedded, IoT & hardware'],
  'printed circuit boards': ['PCB design', 'Embedded, IoT & hardware'],
  'field-programmable gate arrays': ['FPGA', 'Embedded, IoT & hardware'],
  'programmable logic controller': ['PLC programming', 'Embedded, IoT & hardware'],
  robotics: ['Robotics', 'Embedded, IoT & hardware'],
  'signal processing': ['Signal processing', 'Embedded, IoT & hardware'],
  'control systems': ['Control systems', 'Engineering & science methods'],
  'control engineering': ['Control systems', 'Engineering & science methods'],
  'automation technology': ['Industrial automation', 'Engineering & science methods'],
  'building automation': ['Building automation', 'Engineering & science methods'],
  'telecommunications engineering': ['Telecommunications engineering', 'Networking'],
  'concepts of telecommunications': ['Telecommunications engineering', 'Networking'],
  'network engineering': ['Computer networking', 'Networking'],
  'domain name service': ['DNS', 'Networking'],
  'ICT network routing': ['Routing and switching', 'Networking'],
  'mobile device management': ['Mobile device management', 'Security'],
  'digital identity management': ['Identity and access management', 'Security'],
  'data protection': ['Data privacy', 'Security'],
  'information confidentiality': ['Confidentiality', null],
  'ethical hacking principles': ['Penetration testing', 'Security'],
  'computer forensics': ['Digital forensics', 'Security'],
  'cyber attack counter-measures': ['Cybersecurity', 'Security'],
  'web application security threats': ['OWASP', 'Security'],
  blockchain: ['Blockchain', 'Emerging technologies'],
  'blockchain components': ['Blockchain', 'Emerging technologies'],
  'smart contract': ['Smart contracts', 'Emerging technologies'],
  cryptocurrency: ['Cryptocurrency', 'Emerging technologies'],
  'distributed ledger technology': ['Blockchain', 'Emerging technologies'],
  'quantum technology': ['Quantum computing', 'Emerging technologies'],
  'digital twin technology': ['Digital twins', 'Emerging technologies'],
  'augmented reality': ['Augmented reality', 'Game development & graphics'],
  'virtual reality': ['Virtual reality', 'Game development & graphics'],
  'computer graphics': ['Computer graphics', 'Game development & graphics'],
  '3D modelling': ['3D modeling', 'Game development & graphics'],
  '3D texturing': ['3D texturing', 'Game development & graphics'],
  'motion capture': ['Motion capture', 'Game development & graphics'],
  'particle animation': ['Particle animation', 'Game development & graphics'],
  'principles of animation': ['Animation', 'Game development & graphics'],
  'digital compositing': ['Digital compositing', 'Design & UX methods'],
  'motion graphics': ['Motion graphics', 'Design & UX methods'],
  'graphic design': ['Graphic design', 'Design & UX methods'],
  'desktop publishing': ['Desktop publishing', 'Design & UX methods'],
  'digital image processing': ['Image processing', 'Machine learning & AI'],
  'image recognition': ['Image recognition', 'Machine learning & AI'],
  'speech recognition': ['Speech recognition', 'Machine learning & AI'],
  'machine translation': ['Machine translation', 'Machine learning & AI'],
  'cognitive computing': ['Cognitive computing', 'Machine learning & AI'],
  'artificial neural networks': ['Neural networks', 'Machine learning & AI'],
  'machine learning': ['Machine learning', 'Machine learning & AI'],
  'natural language processing': ['Natural language processing', 'Machine learning & AI'],
  'computer vision': ['Computer vision', 'Machine learning & AI'],
  'principles of artificial intelligence': ['Artificial intelligence', 'Machine learning & AI'],
  'computational linguistics': ['Computational linguistics', 'Machine learning & AI'],
  'data science': ['Data science', 'Data & analytics methods'],
  'data mining': ['Data mining', 'Data & analytics methods'],
  'data engineering': ['Data engineering', 'Data & analytics methods'],
  'business intelligence': ['Business intelligence', 'Data & analytics methods'],
  'business analytics': ['Business analysis', 'Business, finance & marketing'],
  'online analytical processing': ['OLAP', 'Data & analytics methods'],
  'web analytics': ['Web analytics', 'Data & analytics methods'],
  'data quality assessment': ['Data quality', 'Data & analytics methods'],
  'quantitative analysis': ['Quantitative analysis', 'Data & analytics methods'],
  'information extraction': ['Information extraction', 'Machine learning & AI'],
  'scientific computing': ['Scientific computing', 'Engineering & science methods'],
  supercomputing: ['High-performance computing', 'Engineering & science methods'],
  'computational fluid dynamics': ['Computational fluid dynamics', 'Engineering & science methods'],
  'computational chemistry': ['Computational chemistry', 'Engineering & science methods'],
  'computational mechanics': ['Computational mechanics', 'Engineering & science methods'],
  'computer simulation': ['Simulation', 'Engineering & science methods'],
  'building information modelling': ['Building information modeling', 'Engineering & science methods'],
  'geographic information systems': ['GIS', 'Engineering & science methods'],
  'technical drawings': ['Technical drawing', 'Engineering & science methods'],
  'model based system engineering': ['Systems engineering', 'Engineering & science methods'],
  'predictive maintenance': ['Predictive maintenance', 'Engineering & science methods'],
  'CAE software': ['Computer-aided engineering', 'Engineering & science methods'],
  'unmanned air systems': ['Unmanned aerial systems', 'Embedded, IoT & hardware'],
  'human-computer interaction': ['Human-computer interaction', 'Design & UX methods'],
  'software interaction design': ['Interaction design', 'Design & UX methods'],
  'application usability': ['Usability testing', 'Design & UX methods'],
  'information architecture': ['Information architecture', 'Design & UX methods'],
  'visual presentation techniques': ['Data visualization', 'Data & analytics methods'],
  'object-oriented modelling': ['Object-oriented programming', 'Software engineering practices'],
  'unified modelling language': ['UML', 'Software engineering practices'],
  'systems development life-cycle': ['Software development life cycle', 'Software engineering practices'],
  'software metrics': ['Software metrics', 'Software engineering practices'],
  'ICT debugging tools': ['Debugging', 'Software engineering practices'],
  'computer science': ['Computer science', 'Software engineering practices'],
  'levels of software testing': ['Software testing', 'Testing & QA'],
  'tools for ICT test automation': ['Test automation', 'Testing & QA'],
  'web services': ['Web services', 'Architecture & APIs'],
  'service-oriented modelling': ['Service-oriented architecture', 'Architecture & APIs'],
  'system design': ['System design', 'Architecture & APIs'],
  'ICT system integration': ['Systems integration', 'Architecture & APIs'],
  'web programming': ['Web development', 'Frontend & web development'],
  'ICT project management': ['Project management', 'Project & delivery methods'],
  'lean project management': ['Lean methodology', 'Project & delivery methods'],
  'search engine optimisation': ['SEO', 'Business, finance & marketing'],
  'digital marketing techniques': ['Digital marketing', 'Business, finance & marketing'],
  'social media marketing techniques': ['Social media marketing', 'Business, finance & marketing'],
  'social media management': ['Social media marketing', 'Business, finance & marketing'],
  'mobile marketing': ['Mobile marketing', 'Business, finance & marketing'],
  'marketing analytics': ['Marketing analytics', 'Business, finance & marketing'],
  'pay-per-click': ['Pay-per-click advertising', 'Business, finance & marketing'],
  'online ads campaign techniques': ['Online advertising', 'Business, finance & marketing'],
  'e-commerce systems': ['E-commerce', 'Business, finance & marketing'],
  'e-procurement': ['Procurement', 'Business, finance & marketing'],
  crowdfunding: ['Crowdfunding', 'Business, finance & marketing'],
  'audit techniques': ['Auditing', 'Business, finance & marketing'],
  'product data management': ['Product data management', 'Engineering & science methods'],
  'e-learning': ['E-learning development', 'Design & UX methods'],
  'systems thinking': ['Systems thinking', null],
  'audio mastering': ['Audio mastering', 'Design & UX methods'],
  'post-processing of photographs': ['Photo editing', 'Design & UX methods'],
  'health informatics': ['Health informatics', 'Engineering & science methods'],
  'medical informatics': ['Health informatics', 'Engineering & science methods'],
  'green computing': ['Green computing', 'Emerging technologies'],
};

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const normKey = (s) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
const tidy = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
// Deterministic, locale-independent ordering.
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function slugify(name) {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  s = s.replace(/^\./, 'dot-').replace(/\+\+/g, 'pp').replace(/\+/g, '-plus').replace(/#/g, 'sharp');
  s = s.replace(/&/g, '-and-').replace(/@/g, '-at-');
  s = s.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'skill';
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// The registry: every name and alias key maps to exactly one skill.

const stats = {
  created: {},
  merged: {},
  skipped: {},
  droppedAliases: {},
  dropReasons: {},
};
const verboseLog = [];
const bump = (obj, k, n = 1) => {
  obj[k] = (obj[k] || 0) + n;
};

class Registry {
  constructor(ambiguousWords, blockedAliases) {
    this.skills = [];
    this.keys = new Map(); // normalised name/alias -> skill
    this.ambiguous = new Set(ambiguousWords.map(normKey));
    this.blocked = new Set(blockedAliases.map(normKey));
  }

  get(name) {
    return this.keys.get(normKey(name));
  }

  create({ name, category, group, source, trusted, ambiguous, dropAliases = [] }) {
    name = tidy(name);
    const key = normKey(name);
    if (!GROUPS[category]) throw new Error(`${name}: unknown category ${category}`);
    if (GROUP_CATEGORY.get(group) !== category)
      throw new Error(`${name}: group "${group}" is not a ${category} group`);
    if (this.keys.has(key)) {
      throw new Error(`${name}: name already used by "${this.keys.get(key).name}" (${source})`);
    }
    const single = !/\s/.test(name);
    const skill = {
      name,
      key,
      category,
      group,
      ambiguous: Boolean(ambiguous) || (single && (this.ambiguous.has(key) || key.length === 1)),
      aliases: new Map(),
      sources: new Set([source]),
      trusted,
      drop: new Set(dropAliases.map(normKey)),
    };
    this.skills.push(skill);
    this.keys.set(key, skill);
    return skill;
  }

  addAlias(skill, raw, { trusted, source }) {
    if (typeof raw !== 'string') return;
    const display = tidy(raw);
    if (!display) return;
    const key = normKey(display);
    if (key === skill.key || skill.aliases.has(key)) return;
    let reason = null;
    if (this.blocked.has(key) || skill.drop.has(key)) reason = 'blocked';
    else if (trusted) {
      if (key.length < 2) throw new Error(`${skill.name}: alias "${raw}" is too short`);
      if (this.ambiguous.has(key))
        throw new Error(`${skill.name}: alias "${raw}" is a common word (ambiguousWords)`);
    } else if (key.length < 3) reason = 'too short';
    else if (this.ambiguous.has(key)) reason = 'common English word';
    else if (key.length > 60 || key.split(' ').length > 6) reason = 'too long';
    else if (/\b(19|20)\d\d\b/.test(key)) reason = 'version/year';
    else if (source === 'linguist' && (/^[a-z0-9]{1,4}$/.test(display) || /\+|\bexample\b/.test(key))) {
      reason = 'lexer identifier';
    } else if (
      source === 'esco' &&
      /^(the|a|an|coordinate|manage|monitor|oversee|supervise|perform|use|apply|handle|field|science|study|discipline|application|management|engineering|theory|aspects?|features?|functions?|characteristics|sorts?|brands?|categories) /.test(
        key,
      )
    ) {
      reason = 'descriptive phrase';
    } else if (
      /\b(types?|typology|kinds?|range|varieties|knowledge|principles|techniques|paradigms|algorithms|related)\b/.test(
        key,
      )
    ) {
      reason = 'descriptive phrase';
    } else if (
      source === 'esco' &&
      (/(\bedition| softwares?| tools?)$/.test(key) || / (for|of) |\(/.test(key))
    ) {
      reason = 'descriptive phrase';
    }
    if (!reason) {
      const owner = this.keys.get(key);
      if (owner && owner !== skill) {
        if (trusted && owner.trusted) {
          throw new Error(
            `alias "${raw}" of "${skill.name}" is already "${owner.name}" or one of its aliases`,
          );
        }
        reason = `taken by "${owner.name}"`;
      }
    }
    if (reason) {
      bump(stats.droppedAliases, source);
      bump(stats.dropReasons, reason.startsWith('taken') ? 'collision with another skill' : reason);
      verboseLog.push(`drop alias [${source}] ${skill.name} <- "${display}" (${reason})`);
      return;
    }
    skill.aliases.set(key, display);
    this.keys.set(key, skill);
  }

  // Merge a source entry into the first existing skill that one of `matchNames` resolves to (and `accepts`), or
  // create it under the first of `name`, ...`fallbackNames` that is still free.
  // `pairs` ([short, long]) match only when both resolve to the same skill: an acronym alone ("EPIC", "ATS") is too
  // ambiguous to merge on.
  ingest(
    source,
    {
      name,
      matchNames = [],
      pairs = [],
      fallbackNames = [],
      aliases = [],
      aliasesWhenMerged = true,
      category,
      group,
      allowNew,
      accepts = () => true,
      lookupName = true,
      why = '',
    },
  ) {
    let target = null;
    for (const n of [lookupName ? name : null, ...matchNames]) {
      const t = n && this.get(n);
      if (t && accepts(t)) {
        target = t;
        break;
      }
    }
    for (const [short, long] of pairs) {
      if (target) break;
      const t = this.get(short);
      if (t && t === this.get(long) && accepts(t)) target = t;
    }
    const merged = Boolean(target);
    if (target) {
      bump(stats.merged, source);
      target.sources.add(source);
    } else if (allowNew) {
      const free = [name, ...fallbackNames].find((n) => n && !this.keys.has(normKey(n)));
      if (!free) {
        bump(stats.skipped, source);
        verboseLog.push(`skip [${source}] ${why || name} (name taken by another skill)`);
        return null;
      }
      target = this.create({ name: free, category, group, source, trusted: false });
      bump(stats.created, source);
    } else {
      bump(stats.skipped, source);
      if (VERBOSE) verboseLog.push(`skip [${source}] ${why || name}`);
      return null;
    }
    if (!merged || aliasesWhenMerged)
      for (const a of aliases) this.addAlias(target, a, { trusted: false, source });
    return target;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Hand-written lists

function loadHandWritten(reg) {
  const curated = readJson(join(SKILLS_DIR, 'curated-aliases.json'));
  const soft = readJson(join(SKILLS_DIR, 'soft-skills.json'));
  const spoken = readJson(join(SKILLS_DIR, 'spoken-languages.json'));
  const lists = [
    ...curated.skills.map((s) => ({ ...s })),
    ...soft.skills.map((s) => ({ ...s, category: 'soft' })),
    ...spoken.skills.map((s) => ({ ...s, category: 'languages' })),
  ];
  // Names first, so that an alias can never steal a name declared later in the files.
  const made = lists.map((s) =>
    reg.create({
      name: s.name,
      category: s.category,
      group: s.group,
      source: 'rehearse',
      trusted: true,
      ambiguous: s.ambiguous,
      dropAliases: s.dropAliases,
    }),
  );
  lists.forEach((s, i) => {
    for (const a of s.aliases || []) reg.addAlias(made[i], a, { trusted: true, source: 'rehearse' });
  });
  bump(stats.created, 'rehearse', made.length);
}

// ---------------------------------------------------------------------------------------------------------------
// Tanova

function loadTanova(reg, items) {
  for (const it of items) {
    if (TANOVA_SKIP.has(it.name)) {
      bump(stats.skipped, 'tanova');
      if (VERBOSE) verboseLog.push(`skip [tanova] ${it.name}`);
      continue;
    }
    const [category, group] =
      TANOVA_PLACEMENT[it.category] ||
      (it.top_category === 'Business & Finance'
        ? ['technical', 'Business, finance & marketing']
        : ['technical', 'Software engineering practices']);
    reg.ingest('tanova', { name: it.name, aliases: it.aliases, category, group, allowNew: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// GitHub Linguist

function loadLinguist(reg, items) {
  for (const it of items) {
    if (!Object.prototype.hasOwnProperty.call(LINGUIST_ALLOW, it.name)) {
      bump(stats.skipped, 'linguist');
      continue;
    }
    const name = LINGUIST_ALLOW[it.name] || it.name;
    const group = it.category === 'programming' ? 'Programming languages' : 'Markup & data formats';
    reg.ingest('linguist', {
      name,
      matchNames: [it.name],
      aliases: it.aliases,
      category: 'technical',
      group,
      allowNew: true,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// O*NET

const STOPWORDS = new Set(['and', 'of', 'for', 'the', 'to', 'in', 'on', 'a', 'with']);

// Can `acr` be read off the words in order, each word contributing its initial and optionally later letters?
function acronymMatches(acr, words) {
  const A = acr.toLowerCase().replace(/[^a-z0-9]/g, '');
  const W = words.map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  const memo = new Map();
  const go = (i, j) => {
    const k = `${i},${j}`;
    if (memo.has(k)) return memo.get(k);
    let r = false;
    if (j === W.length) r = i === A.length;
    else {
      const w = W[j];
      if (STOPWORDS.has(w) && go(i, j + 1)) r = true;
      if (!r && i < A.length && w[0] === A[i]) {
        // take the initial, then any subsequence of the rest of the word
        let ii = i + 1;
        if (go(ii, j + 1)) r = true;
        for (let p = 1; !r && p < w.length && ii < A.length; p++) {
          if (w[p] === A[ii]) {
            ii++;
            if (go(ii, j + 1)) r = true;
          }
        }
      }
    }
    memo.set(k, r);
    return r;
  };
  return A.length >= 2 && go(0, 0);
}

const isAcronym = (w) =>
  /^[A-Z][A-Z0-9+#./&-]*$/.test(w) && /[A-Z].*[A-Z0-9]|^[A-Z]{2,}$/.test(w) && w.length >= 2;
const isPlainWord = (w) => /^[A-Z]?[a-z][a-z'-]*$/.test(w);
// "Cost accounting", "Web browser", "Human resource management": first word plain, the rest lower case.
function isDescriptive(words) {
  if (words.length < 2) return false;
  if (!isPlainWord(words[0])) return false;
  const rest = words.slice(1);
  const lower = (w) => /^[a-z0-9][a-z0-9'/-]*$/.test(w);
  return rest.some(lower) && rest.every((w) => lower(w) || isAcronym(w));
}

function stripVendor(name) {
  for (const v of ONET_VENDORS) {
    if (name.startsWith(`${v} `)) {
      const rest = name.slice(v.length + 1);
      if (/^[A-Z0-9@.]/.test(rest) && !KEEP_VENDOR_FOR.has(normKey(rest)) && !/^[A-Z0-9]{1,3}$/.test(rest)) {
        return stripVendor(rest);
      }
      return name;
    }
  }
  return name;
}

const SYSTEMISH =
  /\b(system|systems|software|tools|programs?|applications?|suite|platform|databases?|services?|sites)$/i;

// Split an O*NET name into the résumé display name, names to match existing skills by, and aliases.
// -> { display, matchNames, aliases, generic }   (generic: a category description, only merged on an exact match)
function analyseOnetName(original) {
  if (Object.prototype.hasOwnProperty.call(ONET_RENAME, original)) {
    const to = ONET_RENAME[original];
    if (to === null) return { generic: true };
    const aliases = [];
    // keep the vendor form ("Oracle Java", "Atlassian JIRA") as an alias, but not expansions ("Open Graphics
    // Library OpenGL"), category wording ("... software") or acronym-suffixed forms
    const words = original.split(' ');
    const longPrefix = original.endsWith(` ${to}`) && words.length - to.split(' ').length >= 3;
    const innerAcronym = words.length >= 4 && words.slice(1).some(isAcronym);
    if (
      original !== to &&
      !/ software$|\(/.test(original) &&
      !isAcronym(words[words.length - 1]) &&
      !longPrefix &&
      !innerAcronym
    ) {
      aliases.push(original);
    }
    return { display: to, matchNames: [original], aliases, generic: false };
  }
  let name = original;
  let hadSoftware = false;
  if (/ software$/i.test(name)) {
    name = name.replace(/ software$/i, '');
    hadSoftware = true;
  }
  const words = name.split(' ');
  const last = words[words.length - 1];

  // "<expansion> <ACRONYM>": "Structured query language SQL", "Microsoft SQL Server Reporting Services SSRS"
  if (words.length >= 2 && isAcronym(last)) {
    const head = words.slice(0, -1);
    let split = -1;
    for (let s = head.length - 1; s >= 0; s--) {
      if (acronymMatches(last, head.slice(s))) {
        split = s;
        break;
      }
    }
    // "Extensible markup language XML": the letters do not line up, but the head is a plain description
    if (split < 0 && isDescriptive(head)) split = 0;
    if (split >= 0) {
      const vendor = head.slice(0, split).join(' ');
      const longForm = head.slice(split).join(' ');
      if (!vendor) {
        if (isDescriptive(head) && (hadSoftware || SYSTEMISH.test(longForm))) return { generic: true };
        return {
          display: last,
          lookupName: false,
          matchNames: [original, name],
          pairs: [[last, longForm]],
          fallbackNames: [longForm, original],
          aliases: [longForm],
          generic: false,
        };
      }
      if (split === head.length - 1) {
        // "Apache Subversion SVN": the acronym abbreviates a single product word
        const display = stripVendor(`${vendor} ${longForm}`);
        return {
          display,
          matchNames: [original, name, display, `${vendor} ${longForm}`],
          aliases: [`${vendor} ${longForm}`, last],
          generic: false,
        };
      }
      const full = `${vendor} ${last}`;
      const display = stripVendor(full);
      const aliases = [`${vendor} ${longForm}`];
      if (display !== full) aliases.push(full);
      return {
        display,
        matchNames: [original, name, full, display, `${vendor} ${longForm}`],
        aliases,
        generic: false,
      };
    }
  }
  // "Cost accounting software", "Web browser", "Payroll software": categories, not products
  if (isDescriptive(words)) return { generic: true };
  if (hadSoftware && words.length === 1 && isPlainWord(words[0]) && !ONET_SINGLE_WORD_BRANDS.has(words[0])) {
    return { generic: true };
  }
  const display = stripVendor(name);
  return {
    display,
    matchNames: [original, name, display],
    aliases: display !== name ? [name] : [],
    generic: false,
  };
}

// Extra names to match an existing skill by, dropping vendors that are normally kept in the name ("Oracle Java").
function vendorlessMatches(reg, name) {
  const out = [];
  for (const v of MATCH_ONLY_VENDORS) {
    if (!name.startsWith(`${v} `)) continue;
    const rest = name.slice(v.length + 1).replace(/ software$/i, '');
    if (reg.ambiguous.has(normKey(rest)) || /^[A-Z]{2,4}$/.test(rest) || KEEP_VENDOR_FOR.has(normKey(rest)))
      continue;
    // only when it is another skill's own name, never just an alias ("Amazon Data Pipeline" is not "Data pipelines")
    if (reg.get(rest)?.key === normKey(rest)) out.push(rest);
  }
  return out;
}

function loadOnet(reg, items, linguistNames) {
  // Popular entries first, so that rarer variants of the same product merge into them.
  const isPopular = (it) => {
    const min = (ONET_PLACEMENT[it.category] || ONET_DEFAULT_PLACEMENT)[2];
    return it.hot_technology || it.occupation_count >= min;
  };
  const sorted = [...items].sort(
    (a, b) => Number(isPopular(b)) - Number(isPopular(a)) || cmp(a.name, b.name),
  );
  for (const it of sorted) {
    const exact = reg.get(it.name);
    if (ONET_EXCLUDE.has(it.name) && !exact) {
      bump(stats.skipped, 'onet');
      if (VERBOSE) verboseLog.push(`skip [onet] ${it.name} (excluded)`);
      continue;
    }
    const a = analyseOnetName(it.name);
    if (a.generic && !exact) {
      bump(stats.skipped, 'onet');
      if (VERBOSE) verboseLog.push(`skip [onet] ${it.name} (generic)`);
      continue;
    }
    let [category, group] = ONET_PLACEMENT[it.category] || ONET_DEFAULT_PLACEMENT;
    const display = exact ? exact.name : a.display;
    if (ONET_GROUP[display])
      [category, group] = [GROUP_CATEGORY.get(ONET_GROUP[display]), ONET_GROUP[display]];
    else if (linguistNames.has(normKey(display))) [category, group] = ['technical', 'Programming languages'];
    const popular = isPopular(it);
    reg.ingest('onet', {
      name: display,
      matchNames: [...(a.matchNames || []), ...vendorlessMatches(reg, it.name)],
      pairs: a.pairs || [],
      lookupName: a.lookupName !== false,
      fallbackNames: [...(a.fallbackNames || []), it.name],
      aliases: a.aliases || [],
      // software never merges into a soft skill or a human language ("Adobe Persuasion" is not Persuasion)
      accepts: (t) => t.category === 'technical' || t.category === 'tools',
      category,
      group,
      allowNew: popular,
      why: `${it.name} (${it.occupation_count} occupations)`,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// ESCO

function loadEsco(reg, items) {
  const knowledge = items.filter((s) => s.skill_type === 'knowledge').sort((a, b) => cmp(a.name, b.name));
  bump(stats.skipped, 'esco', items.length - knowledge.length);
  for (const it of knowledge) {
    if (ESCO_EXCLUDE.has(it.name)) {
      bump(stats.skipped, 'esco');
      if (VERBOSE) verboseLog.push(`skip [esco] ${it.name} (excluded)`);
      continue;
    }
    const renamed = ESCO_RENAME[it.name];
    const stripped = tidy(it.name.replace(/\s*\([^)]*\)\s*$/, ''));
    const concept = ESCO_CONCEPTS[it.name];
    const name = renamed || (concept ? concept[0] : stripped);
    const existing = reg.get(name) || reg.get(stripped);
    const isProduct =
      !concept && /^[A-Z]/.test(it.name) && !/^ICT /.test(it.name) && !/ software$/.test(it.name);
    let group = concept && concept[1];
    let category = group ? GROUP_CATEGORY.get(group) : null;
    if (!group) [category, group] = escoPlacement(it);
    reg.ingest('esco', {
      name: existing ? existing.name : name,
      matchNames: [stripped],
      aliases: ESCO_NO_ALIASES.has(it.name) ? [] : it.aliases,
      // ESCO alt labels of concepts are loose ("formulas" for algorithms): keep them only for new skills
      aliasesWhenMerged: isProduct && !renamed,
      category,
      group,
      allowNew: Boolean(group) && (Boolean(concept) || isProduct),
      why: it.name,
    });
  }
}

function escoPlacement(it) {
  const c = `${it.category} ${(it.broader || []).join(' ')}`;
  if (/penetration testing/.test(c)) return ['tools', 'Security tools'];
  if (/learning management/.test(c)) return ['tools', 'Education & e-learning'];
  if (/digital game creation/.test(c)) return ['tools', 'Developer tools & IDEs'];
  if (/database management systems/.test(c)) return ['tools', 'Databases'];
  if (/extraction, transformation and loading/.test(c)) return ['tools', 'Data engineering & big data'];
  if (/configuration management/.test(c)) return ['tools', 'CI/CD & build tools'];
  if (/integrated development environment/.test(c)) return ['tools', 'Developer tools & IDEs'];
  if (/graphics editor|computer use/.test(c)) return ['tools', 'Design & creative tools'];
  if (/optical character recognition/.test(c)) return ['tools', 'Office & productivity'];
  if (/mobile operating systems/.test(c)) return ['tools', 'Operating systems'];
  if (/WebCMS/.test(c)) return ['tools', 'CMS & e-commerce platforms'];
  if (/query languages|resource description framework/.test(c)) return ['technical', 'Programming languages'];
  if (/computer programming|style sheet/.test(c)) return ['technical', 'Programming languages'];
  if (/web programming/.test(c)) return ['tools', 'Servers, virtualization & networking'];
  if (/software frameworks/.test(c)) return ['technical', 'Backend frameworks & runtimes'];
  if (/software and applications development/.test(c)) return ['technical', 'Programming languages'];
  if (/software architecture|service-oriented/.test(c)) return ['technical', 'Architecture & APIs'];
  if (/project management/.test(c)) return ['technical', 'Project & delivery methods'];
  return [null, null];
}

// ---------------------------------------------------------------------------------------------------------------
// Build

function build() {
  const curated = readJson(join(SKILLS_DIR, 'curated-aliases.json'));
  const reg = new Registry(curated.ambiguousWords, curated.blockedAliases);
  const warnings = [];
  const inputs = {};
  for (const [id, { file, sha256: expected }] of Object.entries(SOURCE_FILES)) {
    const path = join(SOURCE_DIR, file);
    if (!existsSync(path)) throw new Error(`missing source list ${path} (use --source-dir)`);
    const actual = sha256(path);
    if (actual !== expected) warnings.push(`${file}: sha256 ${actual} differs from SOURCE.md (${expected})`);
    inputs[id] = readJson(path);
  }

  loadHandWritten(reg);
  loadTanova(reg, inputs.tanova);
  loadLinguist(reg, inputs.linguist);
  loadOnet(reg, inputs.onet, new Set(inputs.linguist.map((l) => normKey(l.name))));
  loadEsco(reg, inputs.esco);

  // ids: slug of the name, made unique deterministically
  const byName = [...reg.skills].sort((a, b) => cmp(a.key, b.key) || cmp(a.name, b.name));
  const ids = new Set();
  for (const s of byName) {
    let id = slugify(s.name);
    if (ids.has(id)) id = `${id}-${s.category}`;
    for (let n = 2; ids.has(id); n++) id = `${slugify(s.name)}-${n}`;
    ids.add(id);
    s.id = id;
  }

  const skills = byName
    .map((s) => {
      const out = { id: s.id, name: s.name, category: s.category, group: s.group };
      if (s.ambiguous) out.ambiguous = true;
      out.aliases = [...s.aliases.entries()]
        .sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]))
        .map(([, v]) => v);
      out.sources = SOURCE_ORDER.filter((x) => s.sources.has(x)).sort(cmp);
      return out;
    })
    .sort((a, b) => cmp(a.id, b.id));

  validate(skills);
  const usedSources = SOURCE_ORDER.filter((src) => skills.some((s) => s.sources.includes(src))).sort(cmp);
  const text =
    '{\n' +
    '  "version": 1,\n' +
    '  "generatedBy": "scripts/build-skills-taxonomy.mjs",\n' +
    `  "sources": ${JSON.stringify(usedSources)},\n` +
    '  "skills": [\n' +
    skills.map((s) => `    ${JSON.stringify(s)}`).join(',\n') +
    '\n  ]\n}\n';
  return { text, skills, warnings };
}

function validate(skills) {
  const seen = new Map();
  const groupsUsed = new Set();
  for (const s of skills) {
    if (!GROUPS[s.category]) throw new Error(`${s.name}: bad category ${s.category}`);
    if (GROUP_CATEGORY.get(s.group) !== s.category) throw new Error(`${s.name}: bad group ${s.group}`);
    if (!s.sources.length) throw new Error(`${s.name}: no source`);
    groupsUsed.add(s.group);
    for (const k of [s.name, ...s.aliases].map(normKey)) {
      if (seen.has(k)) throw new Error(`duplicate key "${k}": ${seen.get(k)} / ${s.id}`);
      seen.set(k, s.id);
    }
  }
  if (groupsUsed.size >= 60) throw new Error(`too many groups: ${groupsUsed.size}`);
}

function main() {
  const { text, skills, warnings } = build();
  for (const w of warnings) console.warn(`warning: ${w}`);
  if (VERBOSE) for (const line of verboseLog) console.log(line);

  const byCat = Object.fromEntries(
    CATEGORY_ORDER.map((c) => [c, skills.filter((s) => s.category === c).length]),
  );
  const aliasCount = skills.reduce((n, s) => n + s.aliases.length, 0);
  console.log(`skills: ${skills.length} (${CATEGORY_ORDER.map((c) => `${c} ${byCat[c]}`).join(', ')})`);
  console.log(
    `aliases: ${aliasCount}; ambiguous names: ${skills.filter((s) => s.ambiguous).length}; groups: ${new Set(skills.map((s) => s.group)).size}`,
  );
  for (const src of SOURCE_ORDER) {
    const n = skills.filter((s) => s.sources.includes(src)).length;
    console.log(
      `  ${src.padEnd(8)} in ${n} skills; new ${stats.created[src] || 0}, merged ${stats.merged[src] || 0}, ` +
        `skipped ${stats.skipped[src] || 0}, aliases dropped ${stats.droppedAliases[src] || 0}`,
    );
  }
  console.log(
    `dropped aliases by reason: ${Object.entries(stats.dropReasons)
      .sort((a, b) => cmp(a[0], b[0]))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );

  const rel = relative(process.cwd(), OUT_FILE) || OUT_FILE;
  if (CHECK) {
    const current = existsSync(OUT_FILE) ? readFileSync(OUT_FILE, 'utf8') : '';
    if (current !== text) {
      console.error(`${rel} is out of date: run node scripts/build-skills-taxonomy.mjs`);
      process.exit(1);
    }
    console.log(`${rel} is up to date (${Buffer.byteLength(text)} bytes)`);
    return;
  }
  writeFileSync(OUT_FILE, text);
  console.log(`wrote ${rel} (${Buffer.byteLength(text)} bytes)`);
}

main();
