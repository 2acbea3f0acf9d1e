namespace CognitoPs.Client
{
    /// <summary>
    /// One operation of the Cognito user pools API and the two facts the client needs about it: whether sending it
    /// twice is harmless (so an attempt whose outcome is unknown may be repeated), and whether its reply has members
    /// (an operation without them may answer HTTP 200 with an empty body, as the API reference describes).
    /// </summary>
    internal sealed class CognitoOperation
    {
        private CognitoOperation(string name, bool repeatable, bool hasReply)
        {
            Name = name;
            Repeatable = repeatable;
            HasReply = hasReply;
        }

        public string Name { get; }

        /// <summary>
        /// False when a second copy would do something the first did not: create a user who now exists, send a
        /// second reset message. Such an operation is retried only after an error that proves nothing was processed.
        /// </summary>
        public bool Repeatable { get; }

        public bool HasReply { get; }

        public override string ToString() => Name;

        public static readonly CognitoOperation AdminGetUser = new CognitoOperation("AdminGetUser", repeatable: true, hasReply: true);
        public static readonly CognitoOperation ListUsers = new CognitoOperation("ListUsers", repeatable: true, hasReply: true);
        public static readonly CognitoOperation DescribeUserPool = new CognitoOperation("DescribeUserPool", repeatable: true, hasReply: true);
        public static readonly CognitoOperation ListUserPools = new CognitoOperation("ListUserPools", repeatable: true, hasReply: true);

        // Setting the same password again leaves the same state.
        public static readonly CognitoOperation AdminSetUserPassword = new CognitoOperation("AdminSetUserPassword", repeatable: true, hasReply: false);
        public static readonly CognitoOperation AdminCreateUser = new CognitoOperation("AdminCreateUser", repeatable: false, hasReply: true);
        public static readonly CognitoOperation AdminDeleteUser = new CognitoOperation("AdminDeleteUser", repeatable: true, hasReply: false);
        public static readonly CognitoOperation AdminEnableUser = new CognitoOperation("AdminEnableUser", repeatable: true, hasReply: false);
        public static readonly CognitoOperation AdminDisableUser = new CognitoOperation("AdminDisableUser", repeatable: true, hasReply: false);

        // Each call sends the user a new code and invalidates the previous one.
        public static readonly CognitoOperation AdminResetUserPassword = new CognitoOperation("AdminResetUserPassword", repeatable: false, hasReply: false);
        public static readonly CognitoOperation AdminConfirmSignUp = new CognitoOperation("AdminConfirmSignUp", repeatable: true, hasReply: false);
        public static readonly CognitoOperation AdminUpdateUserAttributes = new CognitoOperation("AdminUpdateUserAttributes", repeatable: true, hasReply: false);
        public static readonly CognitoOperation AdminDeleteUserAttributes = new CognitoOperation("AdminDeleteUserAttributes", repeatable: true, hasReply: false);
        public static readonly CognitoOperation AdminUserGlobalSignOut = new CognitoOperation("AdminUserGlobalSignOut", repeatable: true, hasReply: false);

        public static readonly CognitoOperation ListGroups = new CognitoOperation("ListGroups", repeatable: true, hasReply: true);
        public static readonly CognitoOperation GetGroup = new CognitoOperation("GetGroup", repeatable: true, hasReply: true);
        public static readonly CognitoOperation AdminListGroupsForUser = new CognitoOperation("AdminListGroupsForUser", repeatable: true, hasReply: true);
        public static readonly CognitoOperation ListUsersInGroup = new CognitoOperation("ListUsersInGroup", repeatable: true, hasReply: true);

        // A second CreateGroup would find the group the first one made (GroupExists).
        public static readonly CognitoOperation CreateGroup = new CognitoOperation("CreateGroup", repeatable: false, hasReply: true);
        public static readonly CognitoOperation UpdateGroup = new CognitoOperation("UpdateGroup", repeatable: true, hasReply: true);
        public static readonly CognitoOperation DeleteGroup = new CognitoOperation("DeleteGroup", repeatable: true, hasReply: false);

        // Adding a member twice, or removing a non-member, is success: both are harmless to repeat.
        public static readonly CognitoOperation AdminAddUserToGroup = new CognitoOperation("AdminAddUserToGroup", repeatable: true, hasReply: false);
        public static readonly CognitoOperation AdminRemoveUserFromGroup = new CognitoOperation("AdminRemoveUserFromGroup", repeatable: true, hasReply: false);
    }
}
