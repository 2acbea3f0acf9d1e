namespace CognitoPs
{
    /// <summary>What a failure happened to: the activity text, the user, the pool, and whether every item shares the pool.</summary>
    internal sealed class FailureContext
    {
        public FailureContext(string activity, string? username, string? userPoolId, bool settingsShared)
        {
            Activity = activity;
            Username = username;
            UserPoolId = userPoolId;
            SettingsShared = settingsShared;
        }

        /// <summary>E.g. "Cannot disable user 'bob' in user pool 'x'": the start of the record's message.</summary>
        public string Activity { get; }

        public string? Username { get; }

        public string? UserPoolId { get; }

        /// <summary>The pool id, region and endpoint came from the command line or the session: every item shares them.</summary>
        public bool SettingsShared { get; }

        /// <summary>The group the request was about, if any.</summary>
        public string? GroupName { get; set; }

        /// <summary>The group came from the command line, so every item asks about it.</summary>
        public bool GroupShared { get; set; }
    }
}
