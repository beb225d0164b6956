/**
 * What Bedrock's native Claude body (InvokeModel) accepts per model beyond the Messages basics, matched by the
 * longest base-model-id prefix. Sources: AWS's "Anthropic Claude Messages API" page (supported beta headers:
 * computer-use, token-efficient-tools, interleaved-thinking, output-128k, dev-full-thinking, context-1m,
 * context-management, effort, tool-search-tool, tool-examples), model cards for output limits, and public
 * reports of Bedrock answering `invalid beta flag` (anthropics/claude-code#49370: Opus 4.7 takes only
 * interleaved thinking; #49648: Opus 4.6 takes claude-code-20250219). A beta missing here is dropped, not
 * refused: adding one is a data change.
 */
export interface ClaudeNativeProfile {
  /** Largest `max_tokens` the model takes; larger requests are clamped. */
  maxOutputTokens: number;
  /** `max_tokens` allowed with the `output-128k-2025-02-19` beta (Claude 3.7 Sonnet). */
  extendedOutputTokens?: number;
  /** `anthropic_beta` values Bedrock accepts for the model. */
  betas: readonly string[];
  /** `thinking: {type: "adaptive"}` is native; elsewhere it becomes a budget. */
  adaptiveThinking: boolean;
  /**
   * `output_config.effort`: `native` (4.6 and later), `beta` (needs effort-2025-11-24, Opus 4.5), or `none`
   * (folded into the thinking budget when thinking is on, else dropped).
   */
  effort: 'native' | 'beta' | 'none';
}

const CLAUDE_4_BETAS = [
  'interleaved-thinking-2025-05-14',
  'dev-full-thinking-2025-05-14',
  'computer-use-2025-01-24',
  'token-efficient-tools-2025-02-19',
];
const CLAUDE_45_BETAS = [
  'interleaved-thinking-2025-05-14',
  'dev-full-thinking-2025-05-14',
  'computer-use-2025-01-24',
  'context-management-2025-06-27',
  'tool-search-tool-2025-10-19',
  'tool-examples-2025-10-29',
];
const CLAUDE_46_BETAS = [
  'claude-code-20250219',
  'interleaved-thinking-2025-05-14',
  'context-management-2025-06-27',
  'context-1m-2025-08-07',
  'effort-2025-11-24',
  'tool-search-tool-2025-10-19',
  'tool-examples-2025-10-29',
];

const base = { betas: [], adaptiveThinking: false, effort: 'none' } as const;

const PROFILES: [prefix: string, profile: ClaudeNativeProfile][] = [
  ['anthropic.', { ...base, maxOutputTokens: 4096 }],
  ['anthropic.claude-3-5-', { ...base, maxOutputTokens: 8192 }],
  [
    'anthropic.claude-3-5-sonnet-20241022',
    { ...base, maxOutputTokens: 8192, betas: ['computer-use-2024-10-22'] },
  ],
  [
    'anthropic.claude-3-7-sonnet',
    {
      ...base,
      maxOutputTokens: 64000,
      extendedOutputTokens: 128000,
      betas: ['computer-use-2025-01-24', 'token-efficient-tools-2025-02-19', 'output-128k-2025-02-19'],
    },
  ],
  [
    'anthropic.claude-sonnet-4',
    { ...base, maxOutputTokens: 64000, betas: [...CLAUDE_4_BETAS, 'context-1m-2025-08-07'] },
  ],
  ['anthropic.claude-opus-4', { ...base, maxOutputTokens: 32000, betas: CLAUDE_4_BETAS }],
  [
    'anthropic.claude-sonnet-4-5',
    { ...base, maxOutputTokens: 64000, betas: [...CLAUDE_45_BETAS, 'context-1m-2025-08-07'] },
  ],
  ['anthropic.claude-haiku-4-5', { ...base, maxOutputTokens: 64000, betas: CLAUDE_45_BETAS }],
  [
    'anthropic.claude-opus-4-5',
    { ...base, maxOutputTokens: 64000, betas: [...CLAUDE_45_BETAS, 'effort-2025-11-24'], effort: 'beta' },
  ],
  [
    'anthropic.claude-opus-4-6',
    { maxOutputTokens: 128000, betas: CLAUDE_46_BETAS, adaptiveThinking: true, effort: 'native' },
  ],
  [
    'anthropic.claude-sonnet-4-6',
    { maxOutputTokens: 64000, betas: CLAUDE_46_BETAS, adaptiveThinking: true, effort: 'native' },
  ],
  [
    'anthropic.claude-opus-4-7',
    {
      maxOutputTokens: 128000,
      betas: ['interleaved-thinking-2025-05-14'],
      adaptiveThinking: true,
      effort: 'native',
    },
  ],
];

const SORTED = PROFILES.slice().sort((a, b) => b[0].length - a[0].length);

/** The native profile of a Claude base model id (`anthropic.claude-sonnet-4-5-20250929-v1:0`). */
export function claudeNativeProfile(baseModelId: string): ClaudeNativeProfile {
  return (SORTED.find(([prefix]) => baseModelId.startsWith(prefix)) ?? PROFILES[0])[1];
}
