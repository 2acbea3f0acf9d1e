using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's UserPoolAddOnNotEnabledException, named as the AWS SDK names it.</summary>
    public sealed class UserPoolAddOnNotEnabledException : CognitoServiceException
    {
        public UserPoolAddOnNotEnabledException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UserPoolAddOnNotEnabledException), message, statusCode, requestId) { }
    }
}
