namespace CognitoPs
{
    /// <summary>
    /// What -PassThru writes for each user a lifecycle cmdlet changed. It carries the user's pool, region and endpoint,
    /// so it pipes on to the next cmdlet (Disable-CognitoUser -PassThru | Revoke-CognitoUserSession).
    /// </summary>
    public sealed class CognitoUserActionResult
    {
        public CognitoUserActionResult(string userPoolId, string username, string action, string region, string? endpointUrl, string? groupName = null)
        {
            UserPoolId = userPoolId;
            Username = username;
            Action = action;
            Region = region;
            EndpointUrl = endpointUrl;
            Group = groupName;
        }

        public string Username { get; }

        /// <summary>What was done: Disabled, Enabled, Removed, PasswordReset, Confirmed, AttributesUpdated, AttributesRemoved, SignedOut, AddedToGroup, RemovedFromGroup.</summary>
        public string Action { get; }

        /// <summary>The group a membership change was about; otherwise null.</summary>
        public string? Group { get; }

        public string UserPoolId { get; }

        public string Region { get; }

        /// <summary>The endpoint override the change went through; null for the AWS endpoint of <see cref="Region"/>.</summary>
        public string? EndpointUrl { get; }

        public override string ToString() => Username;
    }
}
