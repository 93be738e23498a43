/** The tasks the app asks of an AI provider; each provider says which it can do. */
export const AI_TASKS = ['generateQuestions', 'evaluateAnswer', 'followUp', 'studyPlan', 'embed'] as const;
export type AiTask = (typeof AI_TASKS)[number];

export interface CallOptions {
  signal?: AbortSignal;
  /** Per call; the chain's default is 30 s. */
  timeoutMs?: number;
  /** Streamed text as it arrives, for providers that stream. */
  onToken?: (chunk: string) => void;
}

/** A request for structured output: the model must answer with JSON matching `jsonSchema`. */
export interface CompletionRequest {
  task: AiTask;
  system: string;
  user: string;
  jsonSchema: Record<string, unknown>;
}

export interface HealthReport {
  ok: boolean;
  /** A sentence the candidate can act on when not ok. */
  reason?: string;
  models?: string[];
}

/** A provider that returns text the chain parses and validates (Ollama, transformers, cloud). */
export interface TextProvider {
  readonly id: string;
  readonly tasks: ReadonlySet<AiTask>;
  /** The model this provider will use for the task, for cache keys and diagnostics. */
  model(task: AiTask): string;
  complete(request: CompletionRequest, options: CallOptions): Promise<string>;
  embed?(texts: string[], options: CallOptions): Promise<number[][]>;
  health(options: CallOptions): Promise<HealthReport>;
}
