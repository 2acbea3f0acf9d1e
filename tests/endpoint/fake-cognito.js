'use strict';
// A Cognito stand-in for the error paths cognito-local cannot produce. It answers exactly as Cognito does
// (HTTP status, __type, message, x-amzn-RequestId) and checks every request's SigV4 signature with the
// AWS JS SDK's signer, for the test key or temporary credentials (temporary-credentials.js; an expired session token is
// ExpiredTokenException, as AWS answers). What it answers depends on the user name, so one run can mix outcomes:
//   invalid-password, password-history, invalid-parameter, throttled, internal-error, not-authorized,
//   prefixed-not-found (a namespaced __type), unknown-code, malformed-reply, echo-password (a message that
//   repeats the submitted password), throttled-twice (two throttles, then success); anything else succeeds.
// Pool ids ending in _NoSuchPool answer ResourceNotFoundException.
// Any other pool id holds users in memory for the user lifecycle operations (AdminCreateUser, AdminGetUser,
// AdminDeleteUser, AdminEnable/DisableUser, AdminResetUserPassword, AdminConfirmSignUp, AdminUpdate/DeleteUserAttributes,
// AdminUserGlobalSignOut), with Cognito's rules and messages (UsernameExists, the password policy, RESEND only to
// FORCE_CHANGE_PASSWORD users, a reset needs a verified email or phone, "User is disabled.", "User cannot be confirmed.
// Current status is ..."). Operations without reply members answer HTTP 200 with an empty body, as the API reference
// describes. The scripted user names above answer their error in every per-user operation.
// Groups, too: CreateGroup (GroupExists for a taken name), GetGroup, UpdateGroup (as Cognito: what is not sent is reset),
// DeleteGroup, AdminAddUserToGroup / AdminRemoveUserFromGroup (the user found by name, alias or sub; adding twice or
// removing a non-member succeeds), and ListGroups, ListUsersInGroup, AdminListGroupsForUser, which page as Cognito does
// (Limit 1-60, opaque NextToken, a short or empty page before the end). A missing group is ResourceNotFoundException
// "Group not found.", as is a missing pool ("User pool ... does not exist."). DescribeUserPool answers for these pools.
// The help desk's operations (MFA, devices, sign-in events, linked identities, refresh after a global sign-out) are
// answered by help-desk.js, and the import jobs (with their S3 upload at PUT /upload/<job id>) by import-jobs.js, on
// the same stored users. DescribeUserPool lists the pool's SchemaAttributes, custom ones included.
// POST /__seed {"pool": id, "users": [{Username, UserStatus, Enabled, Attributes: [{Name, Value}], DaysOld,
//                 SoftwareToken, EnabledMfa, PreferredMfa, Devices, AuthEvents, RefreshTokens}],
//               "groups": [{GroupName, Description, Precedence, RoleArn, Members: [usernames]}],
//               "settings": {ThreatProtection, TemporaryPasswordValidityDays, Providers: [{ProviderName, ProviderType}],
//                            CustomAttributes: ["custom:team"], UsernameAttributes: ["email"]}}
//   stores them as given.
// ListUsers / DescribeUserPool on a pool id ending in _Paged<N> serve N generated users and page exactly as Cognito
// does: Limit 1-60 (else InvalidParameterException), opaque tokens tied to the pool, pages that may be short, and
// one empty page (with a token) after the first; Filter as Cognito parses it (one attribute, = or ^=, "quoted").
// Their subs look random, so sub ^= "0" … "f" split them into 16 similar partitions; a pool id ending in
// _Paged<N>_ExactSub stands for an endpoint that refuses a sub prefix filter (InvalidParameterException), and one
// ending in _Paged<N>_FullPages serves every page full (no empty or short pages), as Cognito mostly does.
// On any other pool ListUsers pages the stored users the same way.
// GET /__stats reports request counts (and the Limit of each ListUsers, the requests per ListUsers filter, the messages sent per user, the global sign-outs);
// POST /__reset clears them and the stored users.
// Usage: HOST=127.0.0.1 PORT=<p> node fake-cognito.js
const http = require('http');
const crypto = require('crypto');
const { signatureProblem, signedBy } = require('./sigv4');
const { secretOf, tokenProblem } = require('./temporary-credentials');
const helpDeskOperations = require('./help-desk');
const importJobOperations = require('./import-jobs');

const targetPrefix = 'AWSCognitoIdentityProviderService.';
let stats;
const pools = new Map(); // pool id -> Map(username -> user)
const groupStore = new Map(); // pool id -> Map(group name -> group)
const poolSettings = new Map(); // pool id -> { threatProtection, temporaryPasswordValidityDays, providers, customAttributes, usernameAttributes }
let importJobs = null; // import-jobs.js, once the store's helpers exist
resetStats();

function resetStats() {
  stats = { requests: 0, byUser: {}, byOperation: {}, signatureFailures: 0, listUsersLimits: [], listUsersFilters: {}, messages: {}, globalSignOuts: {}, emptyReplies: 0 };
  pools.clear();
  groupStore.clear();
  poolSettings.clear();
  if (importJobs) importJobs.reset();
}

function settingsOf(pool) {
  return poolSettings.get(pool) || { threatProtection: false, temporaryPasswordValidityDays: undefined, providers: [], customAttributes: [], usernameAttributes: [] };
}

const scripted = {
  'invalid-password': [400, 'InvalidPasswordException', 'Password does not conform to policy: Password not long enough'],
  'password-history': [400, 'PasswordHistoryPolicyViolationException', 'The password must not match a recently used password.'],
  'invalid-parameter': [400, 'InvalidParameterException', 'Invalid attributes given.'],
  'throttled': [400, 'TooManyRequestsException', 'Too many requests'],
  'internal-error': [500, 'InternalErrorException', 'Internal server error.'],
  'not-authorized': [400, 'NotAuthorizedException', 'Access to the requested resource is not authorized.'],
  'prefixed-not-found': [400, 'com.amazonaws.cognito.identity.idp.model#UserNotFoundException', 'User does not exist.'],
  'unknown-code': [400, 'BrandNewFeatureException', 'A code this client has never seen.'],
  'username-exists': [400, 'UsernameExistsException', 'User account already exists'],
  'alias-exists': [400, 'AliasExistsException', 'An account with the given email already exists.'],
  'unsupported-state': [400, 'UnsupportedUserStateException', 'Resend not possible. alias-exists status is not FORCE_CHANGE_PASSWORD'],
  'not-confirmed': [400, 'UserNotConfirmedException', 'User is not confirmed.'],
  'reset-required': [400, 'PasswordResetRequiredException', 'Password reset required for the user'],
  'limit-exceeded': [400, 'LimitExceededException', 'Attempt limit exceeded, please try after some time.'],
  'too-many-failed': [400, 'TooManyFailedAttemptsException', 'Too many failed attempts.'],
  'code-delivery': [400, 'CodeDeliveryFailureException', 'Unable to deliver message to +15550100.'],
  'lambda-validation': [400, 'UserLambdaValidationException', 'PreSignUp failed with error Team is required.'],
  'unexpected-lambda': [400, 'UnexpectedLambdaException', 'PreSignUp invocation failed due to error AccessDeniedException.'],
  'invalid-lambda': [400, 'InvalidLambdaResponseException', 'Unrecognizable lambda output'],
  'precondition': [400, 'PreconditionNotMetException', 'The precondition was not met.'],
  'sms-role': [400, 'InvalidSmsRoleAccessPolicyException', 'Role does not have permission to publish with SNS'],
  'disabled-user': [400, 'NotAuthorizedException', 'User is disabled.'],
};

function reply(res, status, body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'x-amzn-RequestId': crypto.randomUUID(),
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function fail(res, status, type, message) {
  reply(res, status, { __type: type, message });
}

async function handle(req, res, body) {
  if (req.method === 'GET' && req.url === '/__stats') return reply(res, 200, { ...stats, ...importJobs.stats });
  if (req.url.startsWith('/upload/')) return importJobs.upload(req, res, body);
  if (req.method === 'POST' && req.url === '/__reset') { resetStats(); return reply(res, 200, {}); }
  if (req.method === 'POST' && req.url === '/__seed') { seed(JSON.parse(body.toString('utf8'))); return reply(res, 200, {}); }

  stats.requests++;
  const problem = await signatureProblem(req, body, secretOf) || tokenProblem(signedBy(req), req.headers['x-amz-security-token']);
  if (problem) {
    stats.signatureFailures++;
    return fail(res, problem[0] === 'InvalidSignatureException' ? 403 : 400, problem[0], problem[1]);
  }
  const target = req.headers['x-amz-target'] || '';
  if (!target.startsWith(targetPrefix) || req.headers['content-type'] !== 'application/x-amz-json-1.1') {
    return fail(res, 400, 'UnknownOperationException', 'Unknown operation');
  }
  const operation = target.slice(targetPrefix.length);
  stats.byOperation[operation] = (stats.byOperation[operation] || 0) + 1;
  let input;
  try { input = JSON.parse(body.toString('utf8')); } catch { return fail(res, 400, 'SerializationException', 'Malformed JSON'); }

  if (operation === 'ListUsers') return listUsers(res, input);
  if (operation === 'DescribeUserPool') return describeUserPool(res, input);
  if (lifecycle[operation] || helpDesk.userOperations[operation]) return userOperation(res, operation, input);
  if (helpDesk.poolOperations[operation]) return poolOperation(res, helpDesk.poolOperations[operation], input);
  if (importJobs.operations[operation]) return poolOperation(res, importJobs.operations[operation], input);
  if (groupOperations[operation]) return groupOperation(res, operation, input);
  if (operation !== 'AdminSetUserPassword') return fail(res, 400, 'UnknownOperationException', `Unsupported here: ${operation}`);
  if (typeof input.UserPoolId !== 'string' || typeof input.Username !== 'string' || typeof input.Password !== 'string') {
    return fail(res, 400, 'InvalidParameterException', 'UserPoolId, Username and Password are required strings.');
  }
  const user = input.Username;
  const seen = (stats.byUser[user] = (stats.byUser[user] || 0) + 1);
  if (input.UserPoolId.endsWith('_NoSuchPool')) {
    return fail(res, 400, 'ResourceNotFoundException', `User pool ${input.UserPoolId} does not exist.`);
  }
  if (scripted[user]) return fail(res, ...scripted[user]);
  if (user === 'throttled-twice' && seen <= 2) return fail(res, 400, 'TooManyRequestsException', 'Too many requests');
  if (user === 'malformed-reply') return reply(res, 502, '<html><body>Bad gateway</body></html>');
  if (user === 'echo-password') {
    return fail(res, 400, 'InvalidParameterException', `1 validation error detected: Value '${input.Password}' at 'password' failed to satisfy constraint`);
  }
  const stored = pools.get(input.UserPoolId)?.get(user);
  if (stored) {
    stored.UserStatus = input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    stored.UserLastModifiedDate = now();
  }
  return reply(res, 200, {});
}

// ---- the user store: the admin user operations as Cognito answers them ----
const defaultPolicy = { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
const now = () => Math.round(Date.now() / 10) / 100;
const attr = (u, name) => u.Attributes.find((a) => a.Name === name)?.Value;
const helpDesk = helpDeskOperations({ attr, now, settingsOf, pageOf, findUser });
importJobs = importJobOperations({ now, pools, settingsOf, newUser: (...args) => newUser(...args), listenAddress: () => `127.0.0.1:${server.address().port}` });

function setAttributes(u, attributes) {
  for (const { Name, Value } of attributes || []) {
    const existing = u.Attributes.find((a) => a.Name === Name);
    if (existing) existing.Value = Value; else u.Attributes.push({ Name, Value });
  }
}

function policyProblem(password) {
  const p = defaultPolicy;
  if (password.length < p.MinimumLength) return 'Password not long enough';
  if (p.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (p.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (p.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (p.RequireSymbols && !/[^A-Za-z0-9]/.test(password)) return 'Password must have symbol characters';
  return null;
}

function userType(u) {
  return { Username: u.Username, Attributes: u.Attributes, UserCreateDate: u.UserCreateDate, UserLastModifiedDate: u.UserLastModifiedDate, Enabled: u.Enabled, UserStatus: u.UserStatus };
}

function newUser(username, status, attributes, given) {
  const u = { Username: username, Attributes: [{ Name: 'sub', Value: crypto.randomUUID() }], UserStatus: status, Enabled: true, UserCreateDate: now(), UserLastModifiedDate: now() };
  setAttributes(u, attributes);
  helpDesk.helpDeskState(u, given);
  return u;
}

function sendMessage(u) { stats.messages[u.Username] = (stats.messages[u.Username] || 0) + 1; }

// Each returns [status, body] or [status, __type, message]; a body of null is the empty reply of an operation without members.
const lifecycle = {
  AdminCreateUser(users, input) {
    const existing = users.get(input.Username);
    if (input.MessageAction === 'RESEND') {
      if (!existing) return [400, 'UserNotFoundException', 'User does not exist.'];
      if (existing.UserStatus !== 'FORCE_CHANGE_PASSWORD') return [400, 'UnsupportedUserStateException', `Resend not possible. ${input.Username} status is not FORCE_CHANGE_PASSWORD`];
      sendMessage(existing);
      return [200, { User: userType(existing) }];
    }
    if (existing) return [400, 'UsernameExistsException', 'User account already exists'];
    if (input.TemporaryPassword !== undefined) {
      const problem = policyProblem(input.TemporaryPassword);
      if (problem) return [400, 'InvalidPasswordException', `Password does not conform to policy: ${problem}`];
    }
    const u = newUser(input.Username, 'FORCE_CHANGE_PASSWORD', input.UserAttributes);
    if (input.MessageAction !== 'SUPPRESS') {
      const mediums = input.DesiredDeliveryMediums || ['SMS'];
      const reachable = (mediums.includes('EMAIL') && attr(u, 'email')) || (mediums.includes('SMS') && attr(u, 'phone_number'));
      if (!reachable) return [400, 'InvalidParameterException', 'User has no attribute matching desired delivery mediums'];
      sendMessage(u);
    }
    users.set(u.Username, u);
    return [200, { User: userType(u) }];
  },
  AdminGetUser: (users, input, u) => [200, { ...userType(u), UserAttributes: u.Attributes, Attributes: undefined, ...helpDesk.mfaOf(u) }],
  AdminDeleteUser(users, input, u) { users.delete(u.Username); return [200, null]; },
  AdminEnableUser(users, input, u) { u.Enabled = true; return [200, null]; },
  AdminDisableUser(users, input, u) { u.Enabled = false; return [200, null]; },
  AdminResetUserPassword(users, input, u) {
    if (!u.Enabled) return [400, 'NotAuthorizedException', 'User is disabled.'];
    if (attr(u, 'email_verified') !== 'true' && attr(u, 'phone_number_verified') !== 'true') {
      return [400, 'InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number'];
    }
    u.UserStatus = 'RESET_REQUIRED';
    sendMessage(u);
    return [200, null];
  },
  AdminConfirmSignUp(users, input, u) {
    if (u.UserStatus !== 'UNCONFIRMED') return [400, 'NotAuthorizedException', `User cannot be confirmed. Current status is ${u.UserStatus}`];
    u.UserStatus = 'CONFIRMED';
    return [200, null];
  },
  AdminUpdateUserAttributes(users, input, u) {
    const given = input.UserAttributes || [];
    setAttributes(u, given);
    if (given.some((a) => a.Name === 'email') && !given.some((a) => a.Name === 'email_verified')) setAttributes(u, [{ Name: 'email_verified', Value: 'false' }]);
    return [200, null];
  },
  AdminDeleteUserAttributes(users, input, u) {
    u.Attributes = u.Attributes.filter((a) => !(input.UserAttributeNames || []).includes(a.Name));
    return [200, null];
  },
  AdminUserGlobalSignOut(users, input, u) {
    stats.globalSignOuts[u.Username] = (stats.globalSignOuts[u.Username] || 0) + 1;
    helpDesk.signOut(u);
    return [200, null];
  },
};

const readOnly = new Set(['AdminGetUser', 'AdminGetUserAuthFactors', 'AdminListDevices', 'AdminListUserAuthEvents']);

function userOperation(res, operation, input) {
  if (typeof input.UserPoolId !== 'string' || typeof input.Username !== 'string') {
    return fail(res, 400, 'InvalidParameterException', 'UserPoolId and Username are required strings.');
  }
  if (input.UserPoolId.endsWith('_NoSuchPool')) return fail(res, 400, 'ResourceNotFoundException', `User pool ${input.UserPoolId} does not exist.`);
  const unknown = helpDesk.unknownOnLegacyPool(operation, input);
  if (unknown) return fail(res, ...unknown);
  const name = input.Username;
  stats.byUser[name] = (stats.byUser[name] || 0) + 1;
  if (scripted[name]) return fail(res, ...scripted[name]);
  if (name === 'throttled-twice' && stats.byUser[name] <= 2) return fail(res, 400, 'TooManyRequestsException', 'Too many requests');
  if (name === 'malformed-reply') return reply(res, 502, '<html><body>Bad gateway</body></html>');
  if (!pools.has(input.UserPoolId)) pools.set(input.UserPoolId, new Map());
  const users = pools.get(input.UserPoolId);
  const u = users.get(name);
  if (!u && operation !== 'AdminCreateUser') return fail(res, 400, 'UserNotFoundException', 'User does not exist.');
  const [status, ...rest] = (lifecycle[operation] || helpDesk.userOperations[operation])(users, input, u);
  if (rest.length === 2) return fail(res, status, rest[0], rest[1]);
  if (u && !readOnly.has(operation)) u.UserLastModifiedDate = now();
  if (rest[0] !== null) return reply(res, status, rest[0]);
  stats.emptyReplies++;
  return reply(res, status, '');
}

function seed(input) {
  if (!pools.has(input.pool)) pools.set(input.pool, new Map());
  if (input.settings) {
    const { ThreatProtection, TemporaryPasswordValidityDays, Providers, CustomAttributes, UsernameAttributes } = input.settings;
    poolSettings.set(input.pool, { threatProtection: ThreatProtection === true, temporaryPasswordValidityDays: TemporaryPasswordValidityDays, providers: Providers || [],
      customAttributes: CustomAttributes || [], usernameAttributes: UsernameAttributes || [] });
  }
  for (const given of input.users || []) {
    const u = newUser(given.Username, given.UserStatus || 'CONFIRMED', given.Attributes, given);
    if (given.Enabled === false) u.Enabled = false;
    if (given.DaysOld !== undefined) u.UserCreateDate = u.UserLastModifiedDate = now() - 86400 * given.DaysOld;
    pools.get(input.pool).set(u.Username, u);
  }
  for (const given of input.groups || []) {
    const g = newGroup(given);
    for (const name of given.Members || []) g.members.add(name);
    groupsOf(input.pool).set(g.GroupName, g);
  }
}

// ---- groups ----
function groupsOf(pool) {
  if (!groupStore.has(pool)) groupStore.set(pool, new Map());
  return groupStore.get(pool);
}

function newGroup(input) {
  return { GroupName: input.GroupName, Description: input.Description, Precedence: input.Precedence, RoleArn: input.RoleArn, CreationDate: now(), LastModifiedDate: now(), members: new Set() };
}

function groupType(pool, g) {
  return { GroupName: g.GroupName, UserPoolId: pool, Description: g.Description, Precedence: g.Precedence, RoleArn: g.RoleArn, CreationDate: g.CreationDate, LastModifiedDate: g.LastModifiedDate };
}

// A user named by user name, email alias or sub, as Cognito resolves it.
function findUser(pool, name) {
  const users = pools.get(pool) || new Map();
  if (users.has(name)) return users.get(name);
  for (const u of users.values()) if (attr(u, 'email') === name || attr(u, 'sub') === name) return u;
  return null;
}

findUser.all = (pool) => (pools.get(pool) || new Map()).values();

// Cognito's paging: Limit 1-60, an opaque token tied to the pool and the list, an empty page after the first and a
// short page every fourth, so a client must follow the token rather than count.
// The request's members are named per operation (Limit or MaxResults, NextToken or PaginationToken); where the reference
// allows a limit of 0, it means the default. Returns [status, body] or [status, __type, message].
function pageOf(input, list, items, name, { limit: limitName = 'Limit', token: tokenName = 'NextToken', allowZero = false } = {}) {
  const given = input[limitName];
  const limit = given === undefined || (allowZero && given === 0) ? 60 : given;
  if (!Number.isInteger(limit) || limit < 1 || limit > 60) {
    return [400, 'InvalidParameterException', `1 validation error detected: Value '${given}' at '${limitName[0].toLowerCase()}${limitName.slice(1)}' failed to satisfy constraint`];
  }
  let position = { next: 0, page: 0 };
  if (input[tokenName] !== undefined) {
    try {
      position = JSON.parse(Buffer.from(input[tokenName], 'base64').toString('utf8'));
      if (position.list !== list) throw new Error('token of another list');
    } catch {
      return [400, 'InvalidParameterException', 'Invalid pagination token.'];
    }
  }
  const wanted = position.page === 1 ? 0 : position.page % 4 === 3 ? Math.ceil(limit / 2) : limit;
  const body = { [name]: items.slice(position.next, position.next + wanted) };
  const next = position.next + wanted;
  if (next < items.length) body[tokenName] = Buffer.from(JSON.stringify({ list, next, page: position.page + 1, nonce: crypto.randomBytes(4).toString('hex') })).toString('base64');
  return [200, body];
}

function page(res, input, list, items, name, members) {
  const [status, ...rest] = pageOf(input, list, items, name, members);
  return rest.length === 2 ? fail(res, status, ...rest) : reply(res, status, rest[0]);
}

const groupOperations = {
  CreateGroup(res, input, groups) {
    if (groups.has(input.GroupName)) return fail(res, 400, 'GroupExistsException', 'A group with the name already exists.');
    const g = newGroup(input);
    groups.set(g.GroupName, g);
    return reply(res, 200, { Group: groupType(input.UserPoolId, g) });
  },
  GetGroup: (res, input, groups, g) => reply(res, 200, { Group: groupType(input.UserPoolId, g) }),
  UpdateGroup(res, input, groups, g) {
    // As Cognito: a property the request leaves out is reset.
    Object.assign(g, { Description: input.Description, Precedence: input.Precedence, RoleArn: input.RoleArn, LastModifiedDate: now() });
    return reply(res, 200, { Group: groupType(input.UserPoolId, g) });
  },
  DeleteGroup(res, input, groups, g) { groups.delete(g.GroupName); stats.emptyReplies++; return reply(res, 200, ''); },
  ListGroups: (res, input, groups) => page(res, input, `groups:${input.UserPoolId}`, [...groups.values()].map((g) => groupType(input.UserPoolId, g)), 'Groups'),
  ListUsersInGroup: (res, input, groups, g) => page(res, input, `members:${input.UserPoolId}:${g.GroupName}`,
    [...g.members].map((name) => pools.get(input.UserPoolId)?.get(name)).filter(Boolean).map(userType), 'Users'),
  AdminAddUserToGroup(res, input, groups, g, u) { g.members.add(u.Username); stats.emptyReplies++; return reply(res, 200, ''); },
  AdminRemoveUserFromGroup(res, input, groups, g, u) { g.members.delete(u.Username); stats.emptyReplies++; return reply(res, 200, ''); },
  AdminListGroupsForUser: (res, input, groups, g, u) => page(res, input, `of:${input.UserPoolId}:${u.Username}`,
    [...groups.values()].filter((x) => x.members.has(u.Username)).map((x) => groupType(input.UserPoolId, x)), 'Groups'),
};
const needsGroup = new Set(['GetGroup', 'UpdateGroup', 'DeleteGroup', 'ListUsersInGroup', 'AdminAddUserToGroup', 'AdminRemoveUserFromGroup']);
const needsUser = new Set(['AdminAddUserToGroup', 'AdminRemoveUserFromGroup', 'AdminListGroupsForUser']);

function poolOperation(res, handler, input) {
  if (typeof input.UserPoolId !== 'string') return fail(res, 400, 'InvalidParameterException', 'UserPoolId is required.');
  if (input.UserPoolId.endsWith('_NoSuchPool')) return fail(res, 400, 'ResourceNotFoundException', `User pool ${input.UserPoolId} does not exist.`);
  const [status, ...rest] = handler(input);
  return rest.length === 2 ? fail(res, status, ...rest) : reply(res, status, rest[0] === null ? '' : rest[0]);
}

function groupOperation(res, operation, input) {
  if (typeof input.UserPoolId !== 'string') return fail(res, 400, 'InvalidParameterException', 'UserPoolId is required.');
  if (input.UserPoolId.endsWith('_NoSuchPool')) return fail(res, 400, 'ResourceNotFoundException', `User pool ${input.UserPoolId} does not exist.`);
  if (input.Username !== undefined) {
    stats.byUser[input.Username] = (stats.byUser[input.Username] || 0) + 1;
    if (scripted[input.Username]) return fail(res, ...scripted[input.Username]);
  }
  const groups = groupsOf(input.UserPoolId);
  const g = groups.get(input.GroupName);
  if (needsGroup.has(operation) && !g) return fail(res, 400, 'ResourceNotFoundException', 'Group not found.');
  const u = needsUser.has(operation) ? findUser(input.UserPoolId, input.Username) : null;
  if (needsUser.has(operation) && !u) return fail(res, 400, 'UserNotFoundException', 'User does not exist.');
  return groupOperations[operation](res, input, groups, g, u);
}

// ---- the paging pool: users made up on demand, so 100,000 of them cost nothing to hold ----
function pagedPoolSize(poolId) {
  const m = /_Paged(\d+)(?:_ExactSub|_FullPages)?$/.exec(poolId || '');
  return m ? Number(m[1]) : null;
}

// A sub as Cognito makes them (a random-looking lowercase UUID), but the same for the same user on every call.
function pagedSub(i) {
  const hex = crypto.createHash('md5').update(`sub-${i}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function pagedUser(i) {
  const name = `user-${String(i).padStart(6, '0')}`;
  const epoch = 1767225600 + i; // 2026-01-01 + i seconds
  return {
    Username: name,
    Attributes: [
      { Name: 'sub', Value: pagedSub(i) },
      { Name: 'email', Value: `${name}@example.com` },
    ],
    UserCreateDate: epoch,
    UserLastModifiedDate: epoch + 0.5,
    Enabled: i % 10 !== 0,
    UserStatus: i % 3 === 0 ? 'FORCE_CHANGE_PASSWORD' : 'CONFIRMED',
  };
}

// Cognito's filter grammar: attribute, = or ^=, a double-quoted value in which \" and \\ are escapes.
function parseFilter(filter) {
  if (!filter) return () => true;
  const m = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!m) return null;
  const [, attribute, op, raw] = m;
  const value = raw.replace(/\\(.)/g, '$1');
  const field = {
    username: (u) => u.Username,
    email: (u) => u.Attributes.find((a) => a.Name === 'email')?.Value,
    sub: (u) => u.Attributes.find((a) => a.Name === 'sub')?.Value,
    'cognito:user_status': (u) => u.UserStatus.toLowerCase(),
    status: (u) => (u.Enabled ? 'Enabled' : 'Disabled'),
  }[attribute];
  if (!field) return null;
  const wanted = attribute === 'cognito:user_status' ? value.toLowerCase() : value;
  return (u) => (op === '=' ? field(u) === wanted : (field(u) || '').startsWith(wanted));
}

function listUsers(res, input) {
  const size = pagedPoolSize(input.UserPoolId);
  if (size === null) return listStoredUsers(res, input);
  const limit = input.Limit === undefined ? 60 : input.Limit;
  stats.listUsersLimits.push(limit);
  const filterKey = input.Filter || '(none)'; // PowerShell's JSON reader refuses an empty property name
  stats.listUsersFilters[filterKey] = (stats.listUsersFilters[filterKey] || 0) + 1;
  if (!Number.isInteger(limit) || limit < 1 || limit > 60) {
    return fail(res, 400, 'InvalidParameterException', `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60`);
  }
  const matches = parseFilter(input.Filter);
  if (!matches) return fail(res, 400, 'InvalidParameterException', 'Error while parsing filter.');
  if (/_ExactSub$/.test(input.UserPoolId) && /^\s*sub\s*\^=/.test(input.Filter || '')) {
    return fail(res, 400, 'InvalidParameterException', 'Filter operator ^= is not supported for attribute sub.');
  }
  let position = { next: 1, page: 0 };
  if (input.PaginationToken !== undefined) {
    try {
      position = JSON.parse(Buffer.from(input.PaginationToken, 'base64').toString('utf8'));
      if (position.pool !== input.UserPoolId) throw new Error('token of another pool');
    } catch {
      return fail(res, 400, 'InvalidParameterException', 'Invalid pagination token.');
    }
  }
  const users = [];
  let next = position.next;
  // Page 1 (the second) comes back empty, every fourth page is short: clients must follow the token, not count.
  // A pool id ending in _FullPages pages as Cognito mostly does, every page full, for rate benchmarks.
  const fullPages = input.UserPoolId.endsWith('_FullPages');
  const wanted = fullPages ? limit : position.page === 1 ? 0 : position.page % 4 === 3 ? Math.ceil(limit / 2) : limit;
  while (users.length < wanted && next <= size) {
    const user = pagedUser(next++);
    if (matches(user)) users.push(user);
  }
  const body = { Users: users };
  if (next <= size) {
    const token = { pool: input.UserPoolId, next, page: position.page + 1, nonce: crypto.randomBytes(6).toString('hex') };
    body.PaginationToken = Buffer.from(JSON.stringify(token)).toString('base64');
  }
  return reply(res, 200, body);
}

// ListUsers on a pool of stored users: the same filter grammar and paging as Cognito.
function listStoredUsers(res, input) {
  if (typeof input.UserPoolId !== 'string' || input.UserPoolId.endsWith('_NoSuchPool') || !pools.has(input.UserPoolId)) {
    return fail(res, 400, 'ResourceNotFoundException', `User pool ${input.UserPoolId} does not exist.`);
  }
  stats.listUsersLimits.push(input.Limit === undefined ? 60 : input.Limit);
  const matches = parseFilter(input.Filter);
  if (!matches) return fail(res, 400, 'InvalidParameterException', 'Error while parsing filter.');
  const users = [...pools.get(input.UserPoolId).values()].filter(matches).map(userType);
  return page(res, input, `users:${input.UserPoolId}:${input.Filter || ''}`, users, 'Users', { limit: 'Limit', token: 'PaginationToken' });
}

// SchemaAttributes as DescribeUserPool lists them: sub, the standard attributes, then the pool's custom ones ("custom:team").
function schemaAttributes(pool) {
  return ['sub', ...importJobs.schemaOf(pool)].map((Name) => ({ Name, AttributeDataType: Name.endsWith('_verified') ? 'Boolean' : 'String', Mutable: Name !== 'sub' }));
}

function describeUserPool(res, input) {
  const size = pagedPoolSize(input.UserPoolId);
  if (size === null && (typeof input.UserPoolId !== 'string' || input.UserPoolId.endsWith('_NoSuchPool'))) {
    return fail(res, 400, 'ResourceNotFoundException', `User pool ${input.UserPoolId} does not exist.`);
  }
  if (size === null) {
    const count = pools.get(input.UserPoolId)?.size || 0;
    const settings = settingsOf(input.UserPoolId);
    return reply(res, 200, {
      UserPool: {
        Id: input.UserPoolId, Name: 'stand-in', EstimatedNumberOfUsers: count, SchemaAttributes: schemaAttributes(input.UserPoolId),
        UsernameAttributes: settings.usernameAttributes.length ? settings.usernameAttributes : undefined,
        Policies: { PasswordPolicy: { ...defaultPolicy, TemporaryPasswordValidityDays: settings.temporaryPasswordValidityDays } },
        UserPoolAddOns: { AdvancedSecurityMode: settings.threatProtection ? 'ENFORCED' : 'OFF' },
      },
    });
  }
  return reply(res, 200, {
    UserPool: {
      Id: input.UserPoolId, Name: `paged-${size}`, EstimatedNumberOfUsers: size, CreationDate: 1767225600, LastModifiedDate: 1767225600,
      SchemaAttributes: schemaAttributes(input.UserPoolId),
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false, TemporaryPasswordValidityDays: 7 } },
    },
  });
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    handle(req, res, Buffer.concat(chunks)).catch((err) => fail(res, 500, 'InternalErrorException', String(err)));
  });
});
server.keepAliveTimeout = 30000;
server.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: server.address().port }));
});
