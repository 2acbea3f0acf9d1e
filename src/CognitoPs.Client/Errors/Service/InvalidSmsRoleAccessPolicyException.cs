using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's InvalidSmsRoleAccessPolicyException, named as the AWS SDK names it.</summary>
    public sealed class InvalidSmsRoleAccessPolicyException : CognitoServiceException
    {
        public InvalidSmsRoleAccessPolicyException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidSmsRoleAccessPolicyException), message, statusCode, requestId) { }
    }
}
