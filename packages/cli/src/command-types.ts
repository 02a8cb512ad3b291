// The shapes of src/generated/: what the generator writes for each Action and what the runtime of
// the command reads. How a parameter travels on the wire is the client's ActionMeta, not repeated.
import type { ActionMeta } from '@alidomain/core';

/** A problem as @alidomain/validators reports it, naming the wire parameter. */
export interface ValidatorProblem {
  readonly param: string;
  readonly expected: string;
  readonly received: string;
  readonly message: string;
}

export interface RequestValidator {
  problems(value: unknown): ValidatorProblem[];
}

export interface GroupEntry {
  readonly name: string;
  readonly description?: string;
}

/** An Action as the index knows it, without loading its command module. */
export interface ActionEntry {
  readonly name: string;
  readonly group: string;
  /** The English one-line summary. */
  readonly summary: string;
  readonly load: () => Promise<{ readonly command: ActionCommand }>;
}

export interface ValueDoc {
  readonly value: string | number;
  readonly meaning?: string;
}

/** A parameter as help documents it (and, for object lists, each field of an item). */
export interface ParamDoc {
  readonly name: string;
  readonly required?: boolean;
  /** English where the spec has it; `descriptionZh` is the document's Chinese. */
  readonly description?: string;
  readonly descriptionZh?: string;
  /** The allowed values, when the document lists them. */
  readonly values?: readonly ValueDoc[];
  readonly default?: unknown;
  readonly example?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  /** Object lists: the fields of one item. */
  readonly fields?: readonly ParamDoc[];
}

export interface ActionCommand {
  /** The client's metadata: method, retry class and each parameter's wire style and type. */
  readonly meta: ActionMeta;
  /** The Action's precompiled request validator (@alidomain/validators). */
  readonly validator: RequestValidator;
  readonly name: string;
  readonly summary: string;
  /** The Action's description: English where the spec has it, with the document's Chinese in `descriptionZh`. */
  readonly description: string;
  readonly descriptionZh?: string;
  readonly group: string;
  /** The document section the Action is described in. */
  readonly section: string;
  /** Why the Action has its retry class, where the spec says. */
  readonly retryReason?: string;
  /** Requests per second the document allows, per user and in total. */
  readonly qps?: { readonly perUser?: number; readonly total?: number };
  /** Paged Actions: the response path to the items, and the request parameters paging sets. */
  readonly paging?: { readonly kind: 'page' | 'scroll' | 'cursor'; readonly items: readonly string[]; readonly driven: readonly string[] };
  /** The Action submits a task and answers with its TaskNo (`--wait` follows it). */
  readonly submitsTask?: boolean;
  readonly params: readonly ParamDoc[];
}
