using System.Collections.Generic;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>The user operations, one method each. Request and reply handling is the shared plumbing's.</summary>
    public sealed partial class CognitoClient
    {
        /// <summary>AdminSetUserPassword. The password is read from the SecureString only while the body is written.</summary>
        public Task AdminSetUserPasswordAsync(string userPoolId, string username, SecureString password, bool permanent, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminSetUserPassword, RequestTarget.User(userPoolId, username), body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteSecret("Password", password);
                body.WriteBoolean("Permanent", permanent);
            }, cancellationToken, secret: password);

        /// <summary>AdminGetUser: one user by name (or alias). Unknown users throw <see cref="UserNotFoundException"/>.</summary>
        public Task<UserRecord> AdminGetUserAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminGetUser, RequestTarget.User(userPoolId, username), body => WriteUser(body, userPoolId, username), UserRecord.Read, cancellationToken);

        /// <summary>AdminCreateUser: the new user as Cognito stored it. Not repeatable: see <see cref="CognitoOperation.AdminCreateUser"/>.</summary>
        public Task<UserRecord> AdminCreateUserAsync(NewUserRequest user, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminCreateUser, RequestTarget.User(user.UserPoolId, user.Username), body =>
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
            CallAsync(CognitoOperation.AdminUpdateUserAttributes, RequestTarget.User(userPoolId, username), body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteAttributeList("UserAttributes", attributes);
            }, cancellationToken);

        public Task AdminDeleteUserAttributesAsync(string userPoolId, string username, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.AdminDeleteUserAttributes, RequestTarget.User(userPoolId, username), body =>
            {
                WriteUser(body, userPoolId, username);
                body.WriteStringList("UserAttributeNames", names);
            }, cancellationToken);

        /// <summary>One ListUsers page (Limit 1–60). Pass the previous page's token to continue.</summary>
        public Task<Page<UserRecord>> ListUsersAsync(string userPoolId, string? filter, int limit, string? paginationToken, CancellationToken cancellationToken) =>
            CallAsync(CognitoOperation.ListUsers, RequestTarget.Pool(userPoolId), body =>
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

        private Task UserCallAsync(CognitoOperation operation, string userPoolId, string username, CancellationToken cancellationToken) =>
            CallAsync(operation, RequestTarget.User(userPoolId, username), body => WriteUser(body, userPoolId, username), cancellationToken);
    }
}
