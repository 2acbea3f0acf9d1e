using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's InvalidParameterException, named as the AWS SDK names it.</summary>
    public sealed class InvalidParameterException : CognitoServiceException
    {
        public InvalidParameterException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidParameterException), message, statusCode, requestId) { }
    }
}
