import type { FoundSkill } from '../../../src-shared/resume';

/**
 * Skills postings ask for that the shared taxonomy (resources/skills/taxonomy.json, generated) does not name:
 * public-sector compliance, research and accessibility methods, screen readers, infrastructure products. Kept here
 * until the taxonomy's generator takes them; `of` adds an alias to a skill the taxonomy already has.
 */
export type PostingTerm =
  | { name: string; category: FoundSkill['category']; aliases?: string[]; ambiguous?: boolean }
  | { alias: string; of: string };

export const POSTING_TERMS: PostingTerm[] = [
  { name: 'Section 508', category: 'technical', aliases: ['Section 508 compliance'] },
  {
    name: 'Web Content Accessibility Guidelines',
    category: 'technical',
    aliases: ['WCAG', 'WCAG 2.1', 'WCAG 2.2', 'WCAG 2.0'],
  },
  { name: 'Accessibility testing', category: 'technical', aliases: ['Accessibility audits'] },
  { name: 'JAWS', category: 'tools', aliases: ['JAWS screen reader'] },
  { name: 'NVDA', category: 'tools' },
  { name: 'VoiceOver', category: 'tools' },
  { name: 'axe DevTools', category: 'tools', aliases: ['axe-core'] },
  { name: 'WAVE', category: 'tools', ambiguous: true },
  { name: 'Accessibility Insights', category: 'tools' },
  { name: 'Personas', category: 'technical', aliases: ['Persona development', 'User personas'] },
  { name: 'Card sorting', category: 'technical', aliases: ['Card sorts', 'Card sort'] },
  { name: 'Stakeholder interviews', category: 'technical' },
  { name: 'Task analysis', category: 'technical' },
  { name: 'Storyboarding', category: 'technical', aliases: ['Storyboards'] },
  { name: 'Flowcharts', category: 'technical', aliases: ['Flowcharting', 'Flow charts'] },
  { name: 'Conceptual modeling', category: 'technical', aliases: ['Conceptual modelling'] },
  { name: 'Contextual inquiry', category: 'technical', aliases: ['Contextual inquiries'] },
  { name: 'Content audits', category: 'technical', aliases: ['Content audit', 'Content inventories'] },
  { name: 'Gap analysis', category: 'technical', aliases: ['Gap analyses'] },
  { name: 'Participant recruitment', category: 'technical', aliases: ['Participant recruiting'] },
  { name: 'Secure SDLC', category: 'technical', aliases: ['Secure software development lifecycle'] },
  { name: 'Security code review', category: 'technical', aliases: ['Security code reviews'] },
  { name: 'Configuration management', category: 'technical' },
  { name: 'Security policy', category: 'technical', aliases: ['Security policies', 'Cybersecurity policy'] },
  { name: 'Security compliance', category: 'technical' },
  { name: 'FISMA', category: 'technical', aliases: ['Federal Information Security Modernization Act'] },
  { name: 'FedRAMP', category: 'technical' },
  { name: 'NIST', category: 'technical', aliases: ['NIST frameworks', 'NIST Cybersecurity Framework'] },
  { name: 'NIST 800-63', category: 'technical', aliases: ['NIST SP 800-63'] },
  { name: 'Fraud analysis', category: 'technical', aliases: ['Fraud analytics', 'Fraud detection'] },
  { name: 'Authentication', category: 'technical' },
  { name: 'Digital identity', category: 'technical' },
  { name: 'Identity verification', category: 'technical', aliases: ['Identity proofing'] },
  { name: 'Policy development', category: 'technical' },
  { name: 'Policy analysis', category: 'technical' },
  { name: 'Paperwork Reduction Act', category: 'technical' },
  { name: 'Knowledge management', category: 'technical' },
  { name: 'IT service management', category: 'technical', aliases: ['ITSM', 'IT service activities'] },
  { name: 'Customer experience', category: 'technical', aliases: ['CX'] },
  { name: 'Data architecture', category: 'technical', aliases: ['Data architectural principles'] },
  { name: 'Data management', category: 'technical' },
  { name: 'Open data', category: 'technical' },
  { name: 'Relational databases', category: 'technical', aliases: ['RDBMS', 'Relational database'] },
  { name: 'Databases', category: 'technical', aliases: ['Database systems'] },
  { name: 'Scripting', category: 'technical' },
  { name: 'Rackspace', category: 'tools' },
  { name: 'LXC', category: 'tools', aliases: ['Linux Containers'] },
  { name: 'LLaMA', category: 'tools', aliases: ['Llama 2', 'LLaMa-2', 'Llama 3'] },
  { name: 'Web design', category: 'technical' },
  { name: 'Product roadmap', category: 'technical', aliases: ['Roadmap', 'Roadmaps', 'Roadmapping'] },
  { name: 'Communications strategy', category: 'technical', aliases: ['Communication strategy'] },
  {
    name: 'Federal acquisition',
    category: 'technical',
    aliases: ['Federal procurement', 'Government contracting'],
  },
  { name: 'RFP writing', category: 'technical', aliases: ['Request for Proposal', 'RFP', 'RFPs'] },
  {
    name: 'Cost-benefit analysis',
    category: 'technical',
    aliases: ['Cost/benefit', 'Cost benefit analysis'],
  },
  { name: 'Executive coaching', category: 'technical' },
  { name: 'B2B marketing', category: 'technical' },
  { name: 'Advertising', category: 'technical', aliases: ['Advertising campaigns'] },
  { alias: 'Peer review', of: 'Code review' },
  { alias: 'Visualizations', of: 'Data visualization' },
  { alias: 'Data visualizations', of: 'Data visualization' },
  { alias: 'Agile methods', of: 'Agile' },
  { alias: 'Agile principles', of: 'Agile' },
  { alias: 'Iterative development methodologies', of: 'Agile' },
  { alias: 'Web programming', of: 'Web development' },
  { alias: 'White-hat hacking', of: 'Ethical hacking' },
  { alias: 'Unix-like operating systems', of: 'Unix' },
];

/**
 * Skills the taxonomy files as soft that a posting asks for as a trade: the business, management and writing
 * skills of non-engineering roles ("account management" for a customer success lead, "public relations" for a
 * marketer, "troubleshooting" for an integration engineer). They are listed with what the job requires; personal
 * qualities (communication, empathy, leadership, mentoring) stay soft. Words every posting uses about itself
 * ("hiring", "sales", "documentation", "training") are left out: they name the employer's business, not the job's.
 */
export const PROFESSIONAL_SKILLS = new Set([
  'Account management',
  'Client relationship management',
  'Community management',
  'Cost management',
  'Customer service',
  'Customer success',
  'Diversity, equity and inclusion',
  'Event planning',
  'Project coordination',
  'Public relations',
  'Strategic partnerships',
  'Vendor management',
  'Change management',
  'Crisis management',
  'Engineering management',
  'Operations management',
  'People management',
  'Performance management',
  'Resource planning',
  'Strategic planning',
  'Talent development',
  'Training and development',
  'Technical leadership',
  'Negotiation',
  'Proofreading',
  'Public speaking',
  'Teaching',
  'Technical writing',
  'Report writing',
  'Root cause analysis',
  'Troubleshooting',
]);
