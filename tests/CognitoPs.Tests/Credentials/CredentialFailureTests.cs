using System;
using System.IO;
using System.Net;
using System.Net.Http;
using Amazon.Runtime;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>Each way credentials fail is one specific, actionable configuration error that names the source, never a secret.</summary>
    public class CredentialFailureTests
    {
        private const string Source = "profile 'admin'";

        private static AmazonServiceException Answer(string code, string message) =>
            new AmazonServiceException(message, null, ErrorType.Sender, code, "request-1", HttpStatusCode.Forbidden);

        public static TheoryData<Exception, string, ConfigurationProblem> Failures => new TheoryData<Exception, string, ConfigurationProblem>
        {
            { new AmazonClientException("Error calling AssumeRole", Answer("AccessDenied", "User: arn:aws:iam::1:user/x is not authorized to perform: sts:AssumeRole")), "AssumeRoleAccessDenied", ConfigurationProblem.PermissionDenied },
            { Answer("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code. "), "MfaCodeRejected", ConfigurationProblem.Authentication },
            { Answer("ExpiredToken", "The security token included in the request is expired"), "SourceCredentialsExpired", ConfigurationProblem.Authentication },
            { Answer("InvalidIdentityToken", "Couldn't retrieve verification key"), "WebIdentityTokenRejected", ConfigurationProblem.Authentication },
            { Answer("UnauthorizedException", "Session token not found or invalid"), "SsoLoginRequired", ConfigurationProblem.Authentication },
            { Answer("ForbiddenException", "No access"), "SsoAccessDenied", ConfigurationProblem.PermissionDenied },
            { new AmazonClientException("No valid SSO Token could be found."), "SsoLoginRequired", ConfigurationProblem.Authentication },
            { new AmazonClientException("SSO Token has expired and can not be refreshed"), "SsoLoginRequired", ConfigurationProblem.Authentication },
            { new InvalidOperationException("wrapped", new HttpRequestException("Connection refused")), "CredentialServiceUnreachable", ConfigurationProblem.Unreachable },
            { new InvalidDataException("Error reading source profile [nowhere] for profile [admin]."), "InvalidProfile", ConfigurationProblem.InvalidSetting },
            { new ProcessAWSCredentialException("Command returned non-zero exit value 1 with the error - {\"SecretAccessKey\":\"leaked\"}"), "CredentialProcessFailed", ConfigurationProblem.Authentication },
        };

        [Theory]
        [MemberData(nameof(Failures))]
        public void EachFailureHasItsOwnIdProblemAndAdvice(Exception failure, string errorId, ConfigurationProblem problem)
        {
            var described = CredentialFailure.Describe(failure, Source);

            Assert.Equal((errorId, problem), (described.ErrorId, described.Problem));
            Assert.True(described.AffectsEveryRequest);
            Assert.Contains(Source, described.Message);
            Assert.False(string.IsNullOrEmpty(described.RecommendedAction));
        }

        [Fact]
        public void AMissingMfaCodeSaysHowToPassOne()
        {
            var described = CredentialFailure.Describe(
                new AmazonClientException("Error calling AssumeRole", new MfaCodeUnavailableException(Source, "arn:aws:iam::123456789012:mfa/alice")), Source);

            Assert.Equal("MfaCodeRequired", described.ErrorId);
            Assert.Contains("arn:aws:iam::123456789012:mfa/alice", described.Message);
            Assert.Contains("Use-STSRole", described.RecommendedAction);
        }

        [Fact]
        public void ACredentialProcessFailureRepeatsNothingOfWhatTheProcessPrinted()
        {
            var described = CredentialFailure.Describe(new ProcessAWSCredentialException("{\"SecretAccessKey\":\"leaked\"}"), Source);

            Assert.DoesNotContain("leaked", described.ToString());
            Assert.Null(described.InnerException);
        }

        [Fact]
        public void TheSignInAdviceNamesTheProfilesOwnLoginCommand() =>
            Assert.Contains("aws sso login --profile admin", CredentialFailure.Describe(new AmazonClientException("No valid SSO Token could be found."), Source).RecommendedAction);
    }
}
