using System.Collections.Generic;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>The user and user-pool operations, one method each. Request and reply handling is the shared plumbing's.</summary>
    public sealed partial class CognitoClient
    {
        /// <summary>AdminSetUserPassword. The password is read from the SecureString only while the body is written.</summary>
        public Task AdminSetUserPasswordAsync(string userPoolId, string username, SecureString password, bool permanent, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminSetUserPassword, UserSubject(username, userPoolId), body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteSecret("Password", password);
                body.WriteBoolean("Permanent", permanent);
            }, cancellationToken, secret: password);

        /// <summary>AdminGetUser: one user by name (or alias). Unknown users throw <see cref="UserNotFoundException"/>.</summary>
        public Task<UserRecord> AdminGetUserAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminGetUser, UserSubject(username, userPoolId), body => WriteUser(body, userPoolId, username), UserRecord.Read, cancellationToken);

        /// <summary>AdminCreateUser: the new user as Cognito stored it. Not repeatable: see <see cref="CognitoOperation.AdminCreateUser"/>.</summary>
        public Task<UserRecord> AdminCreateUserAsync(NewUserRequest user, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminCreateUser, UserSubject(user.Username, user.UserPoolId), body =>
            {
                WriteUser(body, user.UserPoolId, user.Username);
                if (user.Attributes.Count > 0)
                {
                    body.WriteAttributeList("UserAttributes", user.Attributes);
                }

                if (user.TemporaryPassword != null)
                {
                    body.WriteSecret("TemporaryPassword", user.TemporaryPassword);
                }

                if (user.MessageAction != null)
                {
                    body.WriteString("MessageAction", user.MessageAction);
                }

                if (user.DeliveryMediums.Count > 0)
                {
                    body.WriteStringList("DesiredDeliveryMediums", user.DeliveryMediums);
                }

                if (user.ForceAliasCreation)
                {
                    body.WriteBoolean("ForceAliasCreation", true);
                }
            }, reply => UserRecord.Read(reply.TryGetProperty("User", out var created) ? created : reply), cancellationToken, secret: user.TemporaryPassword);

        public Task AdminDeleteUserAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
            UserCallAsync(CognitoOperation.AdminDeleteUser, userPoolId, username, cancellationToken);

        public Task AdminEnableUserAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
            UserCallAsync(CognitoOperation.AdminEnableUser, userPoolId, username, cancellationToken);

        public Task AdminDisableUserAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
            UserCallAsync(CognitoOperation.AdminDisableUser, userPoolId, username, cancellationToken);

        /// <summary>AdminResetUserPassword: Cognito sends the user a code (RESET_REQUIRED). Not repeatable.</summary>
        public Task AdminResetUserPasswordAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
            UserCallAsync(CognitoOperation.AdminResetUserPassword, userPoolId, username, cancellationToken);

        public Task AdminConfirmSignUpAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
            UserCallAsync(CognitoOperation.AdminConfirmSignUp, userPoolId, username, cancellationToken);

        /// <summary>AdminUserGlobalSignOut: revokes the user's refresh tokens on every device.</summary>
        public Task AdminUserGlobalSignOutAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
            UserCallAsync(CognitoOperation.AdminUserGlobalSignOut, userPoolId, username, cancellationToken);

        public Task AdminUpdateUserAttributesAsync(
            string userPoolId, string username, IReadOnlyList<KeyValuePair<string, string>> attributes, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminUpdateUserAttributes, UserSubject(username, userPoolId), body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteAttributeList("UserAttributes", attributes);
            }, cancellationToken);

        public Task AdminDeleteUserAttributesAsync(string userPoolId, string username, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminDeleteUserAttributes, UserSubject(username, userPoolId), body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteStringList("UserAttributeNames", names);
            }, cancellationToken);

        /// <summary>One ListUsers page (Limit 1–60). Pass the previous page's token to continue.</summary>
        public Task<Page<UserRecord>> ListUsersAsync(string userPoolId, string? filter, int limit, string? paginationToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.ListUsers, $"user pool '{userPoolId}'", body =>
            {
                body.WriteString("UserPoolId", userPoolId);
                if (!string.IsNullOrEmpty(filter))
                {
                    body.WriteString("Filter", filter!);
                }

                body.WriteNumber("Limit", limit);
                if (paginationToken != null)
                {
                    body.WriteString("PaginationToken", paginationToken);
                }
            }, reply => new Page<UserRecord>(Json.List(reply, "Users", UserRecord.Read), Json.NonEmptyString(reply, "PaginationToken")), cancellationToken);

        /// <summary>DescribeUserPool: the pool's name, size estimate and password policy. Unknown pools throw <see cref="ResourceNotFoundException"/>.</summary>
        public Task<UserPoolRecord> DescribeUserPoolAsync(string userPoolId, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.DescribeUserPool, $"user pool '{userPoolId}'", body => body.WriteString("UserPoolId", userPoolId), reply =>
            {
                if (!reply.TryGetProperty("UserPool", out var pool) || pool.ValueKind != System.Text.Json.JsonValueKind.Object)
                {
                    throw new CognitoServiceException("MalformedReply", "DescribeUserPool answered without a UserPool object.", System.Net.HttpStatusCode.OK, null);
                }

                return UserPoolRecord.Read(pool);
            }, cancellationToken);

        /// <summary>One ListUserPools page (MaxResults 1–60).</summary>
        public Task<Page<UserPoolRecord>> ListUserPoolsAsync(int maxResults, string? nextToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.ListUserPools, $"region {Region}", body =>
            {
                body.WriteNumber("MaxResults", maxResults);
                if (nextToken != null)
                {
                    body.WriteString("NextToken", nextToken);
                }
            }, reply => new Page<UserPoolRecord>(Json.List(reply, "UserPools", UserPoolRecord.Read), Json.NonEmptyString(reply, "NextToken")), cancellationToken);

        private Task UserCallAsync(CognitoOperation operation, string userPoolId, string username, CancellationToken cancellationToken) =>
            CallAsync(operation, UserSubject(username, userPoolId), body => WriteUser(body, userPoolId, username), cancellationToken);
    }

    /// <summary>What AdminCreateUser sends. Attribute values are strings, as Cognito stores them.</summary>
    public sealed class NewUserRequest
    {
        public NewUserRequest(string userPoolId, string username)
        {
            UserPoolId = userPoolId;
            Username = username;
        }

        public string UserPoolId { get; }

        public string Username { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; set; } = new KeyValuePair<string, string>[0];

        /// <summary>Null: Cognito makes one and sends it in the invitation.</summary>
        public SecureString? TemporaryPassword { get; set; }

        /// <summary>SUPPRESS, RESEND, or null for the invitation.</summary>
        public string? MessageAction { get; set; }

        /// <summary>EMAIL and/or SMS; empty for Cognito's default (SMS).</summary>
        public IReadOnlyList<string> DeliveryMediums { get; set; } = new string[0];

        public bool ForceAliasCreation { get; set; }
    }
}
