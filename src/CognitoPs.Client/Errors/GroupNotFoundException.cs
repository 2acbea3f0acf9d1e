namespace CognitoPs.Client
{
    /// <summary>
    /// Cognito's ResourceNotFoundException for a request about a group in a pool that exists: the group is missing.
    /// (Cognito uses the one code for a missing pool and a missing group; the client asks which it was.)
    /// </summary>
    public sealed class GroupNotFoundException : CognitoServiceException
    {
        public GroupNotFoundException(string groupName, string userPoolId, CognitoServiceException answer)
            : base(answer.ErrorCode, $"Group '{groupName}' does not exist in user pool '{userPoolId}' ({answer.Message}).", answer.StatusCode, answer.RequestId)
            => GroupName = groupName;

        public string GroupName { get; }
    }
}
