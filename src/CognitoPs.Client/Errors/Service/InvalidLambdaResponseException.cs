using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's InvalidLambdaResponseException, named as the AWS SDK names it.</summary>
    public sealed class InvalidLambdaResponseException : CognitoServiceException
    {
        public InvalidLambdaResponseException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidLambdaResponseException), message, statusCode, requestId) { }
    }
}
