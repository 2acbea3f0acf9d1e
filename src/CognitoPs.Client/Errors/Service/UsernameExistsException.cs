using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's UsernameExistsException, named as the AWS SDK names it.</summary>
    public sealed class UsernameExistsException : CognitoServiceException
    {
        public UsernameExistsException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UsernameExistsException), message, statusCode, requestId) { }
    }
}
