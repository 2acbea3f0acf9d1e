using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's InvalidSmsRoleTrustRelationshipException, named as the AWS SDK names it.</summary>
    public sealed class InvalidSmsRoleTrustRelationshipException : CognitoServiceException
    {
        public InvalidSmsRoleTrustRelationshipException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidSmsRoleTrustRelationshipException), message, statusCode, requestId) { }
    }
}
