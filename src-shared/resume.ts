/** The parsed résumé: what `rehearse resume parse --json` prints and what the review screen edits. */
import { z } from 'zod';

export const SKILL_CATEGORIES = ['technical', 'tools', 'languages', 'soft'] as const;
export const SENIORITIES = ['Entry', 'Mid', 'Senior', 'Staff'] as const;
export const DEGREES = ['High school', 'Associate', 'Bachelor', 'Master', 'PhD', 'Certificate'] as const;
export const SECTION_KINDS = [
  'summary',
  'experience',
  'education',
  'skills',
  'projects',
  'certifications',
  'awards',
  'languages',
  'volunteering',
] as const;
/** Where a skill was seen; weights its confidence. */
export const SKILL_SOURCES = [
  'skills',
  'experience',
  'recent_experience',
  'projects',
  'summary',
  'other',
] as const;

/** 'YYYY-MM' where the résumé gives a month, 'YYYY' where it gives only a year. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: 'must be YYYY or YYYY-MM' });

export const Contact = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  location: z.string().nullable(),
  links: z.array(z.string()),
});

export const FoundSkill = z.object({
  /** The taxonomy's name when one matches, else the skill as the candidate wrote it. */
  name: z.string(),
  /** The words the candidate listed ("React.js" for React; several joined by ", "); absent or null for a skill
   * found only in prose or added by hand. */
  asWritten: z.string().nullable().optional(),
  category: z.enum(SKILL_CATEGORIES),
  /** Whether the taxonomy knows the skill, set when a résumé is read back; false for one kept as written. */
  known: z.boolean().optional(),
  confidence: z.number().min(0).max(1),
  sources: z.array(z.enum(SKILL_SOURCES)),
});

export const Experience = z.object({
  title: z.string().nullable(),
  company: z.string().nullable(),
  location: z.string().nullable(),
  start: PartialDate.nullable(),
  end: PartialDate.nullable(),
  current: z.boolean(),
  months: z.number().int().min(0).nullable(),
  bullets: z.array(z.string()),
});

export const Education = z.object({
  degree: z.enum(DEGREES).nullable(),
  degreeRaw: z.string().nullable(),
  field: z.string().nullable(),
  institution: z.string().nullable(),
  graduationYear: z.number().int().nullable(),
  gpa: z.string().nullable(),
});

export const Project = z.object({
  name: z.string(),
  technologies: z.array(z.string()),
  description: z.string(),
});

export const ParsedResume = z.object({
  contact: Contact,
  summary: z.string().nullable(),
  skills: z.array(FoundSkill),
  experience: z.array(Experience),
  totalExperienceMonths: z.number().int().min(0),
  seniority: z.enum(SENIORITIES),
  education: z.array(Education),
  projects: z.array(Project),
  sections: z.array(z.enum(SECTION_KINDS)),
});

export type ParsedResume = z.infer<typeof ParsedResume>;
export type FoundSkill = z.infer<typeof FoundSkill>;

/** Every name a skill goes by: the taxonomy's (or the one kept as written), then each the candidate listed it under. */
export const skillNames = (s: Pick<FoundSkill, 'name' | 'asWritten'>): string[] => [
  s.name,
  ...(s.asWritten?.split(', ') ?? []),
];
export type Experience = z.infer<typeof Experience>;
export type Education = z.infer<typeof Education>;
export type Project = z.infer<typeof Project>;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** The messages a candidate sees when a file cannot be used; the CLI prints the same. */
export const FILE_ERRORS = {
  unsupported: 'Only PDF, DOCX and plain-text files are supported',
  tooLarge: 'File size must be less than 10MB',
  empty: 'This file is empty',
  passwordProtected: 'This PDF is password-protected. Remove the password and try again',
  noText:
    'No selectable text was found in this PDF. It may be a scan: export it from the original document or paste the text',
  damaged: 'This file is damaged or could not be read',
  tooComplex: 'This file is too large or complex to read safely',
  timeout: 'Reading this file took too long, so it was stopped. Try exporting it again or paste the text',
} as const;

export const MAX_RESUME_BYTES = 10 * 1024 * 1024;

export const RESUME_KINDS = ['pdf', 'docx', 'text'] as const;
export const MAX_RESUME_VERSIONS = 5;

export const ResumeVersion = z.object({
  id: z.string(),
  label: z.string(),
  originalName: z.string(),
  kind: z.enum(RESUME_KINDS),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  isActive: z.boolean(),
  corrected: z.boolean(),
});
export type ResumeVersion = z.infer<typeof ResumeVersion>;

/** `effective` is what the rest of the app uses: the candidate's corrections where they made any, else the parse. */
export const ResumeDetail = ResumeVersion.extend({ parsed: ParsedResume, effective: ParsedResume });
export type ResumeDetail = z.infer<typeof ResumeDetail>;

const BASE64_MAX = Math.ceil(MAX_RESUME_BYTES / 3) * 4 + 4;
const label = z
  .string()
  .trim()
  .min(1, { error: 'Name is required.' })
  .max(80, { error: 'Name must be at most 80 characters.' });

export const ResumeImportInput = z
  .object({
    requestId: z.string().uuid({ error: 'must be a valid id' }),
    fileName: z
      .string()
      .trim()
      .min(1, { error: 'File name is required.' })
      .max(255, { error: 'File name is too long.' }),
    dataBase64: z
      .string()
      .max(BASE64_MAX, { error: FILE_ERRORS.tooLarge })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The file could not be sent; try again.' }),
    label: label.optional(),
  })
  .strict();

export const ResumeTextInput = z
  .object({
    requestId: z.string().uuid({ error: 'must be a valid id' }),
    text: z
      .string()
      .refine((t) => t.trim().length > 0, { error: 'Paste your résumé text first.' })
      .refine((t) => t.length <= 200_000, {
        error: 'That is more text than a résumé; paste at most 200,000 characters.',
      }),
    label: label.optional(),
  })
  .strict();

export const ResumeRenameInput = z
  .object({ id: z.string().uuid({ error: 'must be a valid id' }), label })
  .strict();
export const ResumeCorrectionsInput = z
  .object({ id: z.string().uuid({ error: 'must be a valid id' }), resume: ParsedResume })
  .strict();
