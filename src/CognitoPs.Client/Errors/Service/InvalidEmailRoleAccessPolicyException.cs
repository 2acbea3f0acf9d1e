using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's InvalidEmailRoleAccessPolicyException, named as the AWS SDK names it.</summary>
    public sealed class InvalidEmailRoleAccessPolicyException : CognitoServiceException
    {
        public InvalidEmailRoleAccessPolicyException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidEmailRoleAccessPolicyException), message, statusCode, requestId) { }
    }
}
