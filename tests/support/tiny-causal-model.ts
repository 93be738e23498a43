/**
 * A tiny decoder-only "instruct" model, built on the fly so tests exercise transformers.js's real offline
 * text-generation path (config, byte-level BPE tokenizer, chat template, ONNX session, greedy generate loop)
 * without reaching the Hugging Face hub. Whatever the prompt, it answers with TINY_ANSWER and then stops.
 *
 * How: the answer is split into pieces that are all distinct vocabulary entries, and the logits at each position
 * are a row of a [vocab, vocab] table gathered by that position's token id, so the next token is a function of
 * the last one alone (which is all transformers.js feeds after the first step when the graph has no cache).
 * Every piece points at the next, the last at end-of-text, and every other token at the first piece. The pieces
 * have no BPE merges leading to them, so no prompt ever tokenizes into one and derails the answer.
 */
import {
  bytesField,
  concat,
  FLOAT,
  INT64,
  intField,
  node,
  stringField,
  tensorProto,
  valueInfo,
  writeModelFiles,
  specialToken,
} from './tiny-model';

export const TINY_ANSWER = '{"question":"Tell me about a time you learned a new tool quickly."}';
const ANSWER_PIECES = [
  '{"question":"',
  'Tell',
  ' me',
  ' about',
  ' a time',
  ' you',
  ' learned',
  ' a new',
  ' tool',
  ' quickly',
  '."}',
];

const EOS = '<|endoftext|>';
const CHAT_TOKENS = ['<|system|>', '<|user|>', '<|assistant|>', '<|end|>'];

/** A Zephyr-style template: the prompt always ends with the assistant marker and a newline. */
export const TINY_CHAT_TEMPLATE =
  '{% for message in messages %}<|{{ message.role }}|>\n{{ message.content }}<|end|>\n{% endfor %}' +
  '{% if add_generation_prompt %}<|assistant|>\n{% endif %}';

/** GPT-2's byte-to-unicode table: every byte gets a printable character, so any text has a token sequence. */
function byteChars(): string[] {
  const printable = (from: string, to: string) =>
    Array.from({ length: to.charCodeAt(0) - from.charCodeAt(0) + 1 }, (_, i) => from.charCodeAt(0) + i);
  const direct = new Set([...printable('!', '~'), ...printable('¡', '¬'), ...printable('®', 'ÿ')]);
  const chars: string[] = [];
  let shifted = 0;
  for (let b = 0; b < 256; b++) chars.push(String.fromCharCode(direct.has(b) ? b : 256 + shifted++));
  return chars;
}

export const BYTE_CHARS = byteChars();
export const toByteLevel = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => BYTE_CHARS[b]!).join('');

/** The vocabulary in id order: the 256 byte tokens, end-of-text, the chat markers, then the answer's pieces. */
export const TINY_CAUSAL_VOCAB: readonly string[] = [
  ...BYTE_CHARS,
  EOS,
  ...CHAT_TOKENS,
  ...ANSWER_PIECES.map(toByteLevel),
];
const EOS_ID = TINY_CAUSAL_VOCAB.indexOf(EOS);
const FIRST_PIECE_ID = TINY_CAUSAL_VOCAB.length - ANSWER_PIECES.length;

/** logits[b, s, :] = table[input_ids[b, s], :]: one-hot rows wide enough that greedy decoding is unambiguous. */
export function buildTinyCausalOnnxModel(): Uint8Array {
  const size = TINY_CAUSAL_VOCAB.length;
  const table = new Float32Array(size * size);
  for (let id = 0; id < size; id++) {
    const piece = id - FIRST_PIECE_ID;
    const next =
      piece < 0 ? FIRST_PIECE_ID : piece === ANSWER_PIECES.length - 1 ? EOS_ID : FIRST_PIECE_ID + piece + 1;
    table[id * size + next] = 10;
  }
  const graph = concat([
    bytesField(1, node('Gather', ['next_token_table', 'input_ids'], ['logits'], 'next_token_lookup')),
    stringField(2, 'tiny_causal_lm'),
    bytesField(5, tensorProto('next_token_table', [size, size], table)),
    bytesField(11, valueInfo('input_ids', INT64, ['batch_size', 'sequence_length'])),
    bytesField(12, valueInfo('logits', FLOAT, ['batch_size', 'sequence_length'], size)),
  ]);
  const opset = concat([stringField(1, ''), intField(2, 17)]);
  return concat([
    intField(1, 8),
    stringField(2, 'rehearse-tests'),
    bytesField(7, graph),
    bytesField(8, opset),
  ]);
}

/**
 * tokenizer.json for a byte-level BPE vocabulary with no merges (GPT-2's and Whisper's kind): every text still
 * tokenizes, byte by byte, and whole-piece tokens only come from the model. `added` are the added tokens.
 */
export function byteLevelTokenizerJson(vocab: readonly string[], added: object[]): unknown {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
      merges: [],
    },
  };
}

const tokenizerJson = () =>
  byteLevelTokenizerJson(
    TINY_CAUSAL_VOCAB,
    [EOS, ...CHAT_TOKENS].map((content) => specialToken(TINY_CAUSAL_VOCAB, content)),
  );

/**
 * Writes `<dir>/<modelId>/` with config.json, generation_config.json, tokenizer.json, tokenizer_config.json and
 * onnx/model.onnx: the files transformers.js reads for `pipeline('text-generation', modelId, { dtype: 'fp32' })`.
 */
export async function buildTinyCausalModel(
  dir: string,
  modelId = 'rehearse-tests/tiny-instruct',
): Promise<{ modelId: string; root: string }> {
  const config = {
    model_type: 'gpt2',
    architectures: ['GPT2LMHeadModel'],
    vocab_size: TINY_CAUSAL_VOCAB.length,
    n_positions: 1024,
    n_embd: 8,
    n_head: 1,
    n_layer: 1,
    bos_token_id: EOS_ID,
    eos_token_id: EOS_ID,
    // The graph has no past_key_values inputs or present outputs; transformers.js then feeds only the newest
    // token after the first step, which is exactly what a last-token lookup needs.
    use_cache: false,
  };
  const generationConfig = {
    bos_token_id: EOS_ID,
    eos_token_id: EOS_ID,
    pad_token_id: EOS_ID,
    do_sample: false,
  };
  const tokenizerConfig = {
    tokenizer_class: 'GPT2Tokenizer',
    model_max_length: 1024,
    add_bos_token: false,
    add_prefix_space: false,
    clean_up_tokenization_spaces: false,
    bos_token: EOS,
    eos_token: EOS,
    unk_token: EOS,
    pad_token: EOS,
    chat_template: TINY_CHAT_TEMPLATE,
  };
  return writeModelFiles(dir, modelId, {
    'config.json': config,
    'generation_config.json': generationConfig,
    'tokenizer.json': tokenizerJson(),
    'tokenizer_config.json': tokenizerConfig,
    'onnx/model.onnx': buildTinyCausalOnnxModel(),
  });
}
