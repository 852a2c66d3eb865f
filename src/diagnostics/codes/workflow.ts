// CS4xxx: the workflow commands after `compile` (src/cli/{submit,deployment,fmt,diff}.ts,
// src/orchestrator). CS40xx configuration and inputs of `submit`, CS41xx answers of the
// orchestrator, CS42xx waiting, CS43xx fmt and diff. These problems have no place in a spec
// file (most are reported without a span); none is configurable.
import { defineCodes, tick } from './define.js';

export const WORKFLOW_CODES = defineCodes({
  CS4001: {
    name: 'orchestrator-url-missing',
    severity: 'error',
    message: (_a: object) => 'no orchestrator url: set `ORCHENT_URL` or pass `--url`',
    explain: `The deployment commands (submit, status, outputs, logs, delete) talk to the INDIGO PaaS
Orchestrator REST API. Its base URL comes from --url or, as for orchent, from the environment
variable ORCHENT_URL, e.g.
  export ORCHENT_URL=https://paas.cloud.infn.it/orchestrator
An URL must start with http:// or https://.`,
  },
  CS4002: {
    name: 'orchestrator-token-missing',
    severity: 'error',
    message: (_a: object) => 'no access token: set `ORCHENT_TOKEN`, or `ORCHENT_AGENT_ACCOUNT` for oidc-agent',
    explain: `The orchestrator authenticates every request with an OAuth2 bearer token (RFC 6750) issued
by the IAM the orchestrator trusts. clusterc reads it like orchent does: from ORCHENT_TOKEN, else it
asks oidc-agent for one by running \`oidc-token $ORCHENT_AGENT_ACCOUNT\` (start the agent and load
the account first: \`eval $(oidc-agent)\`, \`oidc-add ACCOUNT\`). The token is sent only in the
Authorization header and never printed.`,
  },
  CS4003: {
    name: 'oidc-token-failed',
    severity: 'error',
    message: (a: { account: string; reason: string }) => `oidc-agent gave no token for account ${tick(a.account)}: ${a.reason}`,
    explain: `ORCHENT_AGENT_ACCOUNT is set, so clusterc ran \`oidc-token ACCOUNT\` to get an access token,
and that failed: oidc-token is not installed, the agent is not running (OIDC_SOCK unset), the
account is not loaded (\`oidc-add ACCOUNT\`), or it printed no token. Set ORCHENT_TOKEN instead to
skip oidc-agent.`,
  },
  CS4004: {
    name: 'orchestrator-cafile-unreadable',
    severity: 'error',
    message: (a: { file: string; reason: string }) => `cannot read the ca file ${tick(a.file)} of \`ORCHENT_CAFILE\`: ${a.reason}`,
    explain: `ORCHENT_CAFILE names a PEM file with the certificate authority that signed the
orchestrator's TLS certificate (a private CA). clusterc trusts it in addition to Node's built-in
CAs; the file must exist and be readable.`,
  },
  CS4010: {
    name: 'inputs-file-invalid',
    severity: 'error',
    message: (a: { reason: string }) => `the inputs file is not a json object of input values: ${a.reason}`,
    explain: `\`submit --inputs FILE\` reads the orchestrator inputs file that \`compile\` writes beside
the TOSCA output (<cluster>.tosca.inputs.json), filled in: one JSON object whose keys are the
template's inputs. A value of null means "not given yet".`,
  },
  CS4011: {
    name: 'input-value-missing',
    severity: 'error',
    message: (a: { names: string }) => `no value for the required input${a.names.includes(',') ? 's' : ''} ${a.names}`,
    explain: `Every input of the TOSCA template without a default needs a value before the orchestrator
accepts the deployment (it answers 400 otherwise). Give it in the inputs file or with
--parameter NAME=VALUE. Secrets (passwords) never have a default.`,
  },
  CS4012: {
    name: 'input-unknown',
    severity: 'error',
    message: (a: { name: string }) => `the template has no input ${tick(a.name)}`,
    explain: `A value was given (in the inputs file or with --parameter) for a name that is not an input
of the compiled TOSCA template. The inputs are listed in <cluster>.tosca.inputs.json.`,
  },
  CS4013: {
    name: 'input-value-type',
    severity: 'error',
    message: (a: { name: string; expected: string }) => `the value of input ${tick(a.name)} is not ${a.expected}`,
    explain: `Each TOSCA input has a type (string, integer, float, boolean, scalar-unit.size,
scalar-unit.time, list). A --parameter value is converted to it (\`agents_count=3\`,
\`enabled=true\`, \`names=["a","b"]\` or \`a,b\`); a value in the inputs file must already have
it (a JSON number for an integer, a string such as "4 GB" for a size).`,
  },
  CS4014: {
    name: 'submit-cluster-ambiguous',
    severity: 'error',
    message: (a: { names: string }) => `the spec declares several clusters (${a.names}): pick one with \`--cluster\``,
    explain: `\`submit\` sends one TOSCA template, the one of a single cluster. When the spec file declares
more than one cluster, name the one to deploy with --cluster NAME.`,
  },
  CS4101: {
    name: 'orchestrator-rejected',
    severity: 'error',
    message: (a: { status: number; detail: string }) => `the orchestrator rejected the request (${a.status}): ${a.detail}`,
    explain: `The orchestrator answered with a client error such as 400 Bad Request (a required input is
missing, the template does not parse, a field is unknown) or 415. Its message is shown as it came;
fix the request and try again.`,
  },
  CS4102: {
    name: 'orchestrator-unauthorized',
    severity: 'error',
    message: (a: { detail: string }) => `the orchestrator did not accept the access token (401): ${a.detail}`,
    explain: `The token is missing, malformed, expired or issued by an IAM the orchestrator does not
trust. Access tokens live about an hour: get a fresh one (\`oidc-token ACCOUNT\`, or let clusterc
ask oidc-agent through ORCHENT_AGENT_ACCOUNT).`,
  },
  CS4103: {
    name: 'orchestrator-forbidden',
    severity: 'error',
    message: (a: { detail: string }) => `the orchestrator refused the request (403): ${a.detail}`,
    explain: `The token is valid but does not allow this: creating and deleting need the scope
offline_access, and a --group must be one of the groups in the token (INFN Cloud requires a
userGroup). Check the groups of your IAM account, or pick another --group.`,
  },
  CS4104: {
    name: 'deployment-not-found',
    severity: 'error',
    message: (a: { id: string }) => `the orchestrator has no deployment ${tick(a.id)}`,
    explain: `GET, DELETE and the log of a deployment answer 404 when the uuid is unknown, or when the
deployment was deleted: the orchestrator removes the record once a delete completes (there is no
DELETE_COMPLETE state to see).`,
  },
  CS4105: {
    name: 'orchestrator-conflict',
    severity: 'error',
    message: (a: { detail: string }) => `the deployment is in a state that does not allow this (409): ${a.detail}`,
    explain: `The orchestrator refuses an operation that the deployment's state forbids, e.g. deleting
a deployment that is already DELETE_IN_PROGRESS, or updating one that is not complete. Check it with
\`clusterc status ID\` and wait for a final state.`,
  },
  CS4106: {
    name: 'orchestrator-server-error',
    severity: 'error',
    message: (a: { status: number; detail: string }) => `the orchestrator failed (${a.status}): ${a.detail}`,
    explain: `The orchestrator answered with a server error (5xx). The request may or may not have taken
effect: for a submit, list your deployments before submitting again.`,
  },
  CS4107: {
    name: 'orchestrator-unreachable',
    severity: 'error',
    message: (a: { url: string; reason: string }) => `cannot talk to the orchestrator at ${tick(a.url)}: ${a.reason}`,
    explain: `The connection failed (name not resolved, refused, TLS not trusted, or dropped before the
answer was complete). For a private CA set ORCHENT_CAFILE. A dropped submit may still have created a
deployment.`,
  },
  CS4108: {
    name: 'orchestrator-timeout',
    severity: 'error',
    message: (a: { seconds: number }) => `the orchestrator did not answer within ${a.seconds} s`,
    explain: `A request got no complete answer within --request-timeout (default 60 s). The orchestrator
may be overloaded; the operation may still take effect.`,
  },
  CS4109: {
    name: 'orchestrator-bad-answer',
    severity: 'error',
    message: (a: { detail: string }) => `the orchestrator's answer is not what its api defines: ${a.detail}`,
    explain: `The answer was not the JSON document the INDIGO PaaS Orchestrator API defines for this
request (e.g. not JSON, or a deployment without uuid and status). Check that ORCHENT_URL points at
the orchestrator's API root (…/orchestrator), not at a web page.`,
  },
  CS4201: {
    name: 'deployment-failed',
    severity: 'error',
    message: (a: { id: string; status: string; reason: string }) => `deployment ${tick(a.id)} ended in ${a.status}${a.reason ? `: ${a.reason}` : ''}`,
    explain: `The orchestrator reports a final failed state (CREATE_FAILED, UPDATE_FAILED,
DELETE_FAILED) with its statusReason. \`clusterc logs ID\` shows the infrastructure manager's log.
A failed deployment still holds resources until it is deleted.`,
  },
  CS4202: {
    name: 'wait-timeout',
    severity: 'error',
    message: (a: { id: string; status: string; limit: string }) => `deployment ${tick(a.id)} is still ${a.status} after ${a.limit}`,
    explain: `--wait stopped after --wait-timeout without a final state. The deployment itself is not
touched: it goes on, and \`clusterc status ID\` shows where it is.`,
  },
  CS4301: {
    name: 'fmt-syntax-error',
    severity: 'error',
    message: (a: { file: string }) => `${tick(a.file)} has syntax errors: it is left as it is`,
    explain: `\`clusterc fmt\` rewrites only files that parse; the syntax errors are reported with this
one. Fix them (\`clusterc check FILE\`) and run fmt again.`,
  },
  CS4302: {
    name: 'diff-revision-unreadable',
    severity: 'error',
    message: (a: { what: string; reason: string }) => `cannot read ${tick(a.what)} from git: ${a.reason}`,
    explain: `\`clusterc diff REV:FILE NEW\` (or \`diff FILE\`, which compares with HEAD:FILE) reads the old
spec with \`git show REV:./FILE\`, run in the current directory. The revision must exist and hold
the file.`,
  },
  CS4303: {
    name: 'diff-spec-errors',
    severity: 'error',
    message: (a: { which: string }) => `the ${a.which} spec does not compile: nothing to compare`,
    explain: `\`clusterc diff\` compiles both specs and compares their outputs; the errors of the spec
that failed are reported above this one.`,
  },
});
