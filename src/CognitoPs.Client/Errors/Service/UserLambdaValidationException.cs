using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's UserLambdaValidationException, named as the AWS SDK names it.</summary>
    public sealed class UserLambdaValidationException : CognitoServiceException
    {
        public UserLambdaValidationException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UserLambdaValidationException), message, statusCode, requestId) { }
    }
}
