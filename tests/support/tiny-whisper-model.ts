/**
 * A tiny Whisper model, built on the fly so tests run transformers.js's real offline automatic-speech-recognition
 * path (preprocessor config and log-mel features, Whisper tokenizer, encoder and merged-decoder ONNX sessions,
 * the timestamp logits processor, the seek loop, cross-attention DTW for word timings, and the ASR decoding state
 * machine) without reaching the Hugging Face hub. Whatever it hears, it "says" TINY_WHISPER_TEXT.
 *
 * How: like the tiny instruct model, the next token is a function of the last one alone. Each token maps to a
 * state; a state's row of a [states, vocab] table is the next-token logits, and its row of a [states, 1500]
 * table is the decoder's cross-attention over the 30 s window (one layer, one head). A word's row attends to the
 * frames where TINY_WHISPER_WORDS says it is spoken, so transformers.js's dynamic time warping puts each word
 * there. The last word's row favours end-of-text (10) over any one timestamp (9.5, the closing one 9.6): greedy
 * decoding without timestamps stops, and with timestamps the processor's "timestamps outweigh text" rule picks
 * the closing timestamp first, as a real Whisper does.
 */
import { createHash } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BYTE_CHARS, byteLevelTokenizerJson, toByteLevel } from './tiny-causal-model';
import {
  bytesField,
  concat,
  FLOAT,
  INT64,
  intField,
  node,
  specialToken,
  stringField,
  tensorProto,
  valueInfo,
  writeModelFiles,
} from './tiny-model';

/** Each piece of what the model says, with when (seconds) the model attends to it. */
export const TINY_WHISPER_WORDS = [
  { piece: ' Um', start: 0.5 },
  { piece: ',', start: 0.8 },
  { piece: ' I', start: 1.0 },
  { piece: ' led', start: 1.2 },
  { piece: ' the', start: 1.5 },
  { piece: ' billing', start: 1.7 },
  { piece: ' migration', start: 2.1 },
  { piece: '.', start: 2.7 },
] as const;
export const TINY_WHISPER_END = 2.9;
export const TINY_WHISPER_TEXT = TINY_WHISPER_WORDS.map((w) => w.piece).join('');
/**
 * The words transformers.js makes of what the model says with `return_timestamps: 'word'`: pieces joined into
 * words, each timed by dynamic time warping over the cross-attention (a punctuation piece gets 0.02 s).
 */
export const TINY_WHISPER_HEARD = [
  { text: 'Um,', start: 0.5, end: 0.82 },
  { text: 'I', start: 1, end: 1.2 },
  { text: 'led', start: 1.2, end: 1.5 },
  { text: 'the', start: 1.5, end: 1.7 },
  { text: 'billing', start: 1.7, end: 2.1 },
  { text: 'migration.', start: 2.1, end: 2.72 },
];

const FRAMES = 1500; // max_source_positions: 30 s at 0.02 s a frame
const MELS = 80;
const EOT = '<|endoftext|>';
const SPECIALS = [
  EOT,
  '<|startoftranscript|>',
  '<|en|>',
  '<|fr|>',
  '<|transcribe|>',
  '<|translate|>',
  '<|startoflm|>',
  '<|startofprev|>',
  '<|nospeech|>',
  '<|notimestamps|>',
];
const TIMESTAMPS = Array.from({ length: FRAMES + 1 }, (_, i) => `<|${(i * 0.02).toFixed(2)}|>`);

/** Byte tokens, the model's pieces, the special tokens, then the 1501 timestamps (Whisper's order). */
export const TINY_WHISPER_VOCAB: readonly string[] = [
  ...BYTE_CHARS,
  ...TINY_WHISPER_WORDS.map((w) => toByteLevel(w.piece)),
  ...SPECIALS,
  ...TIMESTAMPS,
];
const idOf = (token: string) => TINY_WHISPER_VOCAB.indexOf(token);
const EOT_ID = idOf(EOT);
const SOT_ID = idOf('<|startoftranscript|>');
const NOTS_ID = idOf('<|notimestamps|>');
const TS_BEGIN = NOTS_ID + 1;
const FIRST_PIECE = BYTE_CHARS.length;
const frameOf = (sec: number) => Math.round(sec / 0.02);
const END_TS = TS_BEGIN + frameOf(TINY_WHISPER_END);

function noise(key: string, size: number, scale: number): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i += 32) {
    const digest = createHash('sha256').update(`${key}#${i}`).digest();
    for (let j = 0; j < 32 && i + j < size; j++) out[i + j] = (digest[j]! / 255) * scale;
  }
  return out;
}

interface State {
  token: number;
  next: 'eot' | 'last' | number;
  /** Frames this token's row attends to, [from, to). */
  attends: [number, number] | null;
}

const TRANSCRIBE_ID = idOf('<|transcribe|>');
const LANGUAGES = ['en', 'fr'] as const;

/**
 * Every token the model cares about as a state; any other token is state 0 (says end-of-text). A multilingual
 * model answers start-of-transcript with the language it hears, and starts its text after the task token.
 */
function states(hears?: (typeof LANGUAGES)[number]): State[] {
  const pieces = TINY_WHISPER_WORDS.map((w, i) => ({
    token: FIRST_PIECE + i,
    next: i === TINY_WHISPER_WORDS.length - 1 ? ('last' as const) : FIRST_PIECE + i + 1,
    attends: [frameOf(w.start), frameOf(TINY_WHISPER_WORDS[i + 1]?.start ?? TINY_WHISPER_END)] as [
      number,
      number,
    ],
  }));
  return [
    { token: -1, next: 'eot', attends: null },
    { token: SOT_ID, next: hears ? idOf(`<|${hears}|>`) : TS_BEGIN, attends: null },
    ...(hears ? [{ token: TRANSCRIBE_ID, next: TS_BEGIN, attends: null }] : []),
    { token: NOTS_ID, next: FIRST_PIECE, attends: null },
    { token: TS_BEGIN, next: FIRST_PIECE, attends: [0, frameOf(TINY_WHISPER_WORDS[0].start)] },
    ...pieces,
    { token: END_TS, next: 'eot', attends: [frameOf(TINY_WHISPER_END), frameOf(TINY_WHISPER_END) + 10] },
  ];
}

/** encoder_model.onnx: last_hidden_state is the log-mel features as they are (the decoder does not read them). */
function encoderOnnx(): Uint8Array {
  const graph = concat([
    bytesField(1, node('Identity', ['input_features'], ['last_hidden_state'], 'pass_through')),
    stringField(2, 'tiny_whisper_encoder'),
    bytesField(
      11,
      valueInfo('input_features', FLOAT, ['batch_size', 'feature_size', 'encoder_sequence_length']),
    ),
    bytesField(
      12,
      valueInfo('last_hidden_state', FLOAT, ['batch_size', 'feature_size', 'encoder_sequence_length']),
    ),
  ]);
  return model(graph);
}

/** decoder_model_merged.onnx: logits and (unless left out) cross_attentions.0, both looked up by token. */
function decoderOnnx(withAttentions: boolean, hears?: (typeof LANGUAGES)[number]): Uint8Array {
  const list = states(hears);
  const vocab = TINY_WHISPER_VOCAB.length;
  const stateOf = new BigInt64Array(vocab);
  list.forEach((s, i) => s.token >= 0 && (stateOf[s.token] = BigInt(i)));
  const logits = new Float32Array(list.length * vocab);
  const attention = new Float32Array(list.length * FRAMES);
  list.forEach((s, i) => {
    const row = logits.subarray(i * vocab, (i + 1) * vocab);
    if (s.next === 'last') {
      row.fill(9.5, TS_BEGIN);
      row[END_TS] = 9.6;
      row[EOT_ID] = 10;
    } else row[s.next === 'eot' ? EOT_ID : s.next] = 10;
    // Faint noise everywhere so no frame's attention is the same for every token (DTW normalises per frame).
    const att = noise(`attention-${i}`, FRAMES, 0.01);
    if (s.attends) att.fill(1, s.attends[0], s.attends[1]);
    attention.set(att, i * FRAMES);
  });
  const graph = concat([
    bytesField(1, node('Gather', ['state_of_token', 'input_ids'], ['state'], 'state_lookup')),
    bytesField(1, node('Gather', ['next_token_logits', 'state'], ['logits'], 'logits_lookup')),
    ...(withAttentions
      ? [
          bytesField(1, node('Gather', ['attention_table', 'state'], ['attention'], 'attention_lookup')),
          bytesField(1, node('Unsqueeze', ['attention', 'head_axis'], ['cross_attentions.0'], 'one_head')),
        ]
      : []),
    stringField(2, 'tiny_whisper_decoder'),
    bytesField(5, tensorProto('state_of_token', [vocab], stateOf)),
    bytesField(5, tensorProto('next_token_logits', [list.length, vocab], logits)),
    ...(withAttentions
      ? [
          bytesField(5, tensorProto('attention_table', [list.length, FRAMES], attention)),
          bytesField(5, tensorProto('head_axis', [1], BigInt64Array.from([1n]))),
        ]
      : []),
    bytesField(11, valueInfo('input_ids', INT64, ['batch_size', 'decoder_sequence_length'])),
    bytesField(12, valueInfo('logits', FLOAT, ['batch_size', 'decoder_sequence_length'], vocab)),
    ...(withAttentions
      ? [
          bytesField(
            12,
            valueInfo(
              'cross_attentions.0',
              FLOAT,
              ['batch_size', 'heads', 'decoder_sequence_length'],
              FRAMES,
            ),
          ),
        ]
      : []),
  ]);
  return model(graph);
}

function model(graph: Uint8Array): Uint8Array {
  const opset = concat([stringField(1, ''), intField(2, 17)]);
  return concat([
    intField(1, 8),
    stringField(2, 'rehearse-tests'),
    bytesField(7, graph),
    bytesField(8, opset),
  ]);
}

const tokenizerJson = () =>
  byteLevelTokenizerJson(TINY_WHISPER_VOCAB, [
    ...SPECIALS.map((t) => specialToken(TINY_WHISPER_VOCAB, t)),
    // Whisper's timestamps are added tokens but not special ones: the ASR decoder tells them apart by id.
    ...TIMESTAMPS.map((t) => ({ ...specialToken(TINY_WHISPER_VOCAB, t), special: false })),
  ]);

/**
 * Writes `<dir>/<modelId>/` with config.json, generation_config.json, preprocessor_config.json, tokenizer.json,
 * tokenizer_config.json, onnx/encoder_model.onnx and onnx/decoder_model_merged.onnx: what transformers.js reads
 * for `pipeline('automatic-speech-recognition', modelId, { dtype: 'fp32' })`. Without `wordTimings`, the decoder
 * has no cross-attention output, as many Whisper exports do not, and word timestamps cannot be computed.
 */
export async function buildTinyWhisperModel(
  dir: string,
  modelId = 'rehearse-tests/tiny-whisper.en',
  /** `hears`: a multilingual model, hearing that language in any audio. */
  options: { wordTimings?: boolean; hears?: (typeof LANGUAGES)[number] } = {},
): Promise<{ modelId: string; root: string }> {
  const config = {
    model_type: 'whisper',
    architectures: ['WhisperForConditionalGeneration'],
    is_encoder_decoder: true,
    vocab_size: TINY_WHISPER_VOCAB.length,
    num_mel_bins: MELS,
    d_model: 8,
    encoder_layers: 1,
    decoder_layers: 1,
    encoder_attention_heads: 1,
    decoder_attention_heads: 1,
    max_source_positions: FRAMES,
    max_target_positions: 448,
    median_filter_width: 7,
    bos_token_id: EOT_ID,
    eos_token_id: EOT_ID,
    pad_token_id: EOT_ID,
    decoder_start_token_id: SOT_ID,
    use_cache: false,
  };
  const generationConfig = {
    bos_token_id: EOT_ID,
    eos_token_id: EOT_ID,
    pad_token_id: EOT_ID,
    decoder_start_token_id: SOT_ID,
    no_timestamps_token_id: NOTS_ID,
    is_multilingual: options.hears !== undefined,
    ...(options.hears && {
      lang_to_id: Object.fromEntries(LANGUAGES.map((l) => [`<|${l}|>`, idOf(`<|${l}|>`)])),
      task_to_id: { transcribe: TRANSCRIBE_ID, translate: idOf('<|translate|>') },
    }),
    max_initial_timestamp_index: 50,
    max_length: 448,
    begin_suppress_tokens: [EOT_ID],
    suppress_tokens: [],
    alignment_heads: [[0, 0]],
  };
  const preprocessorConfig = {
    feature_extractor_type: 'WhisperFeatureExtractor',
    processor_class: 'WhisperProcessor',
    chunk_length: 30,
    feature_size: MELS,
    hop_length: 160,
    n_fft: 400,
    n_samples: 480_000,
    nb_max_frames: 3000,
    padding_side: 'right',
    padding_value: 0.0,
    return_attention_mask: false,
    sampling_rate: 16_000,
  };
  const tokenizerConfig = {
    tokenizer_class: 'WhisperTokenizer',
    model_max_length: 1024,
    add_prefix_space: false,
    clean_up_tokenization_spaces: true,
    bos_token: EOT,
    eos_token: EOT,
    unk_token: EOT,
    pad_token: EOT,
  };
  return writeModelFiles(dir, modelId, {
    'config.json': config,
    'generation_config.json': generationConfig,
    'preprocessor_config.json': preprocessorConfig,
    'tokenizer.json': tokenizerJson(),
    'tokenizer_config.json': tokenizerConfig,
    'onnx/encoder_model.onnx': encoderOnnx(),
    'onnx/decoder_model_merged.onnx': decoderOnnx(options.wordTimings ?? true, options.hears),
  });
}

/**
 * Puts the tiny model where a finished download of `spec` (an offered Whisper) would be in a data folder: the
 * quantized file names the download uses (holding the fp32 graphs) and a complete manifest.
 */
export async function installTinyWhisperAs(
  dataDir: string,
  spec: { id: string; revision: string },
): Promise<void> {
  const { root } = await buildTinyWhisperModel(join(dataDir, 'models'), spec.id);
  for (const graph of ['encoder_model', 'decoder_model_merged'])
    await rename(join(root, 'onnx', `${graph}.onnx`), join(root, 'onnx', `${graph}_quantized.onnx`));
  await writeFile(
    join(root, '.rehearse-manifest.json'),
    JSON.stringify({ id: spec.id, revision: spec.revision, files: {}, complete: true }),
  );
}
