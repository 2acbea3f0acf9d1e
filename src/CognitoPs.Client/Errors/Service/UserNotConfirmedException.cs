using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's UserNotConfirmedException, named as the AWS SDK names it.</summary>
    public sealed class UserNotConfirmedException : CognitoServiceException
    {
        public UserNotConfirmedException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UserNotConfirmedException), message, statusCode, requestId) { }
    }
}
