import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_POSTINGS_DIR } from '../../../tests/fixtures/real-postings/score';
import { appPaths } from '../../paths';
import { loadTaxonomy } from '../resume/skills';
import { proposeFromPosting } from './posting';

const taxonomy = loadTaxonomy(join(appPaths().resources, 'skills', 'taxonomy.json'));
const real = (id: string) =>
  proposeFromPosting(readFileSync(join(REAL_POSTINGS_DIR, `${id}.txt`), 'utf8'), taxonomy);
const own = (id: string) =>
  proposeFromPosting(
    readFileSync(join(REAL_POSTINGS_DIR, '..', 'own-postings', `${id}.txt`), 'utf8'),
    taxonomy,
  );

describe('reading real job postings, one per format', () => {
  it('a short line without a skill inside a Requirements list does not end it ("5+ years of backend engineering experience")', () => {
    const p = own('senior-backend-engineer');
    expect(p.requiredSkills).toEqual(
      expect.arrayContaining([
        'Go',
        'Java',
        'PostgreSQL',
        'Kafka',
        'Kubernetes',
        'Terraform',
        'Amazon Web Services',
      ]),
    );
    expect(p.niceToHaveSkills).toEqual(expect.arrayContaining(['gRPC', 'Datadog']));
    expect(p).toMatchObject({
      title: 'Senior Backend Engineer',
      company: 'Ledgerline',
      experienceLevel: 'Senior',
    });
  });

  it('headed lists: "Requirements" are required, "Strong candidates will have … :" is nice to have (18F penetration tester)', () => {
    const p = real('18f-penetration-tester');
    expect(p.requiredSkills).toEqual(expect.arrayContaining(['Application security', 'Network protocols']));
    expect(p.niceToHaveSkills).toEqual(
      expect.arrayContaining(['Ruby', 'Python', 'Go', 'Threat modeling', 'Cryptography', 'Secure SDLC']),
    );
    expect(p.requiredSkills).not.toContain('Threat modeling');
    // "18F is looking for talented security engineers"
    expect(p.company).toBe('18F');
  });

  it('full-sentence bullets: skills named inside the duties are asked for, "Extra credit" is nice to have (Zulip)', () => {
    const p = real('zulip-senior-mobile-engineer');
    expect(p.requiredSkills).toEqual(expect.arrayContaining(['JavaScript', 'React Native', 'Java', 'Swift']));
    expect(p.niceToHaveSkills).toEqual(expect.arrayContaining(['React', 'iOS', 'Android']));
    expect(p).toMatchObject({ title: 'Senior Mobile Engineer', company: 'Zulip', experienceLevel: 'Senior' });
  });

  it('requirements in a paragraph with no list, and the company and title from "Org: Title GS15" (Login.gov)', () => {
    const p = real('tts-login-engineer-2023');
    expect(p.requiredSkills).toEqual(
      expect.arrayContaining(['Ruby', 'Python', 'JavaScript', 'Go', 'Relational databases', 'Unix']),
    );
    expect(p).toMatchObject({ title: 'Engineer', company: 'Login.gov', experienceLevel: null });
    // The opening story ("a FedRAMP authorized secure sign-in service … identity verification") asks for nothing.
    expect(p.requiredSkills).not.toEqual(expect.arrayContaining(['FedRAMP']));
    expect(p.requiredSkills).not.toContain('Identity verification');
  });

  it('fragment lists with examples keep the examples, not the family they illustrate (18F DevOps engineer)', () => {
    const p = real('18f-devops-engineer');
    expect(p.requiredSkills).toEqual(
      expect.arrayContaining([
        'Puppet',
        'Chef',
        'Ansible',
        'Docker',
        'LXC',
        'Rackspace',
        'OpenStack',
        'Linux',
      ]),
    );
    expect(p.requiredSkills).not.toContain('Configuration management');
    expect(p.requiredSkills).not.toContain('Containerization');
  });

  it('keeps soft skills apart from what the posting asks you to know (Zulip technical writer)', () => {
    const p = real('zulip-technical-writer');
    // The title names the trade: a technical writer's posting asks for technical writing.
    expect(p.requiredSkills).toEqual(['Git', 'Technical writing']);
    expect(p.softSkills).toEqual(expect.arrayContaining(['Empathy', 'Attention to detail']));
    // This section of the page names its company only in the jobs@zulip.com address.
    expect(p.company).toBe('Zulip');
  });

  it('a non-tech posting yields its methods and tools, and no level it does not state (18F acquisition specialist)', () => {
    const p = real('18f-acquisition-specialist');
    expect(p.requiredSkills).toEqual(expect.arrayContaining(['Procurement', 'RFP writing']));
    expect(p).toMatchObject({ title: 'Acquisition Specialist', company: '18F', experienceLevel: null });
  });

  it('finds the company a posting keeps naming, and none in a posting that never names one', () => {
    // "Visual designers at 18F craft …", "the 18F brand", "18F’s set of design patterns".
    expect(real('18f-visual-designer').company).toBe('18F');
    // "18F Consulting’s" twice, "18F" throughout.
    expect(real('18f-resource_manager').company).toBe('18F');
    expect(real('tts-login-policy-lead-2024').company).toBe('Login.gov');
    expect(real('18f-back-end-web-developer').company).toBeNull();
    expect(real('18f-devops-engineer').company).toBeNull();
  });

  it('takes requirements under any common wording, and what is welcome under its own', () => {
    for (const [heading, niceHeading] of [
      ["What you'll bring", 'Bonus points'],
      ['You have', 'Nice to have'],
      ['Must have', 'Preferred qualifications'],
      ['Desired skills and experience', 'Extra credit'],
      ['Who you are', 'It would be great if you also know'],
    ]) {
      const p = proposeFromPosting(
        `Data Engineer\n\nAbout us\nWe use Excel for everything today.\n\n${heading}\n- Python and Airflow\n- 3+ years of data engineering experience\n- dbt\n\n${niceHeading}\n- Kafka\n\nBenefits\n- A Tableau licence of your own\n`,
        taxonomy,
      );
      expect(p.requiredSkills, heading).toEqual(['Python', 'Airflow', 'Data engineering', 'dbt']);
      expect(p.niceToHaveSkills, niceHeading).toEqual(['Kafka']);
      expect(p.experienceLevel, heading).toBe('Mid');
    }
  });

  it('counts a spoken language a posting requires', () => {
    const p = proposeFromPosting(
      'Bilingual Content Designer\n\nRequirements\n- Fluent in Spanish and English\n- Figma\n',
      taxonomy,
    );
    expect(p.requiredSkills).toEqual(['Spanish', 'English', 'Figma']);
  });

  it('reads the level from the title first, then from the years the requirements ask for', () => {
    expect(real('tts-10x-software-engineer-2024').experienceLevel).toBe('Principal');
    const years = proposeFromPosting(
      'Backend Engineer\n\nRequirements\n- 3+ years of Go experience\n',
      taxonomy,
    );
    expect(years.experienceLevel).toBe('Mid');
    // "one (1) year of specialized experience at the next lower grade" is not an entry-level posting.
    expect(real('tts-login-integration-engineer-2024').experienceLevel).toBeNull();
  });

  it('an acronym is a skill only when written as one: "San Francisco" is not a storage area network', () => {
    const p = real('zulip-senior-infrastructure-engineer');
    expect([...p.requiredSkills, ...p.niceToHaveSkills]).not.toContain('Storage area networks');
    expect(p.requiredSkills).toEqual(expect.arrayContaining(['Python', 'Puppet', 'Docker']));
  });
});
