'use strict';
// The help desk's operations for fake-cognito.js, which cognito-local does not implement, answered as the Cognito API
// reference describes them:
//   AdminGetUserAuthFactors, AdminSetUserMFAPreference (enabling TOTP needs a registered authenticator; one preferred
//   method), AdminDeleteSoftwareToken (the authenticator and TOTP MFA go; deleting none succeeds), AdminListDevices
//   (Limit 0-60, PaginationToken), AdminForgetDevice (ResourceNotFoundException for an unknown device),
//   AdminListUserAuthEvents (MaxResults 0-60, NextToken, newest first; UserPoolAddOnNotEnabledException unless the pool has
//   threat protection), AdminLinkProviderForUser / AdminDisableProviderForUser (the identities attribute, as Cognito
//   writes it), and AdminInitiateAuth REFRESH_TOKEN_AUTH (refused once AdminUserGlobalSignOut revoked the user's tokens).
// A pool id ending in _Legacy is an older endpoint: AdminDeleteSoftwareToken and AdminGetUserAuthFactors are unknown there.
const crypto = require('crypto');

const mfaMethods = { SMSMfaSettings: 'SMS_MFA', SoftwareTokenMfaSettings: 'SOFTWARE_TOKEN_MFA', EmailMfaSettings: 'EMAIL_OTP' };
const newerOperations = new Set(['AdminDeleteSoftwareToken', 'AdminGetUserAuthFactors']);
const invalid = (message) => [400, 'InvalidParameterException', message];

// The help-desk state a user carries beside its attributes; seeded users may bring any of it.
function helpDeskState(u, given = {}, now) {
  u.softwareToken = given.SoftwareToken === true;
  u.enabledMfa = new Set(given.EnabledMfa || []);
  u.preferredMfa = given.PreferredMfa || null;
  u.devices = (given.Devices || []).map((d) => deviceType(d, now));
  u.authEvents = (given.AuthEvents || []).map((e, i) => authEventType(e, i, now)).sort((a, b) => b.CreationDate - a.CreationDate);
  u.refreshTokens = new Set(given.RefreshTokens || []);
}

function deviceType(d, now) {
  const created = now() - 86400 * (d.DaysAgo || 1);
  return {
    DeviceKey: d.DeviceKey,
    DeviceAttributes: [
      { Name: 'device_name', Value: d.Name || 'Firefox on Linux' },
      { Name: 'device_status', Value: d.Remembered === false ? 'not_remembered' : 'remembered' },
      { Name: 'last_ip_used', Value: d.IpAddress || '198.51.100.7' },
    ],
    DeviceCreateDate: created,
    DeviceLastModifiedDate: created,
    DeviceLastAuthenticatedDate: now() - 60 * (d.MinutesAgo || 5),
  };
}

function authEventType(e, i, now) {
  return {
    EventId: e.EventId || crypto.randomUUID(),
    EventType: e.EventType || 'SignIn',
    CreationDate: now() - 60 * (e.MinutesAgo ?? (i + 1) * 30),
    EventResponse: e.Response || 'Pass',
    EventRisk: { RiskDecision: e.RiskDecision || 'NoRisk', RiskLevel: e.RiskLevel || 'Low', CompromisedCredentialsDetected: false },
    ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: e.Response === 'Fail' ? 'Failure' : 'Success' }],
    EventContextData: { IpAddress: e.IpAddress || '198.51.100.7', DeviceName: e.DeviceName || 'Chrome, Windows', City: e.City || 'Dublin', Country: e.Country || 'Ireland' },
  };
}

function mfaOf(u) {
  return { PreferredMfaSetting: u.preferredMfa || undefined, UserMFASettingList: u.enabledMfa.size ? [...u.enabledMfa] : undefined };
}

module.exports = ({ attr, now, settingsOf, pageOf, findUser }) => {
  // Each: (users, input, u) -> [status, body] or [status, __type, message], as fake-cognito's lifecycle table.
  const userOperations = {
    AdminGetUserAuthFactors(users, input, u) {
      const factors = ['PASSWORD'];
      if (attr(u, 'email_verified') === 'true') factors.push('EMAIL_OTP');
      if (attr(u, 'phone_number_verified') === 'true') factors.push('SMS_OTP');
      if (u.softwareToken) factors.push('SOFTWARE_TOKEN');
      return [200, { Username: u.Username, ...mfaOf(u), ConfiguredUserAuthFactors: factors }];
    },
    AdminSetUserMFAPreference(users, input, u) {
      const given = Object.keys(mfaMethods).filter((member) => input[member] !== undefined);
      if (given.filter((member) => input[member].PreferredMfa === true).length > 1) return invalid('Only one MFA method can be set as preferred.');
      if (input.SoftwareTokenMfaSettings?.Enabled === true && !u.softwareToken) return invalid('User has not verified software token mfa');
      for (const member of given) {
        const method = mfaMethods[member];
        const { Enabled, PreferredMfa } = input[member];
        if (Enabled === true) u.enabledMfa.add(method);
        if (Enabled === false) u.enabledMfa.delete(method);
        if (PreferredMfa === true && u.enabledMfa.has(method)) u.preferredMfa = method;
        if ((PreferredMfa === false || !u.enabledMfa.has(method)) && u.preferredMfa === method) u.preferredMfa = null;
      }
      return [200, null];
    },
    AdminDeleteSoftwareToken(users, input, u) {
      u.softwareToken = false;
      u.enabledMfa.delete('SOFTWARE_TOKEN_MFA');
      if (u.preferredMfa === 'SOFTWARE_TOKEN_MFA') u.preferredMfa = null;
      return [200, null];
    },
    AdminListDevices: (users, input, u) =>
      pageOf(input, `devices:${input.UserPoolId}:${u.Username}`, u.devices, 'Devices', { limit: 'Limit', token: 'PaginationToken', allowZero: true }),
    AdminForgetDevice(users, input, u) {
      if (typeof input.DeviceKey !== 'string' || !/^[\w-]+_[0-9a-f-]+$/.test(input.DeviceKey) || input.DeviceKey.length > 55) {
        return invalid(`1 validation error detected: Value '${input.DeviceKey}' at 'deviceKey' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-f-]+`);
      }
      const index = u.devices.findIndex((d) => d.DeviceKey === input.DeviceKey);
      if (index < 0) return [400, 'ResourceNotFoundException', 'Device does not exist.'];
      u.devices.splice(index, 1);
      return [200, null];
    },
    AdminListUserAuthEvents(users, input, u) {
      if (!settingsOf(input.UserPoolId).threatProtection) {
        return [400, 'UserPoolAddOnNotEnabledException', 'Advanced security features are not enabled for this user pool.'];
      }
      return pageOf(input, `events:${input.UserPoolId}:${u.Username}`, u.authEvents, 'AuthEvents', { limit: 'MaxResults', token: 'NextToken', allowZero: true });
    },
  };

  function unknownOnLegacyPool(operation, input) {
    return newerOperations.has(operation) && /_Legacy$/.test(input.UserPoolId || '')
      ? [400, 'UnknownOperationException', `Unknown operation ${operation}`]
      : null;
  }

  function identitiesOf(u) {
    const text = attr(u, 'identities');
    return text ? JSON.parse(text) : [];
  }

  function setIdentities(u, identities) {
    u.Attributes = u.Attributes.filter((a) => a.Name !== 'identities');
    if (identities.length) u.Attributes.push({ Name: 'identities', Value: JSON.stringify(identities) });
    u.UserLastModifiedDate = now();
  }

  function providerProblem(pool, user, role) {
    if (!user || typeof user.ProviderName !== 'string' || typeof user.ProviderAttributeValue !== 'string' || !user.ProviderAttributeValue) {
      return invalid(`${role} must have a ProviderName and a ProviderAttributeValue.`);
    }
    if (user.ProviderName === 'Cognito') return null;
    if (!settingsOf(pool).providers.some((p) => p.ProviderName === user.ProviderName)) {
      return invalid(`${role} ProviderName ${user.ProviderName} is not an identity provider of this user pool.`);
    }
    return null;
  }

  const linkedHolder = (pool, provider, userId) =>
    [...(findUser.all(pool))].find((u) => identitiesOf(u).some((i) => i.providerName === provider && i.userId === userId));

  // Operations that name their users inside members (or not at all): each (input) -> [status, ...].
  const poolOperations = {
    AdminLinkProviderForUser(input) {
      const destination = input.DestinationUser;
      const source = input.SourceUser;
      const problem = providerProblem(input.UserPoolId, destination, 'DestinationUser') || providerProblem(input.UserPoolId, source, 'SourceUser');
      if (problem) return problem;
      if (destination.ProviderName !== 'Cognito') return invalid('DestinationUser must be a native Cognito user (ProviderName Cognito).');
      if (source.ProviderName === 'Cognito') return invalid("Invalid SourceUser: Cognito users can't be linked as SourceUser.");
      if (source.ProviderAttributeName !== undefined && source.ProviderAttributeName !== 'Cognito_Subject') {
        return invalid('ProviderAttributeName must be Cognito_Subject for a social identity provider.');
      }
      const u = findUser(input.UserPoolId, destination.ProviderAttributeValue);
      if (!u) return [400, 'UserNotFoundException', 'User does not exist.'];
      if (linkedHolder(input.UserPoolId, source.ProviderName, source.ProviderAttributeValue)) {
        return invalid('Merging is not currently supported, provide a SourceUser that has not been linked to a DestinationUser');
      }
      const type = settingsOf(input.UserPoolId).providers.find((p) => p.ProviderName === source.ProviderName).ProviderType;
      const identities = identitiesOf(u);
      identities.push({ userId: source.ProviderAttributeValue, providerName: source.ProviderName, providerType: type, issuer: null, primary: false, dateCreated: Date.now() });
      setIdentities(u, identities);
      return [200, null];
    },
    AdminDisableProviderForUser(input) {
      const user = input.User;
      const problem = providerProblem(input.UserPoolId, user, 'User');
      if (problem) return problem;
      if (user.ProviderName === 'Cognito') {
        const native = findUser(input.UserPoolId, user.ProviderAttributeValue);
        if (!native) return [400, 'UserNotFoundException', 'User does not exist.'];
        native.Enabled = false;
        return [200, null];
      }
      const holder = linkedHolder(input.UserPoolId, user.ProviderName, user.ProviderAttributeValue);
      if (holder) setIdentities(holder, identitiesOf(holder).filter((i) => !(i.providerName === user.ProviderName && i.userId === user.ProviderAttributeValue)));
      return [200, null];
    },
    AdminInitiateAuth(input) {
      if (input.AuthFlow !== 'REFRESH_TOKEN_AUTH' && input.AuthFlow !== 'REFRESH_TOKEN') {
        return invalid(`The stand-in answers only REFRESH_TOKEN_AUTH, not ${input.AuthFlow}.`);
      }
      if (typeof input.ClientId !== 'string') return invalid('ClientId is required.');
      const token = input.AuthParameters?.REFRESH_TOKEN;
      const holder = [...findUser.all(input.UserPoolId)].find((u) => u.refreshTokens.has(token));
      if (!holder) return [400, 'NotAuthorizedException', 'Invalid Refresh Token'];
      if (holder.revokedTokens?.has(token)) return [400, 'NotAuthorizedException', 'Refresh Token has been revoked'];
      const jwt = () => crypto.randomBytes(24).toString('base64url');
      return [200, { ChallengeParameters: {}, AuthenticationResult: { AccessToken: jwt(), IdToken: jwt(), ExpiresIn: 3600, TokenType: 'Bearer' } }];
    },
  };

  // AdminUserGlobalSignOut: every refresh token the user holds is refused from now on.
  function signOut(u) {
    u.revokedTokens = new Set([...(u.revokedTokens || []), ...u.refreshTokens]);
  }

  return { userOperations, poolOperations, unknownOnLegacyPool, signOut, mfaOf, helpDeskState: (u, given) => helpDeskState(u, given, now) };
};
