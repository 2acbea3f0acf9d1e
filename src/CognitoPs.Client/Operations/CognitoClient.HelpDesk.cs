using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>The help desk's operations: MFA, remembered devices, sign-in history and linked identities, one method each.</summary>
    public sealed partial class CognitoClient
    {
        /// <summary>AdminGetUserAuthFactors: the user's sign-in factors and MFA. Older Cognito-compatible endpoints answer UnknownOperationException.</summary>
        public Task<AuthFactorsRecord> AdminGetUserAuthFactorsAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminGetUserAuthFactors, RequestTarget.User(userPoolId, username), body => WriteUser(body, userPoolId, username),
                AuthFactorsRecord.Read, cancellationToken);

        /// <summary>AdminSetUserMFAPreference: only the methods given (not null) change.</summary>
        public Task AdminSetUserMfaPreferenceAsync(
            string userPoolId, string username, MfaSettings? sms, MfaSettings? totp, MfaSettings? email, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminSetUserMFAPreference, RequestTarget.User(userPoolId, username), body =>
            {
                WriteUser(body, userPoolId, username);
                WriteMfa(body, "SMSMfaSettings", sms);
                WriteMfa(body, "SoftwareTokenMfaSettings", totp);
                WriteMfa(body, "EmailMfaSettings", email);
            }, cancellationToken);

        /// <summary>AdminDeleteSoftwareToken: removes the user's authenticator app (TOTP); the next sign-in asks to set one up if MFA is required.</summary>
        public Task AdminDeleteSoftwareTokenAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
            UserCallAsync(CognitoOperation.AdminDeleteSoftwareToken, userPoolId, username, cancellationToken);

        /// <summary>One AdminListDevices page (Limit 1–60).</summary>
        public Task<Page<DeviceRecord>> AdminListDevicesAsync(string userPoolId, string username, int limit, string? paginationToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminListDevices, RequestTarget.User(userPoolId, username), body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteNumber("Limit", limit);
                if (paginationToken != null)
                {
                    body.WriteString("PaginationToken", paginationToken);
                }
            }, reply => new Page<DeviceRecord>(Json.List(reply, "Devices", DeviceRecord.Read), Json.NonEmptyString(reply, "PaginationToken")), cancellationToken);

        /// <summary>AdminForgetDevice. A device that is not there is <see cref="DeviceNotFoundException"/>.</summary>
        public Task AdminForgetDeviceAsync(string userPoolId, string username, string deviceKey, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminForgetDevice, RequestTarget.Device(userPoolId, username, deviceKey), body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteString("DeviceKey", deviceKey);
            }, cancellationToken);

        /// <summary>One AdminListUserAuthEvents page (MaxResults 1–60), newest first. Needs threat protection: else UserPoolAddOnNotEnabledException.</summary>
        public Task<Page<AuthEventRecord>> AdminListUserAuthEventsAsync(string userPoolId, string username, int maxResults, string? nextToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminListUserAuthEvents, RequestTarget.User(userPoolId, username), body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteNumber("MaxResults", maxResults);
                if (nextToken != null)
                {
                    body.WriteString("NextToken", nextToken);
                }
            }, reply => new Page<AuthEventRecord>(Json.List(reply, "AuthEvents", AuthEventRecord.Read), Json.NonEmptyString(reply, "NextToken")), cancellationToken);

        /// <summary>AdminLinkProviderForUser: the identity signs in as this (native) user from now on. Not repeatable.</summary>
        public Task AdminLinkProviderForUserAsync(string userPoolId, string username, FederatedIdentity identity, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminLinkProviderForUser, RequestTarget.User(userPoolId, username), body =>
            {
                body.WriteString("UserPoolId", userPoolId);
                body.WriteObject("DestinationUser", user =>
                {
                    user.WriteString("ProviderName", "Cognito");
                    user.WriteString("ProviderAttributeValue", username);
                });
                body.WriteObject("SourceUser", user => WriteIdentity(user, identity));
            }, cancellationToken);

        /// <summary>AdminDisableProviderForUser: unlinks the identity (and disables the user it made, if it signed in unlinked).</summary>
        public Task AdminDisableProviderForUserAsync(string userPoolId, string username, FederatedIdentity identity, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminDisableProviderForUser, RequestTarget.User(userPoolId, username), body =>
            {
                body.WriteString("UserPoolId", userPoolId);
                body.WriteObject("User", user => WriteIdentity(user, identity));
            }, cancellationToken);

        private static void WriteMfa(JsonBodyWriter body, string name, MfaSettings? settings)
        {
            if (settings is null)
            {
                return;
            }

            body.WriteObject(name, member =>
            {
                member.WriteBoolean("Enabled", settings.Enabled);
                member.WriteBoolean("PreferredMfa", settings.Preferred);
            });
        }

        private static void WriteIdentity(JsonBodyWriter body, FederatedIdentity identity)
        {
            body.WriteString("ProviderName", identity.ProviderName);
            body.WriteString("ProviderAttributeName", identity.AttributeName);
            body.WriteString("ProviderAttributeValue", identity.UserId);
        }
    }
}
