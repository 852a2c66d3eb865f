// The deployment service the workflow commands talk to, as a small interface: today the INDIGO
// PaaS Orchestrator REST API (indigo-client.ts), tomorrow INFN's rewrite with another API. The
// commands see only these types; nothing here knows HTTP. Failures are OrchestratorError values
// with a kind the CLI turns into one CS41xx diagnostic each.

/** Deployment states of the INDIGO orchestrator (`it.reply.orchestrator.enums.Status`). */
export type DeploymentStatus =
  | 'CREATE_IN_PROGRESS' | 'CREATE_COMPLETE' | 'CREATE_FAILED'
  | 'UPDATE_IN_PROGRESS' | 'UPDATE_COMPLETE' | 'UPDATE_FAILED'
  | 'DELETE_IN_PROGRESS' | 'DELETE_COMPLETE' | 'DELETE_FAILED'
  | 'UNKNOWN';

/** Every status word, for validating answers. */
export const STATUSES: readonly DeploymentStatus[] = [
  'CREATE_IN_PROGRESS', 'CREATE_COMPLETE', 'CREATE_FAILED',
  'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE', 'UPDATE_FAILED',
  'DELETE_IN_PROGRESS', 'DELETE_COMPLETE', 'DELETE_FAILED',
  'UNKNOWN',
];

/** True for the states a deployment stays in until someone acts. */
export function isFinal(s: DeploymentStatus): boolean {
  return !s.endsWith('_IN_PROGRESS') && s !== 'UNKNOWN';
}

/** True for the failed final states. */
export function isFailed(s: DeploymentStatus): boolean {
  return s.endsWith('_FAILED');
}

/** What the commands know of a deployment. */
export interface Deployment {
  readonly id: string;
  readonly status: DeploymentStatus;
  /** Why it is in this state (set on failures); empty when the orchestrator gives none. */
  readonly statusReason: string;
  /** The TOSCA outputs, once the deployment is complete. */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** What the orchestrator is doing (`DEPLOYER`, `MONITORING`, ...), when it says. */
  readonly task?: string;
  /** `yyyy-MM-dd'T'HH:mmZ` as the orchestrator writes it. */
  readonly creationTime?: string;
  readonly updateTime?: string;
  readonly cloudProviderName?: string;
}

/** A new deployment: the template text and its input values. */
export interface CreateRequest {
  readonly template: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The user group the deployment belongs to (must be a group of the token). */
  readonly userGroup?: string;
  /** URL the orchestrator POSTs the deployment to when a workflow ends. */
  readonly callback?: string;
  readonly timeoutMins?: number;
  readonly keepLastAttempt?: boolean;
  readonly maxProvidersRetry?: number;
}

/** The operations the workflow commands need. */
export interface OrchestratorClient {
  /** Creates a deployment; resolves once the orchestrator accepted it (it is then CREATE_IN_PROGRESS). */
  create(req: CreateRequest): Promise<Deployment>;
  /** The deployment's current state. Rejects with kind `not-found` once it was deleted. */
  get(id: string): Promise<Deployment>;
  /** The deployment's log, as text. */
  log(id: string): Promise<string>;
  /** Starts deleting; the deployment is then DELETE_IN_PROGRESS, and gone (not-found) when done. */
  delete(id: string): Promise<void>;
}

/** Why a request failed. */
export type FailureKind =
  | 'rejected' // 400, 405, 415, 422 ...: the request is wrong
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409
  | 'server' // 5xx
  | 'unreachable' // connection refused, DNS, TLS, dropped connection
  | 'timeout' // no complete answer in time
  | 'bad-answer'; // not the JSON the API defines

/** A failed request. `detail` is safe to print: it never contains the access token. */
export class OrchestratorError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly detail: string,
    readonly status?: number,
  ) {
    super(detail);
  }
}
