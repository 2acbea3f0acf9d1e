namespace CognitoPs.Client
{
    /// <summary>What CreateGroup and UpdateGroup send; null properties are left out.</summary>
    public sealed class GroupRequest
    {
        public GroupRequest(string userPoolId, string groupName)
        {
            UserPoolId = userPoolId;
            GroupName = groupName;
        }

        public string UserPoolId { get; }

        public string GroupName { get; }

        public string? Description { get; set; }

        public int? Precedence { get; set; }

        public string? RoleArn { get; set; }
    }
}
