using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace CognitoPs.Client
{
    /// <summary>
    /// One operation of the Cognito user pools API and what the client needs to know about sending it: whether a second
    /// copy is harmless (so an attempt whose outcome is unknown may be repeated), and which answer to a repeat means that
    /// the earlier attempt already did the work. Every operation the client sends is listed here, and only here.
    /// </summary>
    internal sealed class CognitoOperation
    {
        private readonly Func<CognitoServiceException, bool>? _alreadyDone;

        private CognitoOperation(string name, bool repeatable, Func<CognitoServiceException, bool>? alreadyDone = null)
        {
            Name = name;
            Repeatable = repeatable;
            _alreadyDone = alreadyDone;
        }

        public string Name { get; }

        /// <summary>
        /// False when a second copy would do something the first did not: create a user who now exists, send a
        /// second reset message. Such an operation is retried only after an error that proves nothing was processed.
        /// </summary>
        public bool Repeatable { get; }

        public override string ToString() => Name;

        private static IReadOnlyDictionary<string, CognitoOperation>? _all;

        /// <summary>Every operation of this table, by name (read once the rows below exist).</summary>
        public static IReadOnlyDictionary<string, CognitoOperation> All => _all ??= typeof(CognitoOperation)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(row => row.FieldType == typeof(CognitoOperation))
            .Select(row => (CognitoOperation)row.GetValue(null)!)
            .ToDictionary(operation => operation.Name, StringComparer.Ordinal);

        public static CognitoOperation? Named(string name) => All.TryGetValue(name, out var operation) ? operation : null;

        /// <summary>
        /// True when <paramref name="answer"/>, given to a repeat of this operation after an attempt whose outcome is
        /// unknown, means that attempt was carried out: the user it deleted is not found, the user it confirmed is
        /// confirmed. Only operations without reply members have such an answer.
        /// </summary>
        public bool MeansAlreadyDone(CognitoServiceException answer) => _alreadyDone?.Invoke(answer) ?? false;

        public static readonly CognitoOperation AdminGetUser = new CognitoOperation("AdminGetUser", repeatable: true);
        public static readonly CognitoOperation ListUsers = new CognitoOperation("ListUsers", repeatable: true);
        public static readonly CognitoOperation DescribeUserPool = new CognitoOperation("DescribeUserPool", repeatable: true);
        public static readonly CognitoOperation ListUserPools = new CognitoOperation("ListUserPools", repeatable: true);

        // Setting the same password again leaves the same state.
        public static readonly CognitoOperation AdminSetUserPassword = new CognitoOperation("AdminSetUserPassword", repeatable: true);
        public static readonly CognitoOperation AdminCreateUser = new CognitoOperation("AdminCreateUser", repeatable: false);
        public static readonly CognitoOperation AdminDeleteUser = new CognitoOperation("AdminDeleteUser", repeatable: true,
            alreadyDone: answer => answer is UserNotFoundException);
        public static readonly CognitoOperation AdminEnableUser = new CognitoOperation("AdminEnableUser", repeatable: true);
        public static readonly CognitoOperation AdminDisableUser = new CognitoOperation("AdminDisableUser", repeatable: true);

        // Each call sends the user a new code and invalidates the previous one.
        public static readonly CognitoOperation AdminResetUserPassword = new CognitoOperation("AdminResetUserPassword", repeatable: false);

        // Cognito refuses to confirm a confirmed user: "User cannot be confirmed. Current status is CONFIRMED".
        public static readonly CognitoOperation AdminConfirmSignUp = new CognitoOperation("AdminConfirmSignUp", repeatable: true,
            alreadyDone: answer => answer is NotAuthorizedException && answer.Message.Contains("CONFIRMED", StringComparison.Ordinal));
        public static readonly CognitoOperation AdminUpdateUserAttributes = new CognitoOperation("AdminUpdateUserAttributes", repeatable: true);
        public static readonly CognitoOperation AdminDeleteUserAttributes = new CognitoOperation("AdminDeleteUserAttributes", repeatable: true);
        public static readonly CognitoOperation AdminUserGlobalSignOut = new CognitoOperation("AdminUserGlobalSignOut", repeatable: true);

        public static readonly CognitoOperation ListGroups = new CognitoOperation("ListGroups", repeatable: true);
        public static readonly CognitoOperation GetGroup = new CognitoOperation("GetGroup", repeatable: true);
        public static readonly CognitoOperation AdminListGroupsForUser = new CognitoOperation("AdminListGroupsForUser", repeatable: true);
        public static readonly CognitoOperation ListUsersInGroup = new CognitoOperation("ListUsersInGroup", repeatable: true);

        // A second CreateGroup would find the group the first one made (GroupExists).
        public static readonly CognitoOperation CreateGroup = new CognitoOperation("CreateGroup", repeatable: false);
        public static readonly CognitoOperation UpdateGroup = new CognitoOperation("UpdateGroup", repeatable: true);
        public static readonly CognitoOperation DeleteGroup = new CognitoOperation("DeleteGroup", repeatable: true,
            alreadyDone: answer => answer is GroupNotFoundException);

        // The help desk. Deleting the software token of a user who has none, setting the same MFA preference again, and
        // signing out twice change nothing: a repeat needs no special answer. A forgotten device is not found.
        public static readonly CognitoOperation AdminGetUserAuthFactors = new CognitoOperation("AdminGetUserAuthFactors", repeatable: true);
        public static readonly CognitoOperation AdminSetUserMFAPreference = new CognitoOperation("AdminSetUserMFAPreference", repeatable: true);
        public static readonly CognitoOperation AdminDeleteSoftwareToken = new CognitoOperation("AdminDeleteSoftwareToken", repeatable: true);
        public static readonly CognitoOperation AdminListDevices = new CognitoOperation("AdminListDevices", repeatable: true);
        public static readonly CognitoOperation AdminForgetDevice = new CognitoOperation("AdminForgetDevice", repeatable: true,
            alreadyDone: answer => answer is DeviceNotFoundException);
        public static readonly CognitoOperation AdminListUserAuthEvents = new CognitoOperation("AdminListUserAuthEvents", repeatable: true);

        // A second link of the same identity is refused (AliasExists), and would look the same as a link to another
        // user: not repeated after a lost answer. Unlinking twice changes nothing.
        public static readonly CognitoOperation AdminLinkProviderForUser = new CognitoOperation("AdminLinkProviderForUser", repeatable: false);
        public static readonly CognitoOperation AdminDisableProviderForUser = new CognitoOperation("AdminDisableProviderForUser", repeatable: true);

        // Import jobs. A second CreateUserImportJob makes a second job, and a second StartUserImportJob is refused for a job
        // already started, which looks like any other refusal: neither is repeated after a lost answer.
        public static readonly CognitoOperation GetCSVHeader = new CognitoOperation("GetCSVHeader", repeatable: true);
        public static readonly CognitoOperation CreateUserImportJob = new CognitoOperation("CreateUserImportJob", repeatable: false);
        public static readonly CognitoOperation StartUserImportJob = new CognitoOperation("StartUserImportJob", repeatable: false);
        public static readonly CognitoOperation StopUserImportJob = new CognitoOperation("StopUserImportJob", repeatable: true);
        public static readonly CognitoOperation DescribeUserImportJob = new CognitoOperation("DescribeUserImportJob", repeatable: true);
        public static readonly CognitoOperation ListUserImportJobs = new CognitoOperation("ListUserImportJobs", repeatable: true);

        // Adding a member twice, or removing a non-member, is success in Cognito: a repeat needs no special answer.
        public static readonly CognitoOperation AdminAddUserToGroup = new CognitoOperation("AdminAddUserToGroup", repeatable: true);
        public static readonly CognitoOperation AdminRemoveUserFromGroup = new CognitoOperation("AdminRemoveUserFromGroup", repeatable: true);
    }
}
