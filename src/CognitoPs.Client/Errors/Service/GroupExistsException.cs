using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's GroupExistsException, named as the AWS SDK names it.</summary>
    public sealed class GroupExistsException : CognitoServiceException
    {
        public GroupExistsException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(GroupExistsException), message, statusCode, requestId) { }
    }
}
