namespace CognitoPs.Client
{
    /// <summary>
    /// What a request is about: a pool, a user in it, a group in it (or both), or a whole region. It names the request in
    /// messages, and tells the client which resource a ResourceNotFoundException may be about.
    /// </summary>
    internal sealed class RequestTarget
    {
        private RequestTarget(string? userPoolId, string? username, string? groupName, string? region, string? deviceKey = null, string? jobId = null)
        {
            UserPoolId = userPoolId;
            Username = username;
            GroupName = groupName;
            Region = region;
            DeviceKey = deviceKey;
            JobId = jobId;
        }

        public string? UserPoolId { get; }

        public string? Username { get; }

        public string? GroupName { get; }

        public string? DeviceKey { get; }

        public string? JobId { get; }

        private string? Region { get; }

        public static RequestTarget Pool(string userPoolId) => new RequestTarget(userPoolId, null, null, null);

        public static RequestTarget User(string userPoolId, string username) => new RequestTarget(userPoolId, username, null, null);

        public static RequestTarget Group(string userPoolId, string groupName) => new RequestTarget(userPoolId, null, groupName, null);

        public static RequestTarget Membership(string userPoolId, string username, string groupName) => new RequestTarget(userPoolId, username, groupName, null);

        public static RequestTarget AllPools(string region) => new RequestTarget(null, null, null, region);

        public static RequestTarget Device(string userPoolId, string username, string deviceKey) => new RequestTarget(userPoolId, username, null, null, deviceKey);

        public static RequestTarget ImportJob(string userPoolId, string jobId) => new RequestTarget(userPoolId, null, null, null, jobId: jobId);

        public override string ToString() => (Username, GroupName) switch
        {
            (_, null) when DeviceKey != null => $"device '{DeviceKey}' of user '{Username}' in user pool '{UserPoolId}'",
            (null, null) when JobId != null => $"import job '{JobId}' in user pool '{UserPoolId}'",
            (null, null) when UserPoolId is null => $"region {Region}",
            (null, null) => $"user pool '{UserPoolId}'",
            (null, _) => $"group '{GroupName}' in user pool '{UserPoolId}'",
            (_, null) => $"user '{Username}' in user pool '{UserPoolId}'",
            _ => $"user '{Username}' in user pool '{UserPoolId}' and group '{GroupName}'",
        };
    }
}
