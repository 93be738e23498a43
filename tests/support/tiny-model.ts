/**
 * A tiny sentence-embedding model, built on the fly so tests exercise transformers.js's real offline loading
 * (config, tokenizer, ONNX session) without reaching the Hugging Face hub. The "model" is an embedding lookup:
 * each word's vector comes from a hash of the word, so texts that share words get similar mean-pooled vectors
 * and every build is byte-for-byte the same.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TINY_HIDDEN_SIZE = 32;

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const PUNCTUATION = ['.', ',', '?', '!', "'", '"', '-', ':', ';', '(', ')', '/'];
const WORDS = `
a about above across after again against all almost also always am among an and another answer any anyone
anything are around as ask asked at away back bad be because become been before began being believe below best
better between big both bring build built business but by call came can candidate career case change changed
clear client code cold come company could customer data day decide decided deliver describe design did
different difficult do does done down during each early easy engineer enough even ever every example
experience explain fact fail failed family far feedback few find first focus for found from full gave get give
go goal going good got great group grow had hand happen happened hard has have he help her here high him his
hold home how however i idea if important improve in increase interview into is issue it its job just keep
kind knew know last later lead learn learned least led less let life like line little long look lost lot made
make manage manager many market me meet meeting might mind more most move much must my need never new next
night no not nothing now number of off often old on once one only open or order other our out over own part
past people perhaps person place plan point power problem process product project put question quite rain
rainy rather read real really reason result right role run said same say second see seem sense set she should
show side since skill small so solve some something sometimes soon start started state still stop story
strength success such sunny system take talk team tell than that the their them then there these they thing
think this those though thought three through time to today together told too took toward tried true try turn
two under understand until up us use used very want was way we weakness weather week well went were what when
where which while who why will with within without work worked world would write wrong year years yes yet you
your
`
  .trim()
  .split(/\s+/);

/** The vocabulary in id order: BERT's special tokens first, so [PAD] is id 0 as the padding code expects. */
export const TINY_VOCAB: readonly string[] = [...SPECIAL_TOKENS, ...PUNCTUATION, ...WORDS];

// --- A minimal protobuf writer: only what ModelProto needs (varints and length-delimited fields). ---

export type Bytes = Uint8Array;

function varint(value: number): Bytes {
  // Every number we write (field tags, sizes, dims, enum values) is a small non-negative integer.
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return Uint8Array.from(out);
}

export const concat = (parts: Bytes[]): Bytes => Buffer.concat(parts);
export const intField = (field: number, value: number): Bytes => concat([varint(field * 8), varint(value)]);
export const bytesField = (field: number, value: Bytes): Bytes =>
  concat([varint(field * 8 + 2), varint(value.length), value]);
export const stringField = (field: number, value: string): Bytes =>
  bytesField(field, Buffer.from(value, 'utf8'));

// Field numbers and enum values from onnx/onnx.proto (IR version 8).
export const FLOAT = 1;
export const INT64 = 7;

export function tensorProto(name: string, dims: number[], values: Float32Array | BigInt64Array): Bytes {
  return concat([
    ...dims.map((d) => intField(1, d)), // dims (repeated int64; unpacked is valid protobuf)
    intField(2, values instanceof BigInt64Array ? INT64 : FLOAT), // data_type
    stringField(8, name),
    // raw_data is little-endian; Buffer.from over the Float32Array's memory is little-endian on every
    // platform Electron ships for.
    bytesField(9, Buffer.from(values.buffer, values.byteOffset, values.byteLength)),
  ]);
}

/** ValueInfoProto with a tensor type whose every dimension is symbolic, so any batch and length is accepted. */
export function valueInfo(name: string, elemType: number, dimParams: string[], fixedLast?: number): Bytes {
  const dims = dimParams.map((p) => bytesField(1, stringField(2, p))); // Dimension.dim_param
  if (fixedLast !== undefined) dims.push(bytesField(1, intField(1, fixedLast))); // Dimension.dim_value
  const shape = concat(dims); // TensorShapeProto.dim
  const tensorType = concat([intField(1, elemType), bytesField(2, shape)]); // TypeProto.Tensor
  const type = bytesField(1, tensorType); // TypeProto.tensor_type
  return concat([stringField(1, name), bytesField(2, type)]);
}

export function node(opType: string, inputs: string[], outputs: string[], name: string): Bytes {
  return concat([
    ...inputs.map((i) => stringField(1, i)),
    ...outputs.map((o) => stringField(2, o)),
    stringField(3, name),
    stringField(4, opType),
  ]);
}

/** Deterministic values in [-scale, scale] from a hash of `key`. */
function hashVector(key: string, size: number, scale: number): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i += 32) {
    const digest = createHash('sha256').update(`${key}#${i}`).digest();
    for (let j = 0; j < 32 && i + j < size; j++) out[i + j] = (digest[j]! / 127.5 - 1) * scale;
  }
  return out;
}

/**
 * last_hidden_state = (word[input_ids] + type[token_type_ids]) * mask[attention_mask]. The mask is a lookup
 * too (row 0 zeros, row 1 ones) so the graph needs no Cast/Unsqueeze, and all three inputs are consumed the way
 * BERT's are.
 */
export function buildTinyOnnxModel(vocab: readonly string[], hidden = TINY_HIDDEN_SIZE): Bytes {
  const words = new Float32Array(vocab.length * hidden);
  vocab.forEach((token, id) => {
    // Special tokens and punctuation stay small so shared [CLS]/[SEP] do not make every pair of texts alike.
    const isWord = /^[a-z]/.test(token);
    words.set(hashVector(token, hidden, isWord ? 1 : 0.05), id * hidden);
  });
  const types = new Float32Array(2 * hidden);
  types.set(hashVector('[TYPE1]', hidden, 0.05), hidden);
  const mask = new Float32Array(2 * hidden).fill(1, hidden);

  const graph = concat([
    bytesField(1, node('Gather', ['word_embeddings', 'input_ids'], ['words'], 'word_lookup')),
    bytesField(1, node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types'], 'type_lookup')),
    bytesField(1, node('Add', ['words', 'types'], ['summed'], 'add_types')),
    bytesField(1, node('Gather', ['mask_table', 'attention_mask'], ['mask'], 'mask_lookup')),
    bytesField(1, node('Mul', ['summed', 'mask'], ['last_hidden_state'], 'apply_mask')),
    stringField(2, 'tiny_embedding'),
    bytesField(5, tensorProto('word_embeddings', [vocab.length, hidden], words)),
    bytesField(5, tensorProto('token_type_embeddings', [2, hidden], types)),
    bytesField(5, tensorProto('mask_table', [2, hidden], mask)),
    bytesField(11, valueInfo('input_ids', INT64, ['batch_size', 'sequence_length'])),
    bytesField(11, valueInfo('attention_mask', INT64, ['batch_size', 'sequence_length'])),
    bytesField(11, valueInfo('token_type_ids', INT64, ['batch_size', 'sequence_length'])),
    bytesField(12, valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length'], hidden)),
  ]);
  const opset = concat([stringField(1, ''), intField(2, 17)]); // the default ai.onnx domain
  return concat([
    intField(1, 8), // ir_version
    stringField(2, 'rehearse-tests'), // producer_name
    bytesField(7, graph),
    bytesField(8, opset),
  ]);
}

/**
 * Writes a model's files into `<dir>/<modelId>/` (JSON values pretty-printed, bytes as they are) and returns where:
 * what every tiny test model ends with.
 */
export async function writeModelFiles(
  dir: string,
  modelId: string,
  files: Record<string, unknown>,
): Promise<{ modelId: string; root: string }> {
  const root = join(dir, ...modelId.split('/'));
  await mkdir(join(root, 'onnx'), { recursive: true });
  await Promise.all(
    Object.entries(files).map(([path, value]) =>
      writeFile(join(root, path), value instanceof Uint8Array ? value : JSON.stringify(value, null, 2)),
    ),
  );
  return { modelId, root };
}

/** tokenizer.json in the Hugging Face tokenizers format, as bert-base-uncased ships it (lower-cased WordPiece). */
/** A tokenizer.json "added token" entry for a special token of `vocab`. */
export function specialToken(vocab: readonly string[], content: string) {
  return {
    id: vocab.indexOf(content),
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  };
}

function tokenizerJson(vocab: readonly string[]): unknown {
  const id = (t: string) => vocab.indexOf(t);
  const special = (t: string) => specialToken(vocab, t);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
}

/**
 * Writes `<dir>/<modelId>/` with config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx: the
 * files transformers.js reads for `pipeline('feature-extraction', modelId, { dtype: 'fp32' })`.
 */
export async function buildTinyEmbeddingModel(
  dir: string,
  modelId = 'rehearse-tests/tiny-embedder',
): Promise<{ modelId: string; root: string }> {
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: TINY_HIDDEN_SIZE,
    num_attention_heads: 1,
    num_hidden_layers: 0,
    intermediate_size: TINY_HIDDEN_SIZE,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: TINY_VOCAB.length,
    pad_token_id: 0,
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 512,
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
  return writeModelFiles(dir, modelId, {
    'config.json': config,
    'tokenizer.json': tokenizerJson(TINY_VOCAB),
    'tokenizer_config.json': tokenizerConfig,
    'onnx/model.onnx': buildTinyOnnxModel(TINY_VOCAB),
  });
}
