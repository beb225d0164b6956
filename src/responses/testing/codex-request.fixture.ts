/**
 * The shape of a real Codex CLI 0.171.0 request (`codex exec "say hi"`, custom provider, wire_api = "responses"),
 * captured from the CLI with long prose shortened and most of its function tools left out: what the Responses
 * dialect must accept as it is.
 */
export const CODEX_REQUEST = {
  model: 'anthropic.claude-sonnet-4-5',
  stream: true,
  input: [
    {
      type: 'message',
      id: 'msg_7789d471-0f2e-57b3-9c84-5481580b3c9f',
      role: 'developer',
      content: [
        {
          type: 'input_text',
          text: 'You are a coding agent running in the Co …',
        },
      ],
    },
    {
      type: 'message',
      id: 'msg_01a23b06-3ef5-7b33-9ffa-27a9f75b56ec',
      role: 'developer',
      content: [
        {
          type: 'input_text',
          text: '<skills_instructions> …',
        },
        {
          type: 'input_text',
          text: '<permissions instructions> …',
        },
      ],
    },
    {
      type: 'message',
      id: 'msg_01a23b06-3ef5-7b33-9ffa-27b7d424833c',
      role: 'user',
      content: [
        {
          type: 'input_text',
          text: '<environment_context>\n  <cwd>/work</cwd>\n  <shell>bash</shell>\n</environment_context>',
        },
      ],
    },
    {
      type: 'message',
      id: 'msg_01a23b06-3ef6-7f00-a4c1-4cc586544df3',
      role: 'user',
      content: [
        {
          type: 'input_text',
          text: 'say hi',
        },
      ],
    },
  ],
  tools: [
    {
      type: 'function',
      name: 'exec_command',
      description: 'Runs a command in a PTY, returning outpu …',
      strict: false,
      parameters: {
        type: 'object',
        properties: {
          cmd: {
            type: 'string',
            description: 'Shell command to execute.',
          },
          justification: {
            type: 'string',
            description: 'User-facing approval question for `requi …',
          },
          login: {
            type: 'boolean',
            description: 'Request login-shell startup. Omit to inh …',
          },
          max_output_tokens: {
            type: 'number',
            description: 'Output token budget. Defaults to 10000 t …',
          },
          prefix_rule: {
            type: 'array',
            description: 'Reusable approval prefix for `cmd`, only …',
            items: {
              type: 'string',
            },
          },
          sandbox_permissions: {
            type: 'string',
            description: 'Per-command sandbox override. Defaults t …',
            enum: ['use_default', 'require_escalated'],
          },
          shell: {
            type: 'string',
            description: 'Shell binary to launch. Defaults to the  …',
          },
          tty: {
            type: 'boolean',
            description: 'True allocates a PTY for the command; fa …',
          },
          workdir: {
            type: 'string',
            description: 'Working directory for the command. Defau …',
          },
          yield_time_ms: {
            type: 'number',
            description: 'Wait before yielding output. Defaults to …',
          },
        },
        required: ['cmd'],
        additionalProperties: false,
      },
    },
    {
      type: 'function',
      name: 'view_image',
      description: 'View a local image file from the filesys …',
      strict: false,
      parameters: {
        type: 'object',
        properties: {
          path: {
            type: 'string',
            description: 'Local filesystem path to an image file.',
          },
        },
        required: ['path'],
        additionalProperties: false,
      },
    },
    {
      type: 'namespace',
      name: 'multi_agent_v1',
      description: 'Tools for spawning and managing sub-agen …',
      tools: [
        {
          type: 'function',
          name: 'close_agent',
          description: 'Close an agent and any open descendants  …',
          strict: false,
          parameters: {
            type: 'object',
            properties: {
              target: {
                type: 'string',
                description: 'Agent id to close (from spawn_agent).',
              },
            },
            required: ['target'],
            additionalProperties: false,
          },
        },
        {
          type: 'function',
          name: 'resume_agent',
          description: 'Resume a previously closed agent by id s …',
          strict: false,
          parameters: {
            type: 'object',
            properties: {
              id: {
                type: 'string',
                description: 'Agent id to resume.',
              },
            },
            required: ['id'],
            additionalProperties: false,
          },
        },
        {
          type: 'function',
          name: 'send_input',
          description: 'Send a message to an existing agent. Use …',
          strict: false,
          parameters: {
            type: 'object',
            properties: {
              interrupt: {
                type: 'boolean',
                description: 'True interrupts the current task and han …',
              },
              items: {
                type: 'array',
                description: 'Structured input items. Use this to pass …',
                items: {
                  type: 'object',
                  properties: {
                    audio_url: {
                      type: 'string',
                      description: 'Audio data URL when type is audio.',
                    },
                    image_url: {
                      type: 'string',
                      description: 'Image URL when type is image.',
                    },
                    name: {
                      type: 'string',
                      description: 'Display name when type is skill or menti …',
                    },
                    path: {
                      type: 'string',
                      description: 'Path when type is local_image/local_audi …',
                    },
                    text: {
                      type: 'string',
                      description: 'Text content when type is text.',
                    },
                    type: {
                      type: 'string',
                      description: 'Input item type: text, image, local_imag …',
                    },
                  },
                  additionalProperties: false,
                },
              },
              message: {
                type: 'string',
                description: 'Legacy plain-text message to send to the …',
              },
              target: {
                type: 'string',
                description: 'Agent id to message (from spawn_agent).',
              },
            },
            required: ['target'],
            additionalProperties: false,
          },
        },
        {
          type: 'function',
          name: 'spawn_agent',
          description: ' …',
          strict: false,
          parameters: {
            type: 'object',
            properties: {
              fork_context: {
                type: 'boolean',
                description: 'True forks the current thread history in …',
              },
              items: {
                type: 'array',
                description: 'Structured input items. Use this to pass …',
                items: {
                  type: 'object',
                  properties: {
                    audio_url: {
                      type: 'string',
                      description: 'Audio data URL when type is audio.',
                    },
                    image_url: {
                      type: 'string',
                      description: 'Image URL when type is image.',
                    },
                    name: {
                      type: 'string',
                      description: 'Display name when type is skill or menti …',
                    },
                    path: {
                      type: 'string',
                      description: 'Path when type is local_image/local_audi …',
                    },
                    text: {
                      type: 'string',
                      description: 'Text content when type is text.',
                    },
                    type: {
                      type: 'string',
                      description: 'Input item type: text, image, local_imag …',
                    },
                  },
                  additionalProperties: false,
                },
              },
              message: {
                type: 'string',
                description: 'Initial plain-text task for the new agen …',
              },
              model: {
                type: 'string',
                description: 'Model override for the new agent. Omit u …',
              },
              reasoning_effort: {
                type: 'string',
                description: 'Reasoning effort override for the new ag …',
              },
            },
            additionalProperties: false,
          },
        },
        {
          type: 'function',
          name: 'wait_agent',
          description: 'Wait for agents to reach a final status. …',
          strict: false,
          parameters: {
            type: 'object',
            properties: {
              targets: {
                type: 'array',
                description: 'Agent ids to wait on. Pass multiple ids  …',
                items: {
                  type: 'string',
                },
              },
              timeout_ms: {
                type: 'number',
                description: 'Timeout in milliseconds. Defaults to 300 …',
              },
            },
            required: ['targets'],
            additionalProperties: false,
          },
        },
      ],
    },
    {
      type: 'web_search',
      external_web_access: false,
    },
  ],
  tool_choice: 'auto',
  parallel_tool_calls: true,
  reasoning: {
    summary: 'auto',
  },
  store: false,
  include: ['reasoning.encrypted_content'],
  prompt_cache_key: '01a23b06-3ed3-70f1-ab65-1396cbd93381',
  client_metadata: {
    'x-codex-turn-metadata': '{"session_id":"01a23b06-3ed3-70f1-ab65-1396cbd93381","request_kind":"turn"}',
  },
} as const;
