using System;
using System.Net;
using System.Text;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    public class ErrorParserTests
    {
        private static CognitoServiceException Parse(HttpStatusCode status, string body, string? requestId = "req-1") =>
            CognitoErrorParser.Parse(status, Encoding.UTF8.GetBytes(body), requestId);

        [Theory]
        [InlineData("UserNotFoundException", typeof(UserNotFoundException))]
        [InlineData("InvalidPasswordException", typeof(InvalidPasswordException))]
        [InlineData("PasswordHistoryPolicyViolationException", typeof(PasswordHistoryPolicyViolationException))]
        [InlineData("InvalidParameterException", typeof(InvalidParameterException))]
        [InlineData("TooManyRequestsException", typeof(TooManyRequestsException))]
        [InlineData("InternalErrorException", typeof(InternalErrorException))]
        [InlineData("ResourceNotFoundException", typeof(ResourceNotFoundException))]
        [InlineData("NotAuthorizedException", typeof(NotAuthorizedException))]
        [InlineData("UsernameExistsException", typeof(UsernameExistsException))]
        [InlineData("AliasExistsException", typeof(AliasExistsException))]
        [InlineData("UnsupportedUserStateException", typeof(UnsupportedUserStateException))]
        [InlineData("UserNotConfirmedException", typeof(UserNotConfirmedException))]
        [InlineData("PasswordResetRequiredException", typeof(PasswordResetRequiredException))]
        [InlineData("LimitExceededException", typeof(LimitExceededException))]
        [InlineData("TooManyFailedAttemptsException", typeof(TooManyFailedAttemptsException))]
        [InlineData("CodeDeliveryFailureException", typeof(CodeDeliveryFailureException))]
        [InlineData("UserLambdaValidationException", typeof(UserLambdaValidationException))]
        [InlineData("UnexpectedLambdaException", typeof(UnexpectedLambdaException))]
        [InlineData("InvalidLambdaResponseException", typeof(InvalidLambdaResponseException))]
        [InlineData("PreconditionNotMetException", typeof(PreconditionNotMetException))]
        [InlineData("InvalidSmsRoleAccessPolicyException", typeof(InvalidSmsRoleAccessPolicyException))]
        [InlineData("InvalidSmsRoleTrustRelationshipException", typeof(InvalidSmsRoleTrustRelationshipException))]
        [InlineData("InvalidEmailRoleAccessPolicyException", typeof(InvalidEmailRoleAccessPolicyException))]
        public void EveryMappedErrorGetsItsTypedException(string code, Type expected)
        {
            var error = Parse(HttpStatusCode.BadRequest, $"{{\"__type\":\"{code}\",\"message\":\"m\"}}");

            Assert.IsType(expected, error);
            Assert.Equal(code, error.ErrorCode);
            Assert.Equal("m", error.Message);
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Equal("req-1", error.RequestId);
        }

        [Theory]
        [InlineData("com.amazonaws.cognito.identity.idp.model#UserNotFoundException")]
        [InlineData("CognitoLocal#UserNotFoundException")]
        [InlineData("UserNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.validate/")]
        public void NamespacePrefixesAndSuffixesAreStripped(string type)
        {
            Assert.IsType<UserNotFoundException>(Parse(HttpStatusCode.BadRequest, $"{{\"__type\":\"{type}\",\"message\":\"User does not exist.\"}}"));
        }

        [Fact]
        public void AnUnknownCodeKeepsItsName()
        {
            var error = Parse(HttpStatusCode.BadRequest, "{\"__type\":\"BrandNewFeatureException\",\"Message\":\"capital M message\"}");

            Assert.Equal(typeof(CognitoServiceException), error.GetType());
            Assert.Equal("BrandNewFeatureException", error.ErrorCode);
            Assert.Equal("capital M message", error.Message);
        }

        [Theory]
        [InlineData(HttpStatusCode.BadGateway, "<html>Bad gateway</html>", "InternalErrorException")]
        [InlineData(HttpStatusCode.InternalServerError, "", "InternalErrorException")]
        [InlineData(HttpStatusCode.BadRequest, "{\"no\":\"type\"}", "UnknownError")]
        [InlineData(HttpStatusCode.BadRequest, "[1,2]", "UnknownError")]
        public void ARepliesThatIsNotAnErrorDocumentSaysWhatArrived(HttpStatusCode status, string body, string expectedCode)
        {
            var error = Parse(status, body, null);

            Assert.Equal(expectedCode, error.ErrorCode);
            Assert.Contains($"HTTP {(int)status}", error.Message);
            Assert.Null(error.RequestId);
        }
    }
}
