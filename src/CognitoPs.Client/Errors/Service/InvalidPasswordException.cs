using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's InvalidPasswordException, named as the AWS SDK names it.</summary>
    public sealed class InvalidPasswordException : CognitoServiceException
    {
        public InvalidPasswordException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidPasswordException), message, statusCode, requestId) { }
    }
}
