import { z } from 'zod';

export const CLOUD_PRESETS = {
  openai: { label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
  groq: { label: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.1-8b-instant' },
  gemini: {
    label: 'Google Gemini',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai',
    model: 'gemini-2.0-flash',
  },
  openrouter: { label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', model: 'openai/gpt-4o-mini' },
  custom: { label: 'Custom (OpenAI-compatible)', baseUrl: '', model: '' },
} as const;
export type CloudPreset = keyof typeof CLOUD_PRESETS;
export const CLOUD_PRESET_IDS = Object.keys(CLOUD_PRESETS) as CloudPreset[];

const httpUrl = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+(\/[^\s]*)?$/i.test(v), {
      error: `${label} must be an http:// or https:// address.`,
    });

const model = z.string().trim().max(200, { error: 'Model name must be at most 200 characters.' });

export const AiSettings = z
  .object({
    ollama: z
      .object({
        /** auto: used when a health check finds it; on: always tried (and its errors shown); off: never. */
        mode: z.enum(['auto', 'on', 'off']),
        host: httpUrl('The Ollama address'),
        defaultModel: model.min(1, { error: 'Choose an Ollama model.' }),
        embedModel: model,
        /** A different model for particular tasks; empty means the default model. */
        taskModels: z
          .object({ generateQuestions: model, evaluateAnswer: model, followUp: model, studyPlan: model })
          .partial()
          .strict(),
      })
      .strict(),
    cloud: z
      .object({
        enabled: z.boolean(),
        preset: z.enum(CLOUD_PRESET_IDS as [CloudPreset, ...CloudPreset[]]),
        baseUrl: z.union([z.literal(''), httpUrl('The API address')]),
        model,
        requestsPerDay: z
          .number()
          .int()
          .min(1, { error: 'Requests per day must be at least 1.' })
          .max(100_000),
        charactersPerDay: z
          .number()
          .int()
          .min(1000, { error: 'Characters per day must be at least 1,000.' })
          .max(100_000_000),
        /** Estimated cost per million characters sent and received, in US dollars, for the spending meter. */
        costPerMillionCharacters: z.number().min(0).max(1000),
      })
      .strict(),
    timeoutSeconds: z
      .number()
      .int()
      .min(5, { error: 'Timeout must be at least 5 seconds.' })
      .max(300, { error: 'Timeout must be at most 300 seconds.' }),
  })
  .strict();
export type AiSettings = z.infer<typeof AiSettings>;

export const DEFAULT_AI_SETTINGS: AiSettings = {
  ollama: {
    mode: 'auto',
    host: 'http://127.0.0.1:11434',
    defaultModel: 'llama3.2',
    embedModel: 'nomic-embed-text',
    taskModels: {},
  },
  cloud: {
    enabled: false,
    preset: 'openai',
    baseUrl: '',
    model: '',
    requestsPerDay: 200,
    charactersPerDay: 400_000,
    costPerMillionCharacters: 0.5,
  },
  timeoutSeconds: 30,
};

export const ProviderStatus = z.object({
  id: z.string(),
  label: z.string(),
  configured: z.boolean(),
  health: z.enum(['ok', 'failing', 'unknown']),
  reason: z.string().nullable(),
  breaker: z.string(),
  latencyP50Ms: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
  calls: z.number().int(),
  today: z.object({ requests: z.number().int(), characters: z.number().int(), costUsd: z.number() }),
  quota: z
    .object({
      requestsPerDay: z.number().int(),
      charactersPerDay: z.number().int(),
      used: z.number(),
      state: z.enum(['ok', 'warning', 'limited', 'exhausted']),
    })
    .nullable(),
  models: z.array(z.string()),
});
export type ProviderStatus = z.infer<typeof ProviderStatus>;

export const AiStatus = z.object({
  providers: z.array(ProviderStatus),
  cache: z.object({
    questions: z.object({ hits: z.number().int(), misses: z.number().int(), hitRate: z.number().nullable() }),
    evaluation: z.object({
      hits: z.number().int(),
      misses: z.number().int(),
      hitRate: z.number().nullable(),
    }),
  }),
  checkedAt: z.string().nullable(),
});
export type AiStatus = z.infer<typeof AiStatus>;
