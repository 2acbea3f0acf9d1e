using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's UserNotFoundException, named as the AWS SDK names it.</summary>
    public sealed class UserNotFoundException : CognitoServiceException
    {
        public UserNotFoundException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UserNotFoundException), message, statusCode, requestId) { }
    }
}
