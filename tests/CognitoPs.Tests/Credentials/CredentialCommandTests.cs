using System;
using System.Linq;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>Credentials through the cmdlets in a hosted runspace (no user interface: nobody can be asked anything).</summary>
    [Collection(EnvironmentCollection.Name)]
    public sealed class CredentialCommandTests : IDisposable
    {
        private readonly FakeHttpServer _server = new FakeHttpServer(_ => (200, "{\"Users\":[{\"Username\":\"ann\"}]}"));
        private readonly HostedRunspace _host;

        public CredentialCommandTests() => _host = new HostedRunspace(_server.Url);

        public void Dispose()
        {
            _host.Dispose();
            _server.Dispose();
        }

        [Fact]
        public void ARoleThatNeedsAnMfaCodeStopsTheCommandBeforeAnyRequestWhenNobodyCanBeAsked()
        {
            var result = _host.Run("Get-CognitoUser -UserPoolId eu-west-1_Ab12 -EndpointUrl $url -ProfileName mfa-admin");

            Assert.Equal("MfaCodeRequired,CognitoPs.Commands.GetCognitoUserCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, result.Terminating!.CategoryInfo.Category);
            Assert.Contains("Use-STSRole", result.Terminating.ErrorDetails.RecommendedAction);
            Assert.Empty(_server.Requests);
        }

        [Fact]
        public void TemporaryCredentialsGivenToCredentialSignTheRequestAndSendTheirSessionToken()
        {
            var result = _host.Run("Get-CognitoUser -UserPoolId eu-west-1_Ab12 -EndpointUrl $url -Verbose " +
                "-Credential @{ AccessKeyId = 'ASIAGIVEN'; SecretAccessKey = 'given-secret'; SessionToken = 'given-session-token' }");

            Assert.Null(result.Terminating);
            var request = Assert.Single(_server.Requests);
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAGIVEN/", request.Authorization);
            Assert.Contains("x-amz-security-token", request.Authorization);
            Assert.Equal("given-session-token", request.SecurityToken);
            Assert.Contains(result.Messages, m => m == "Signing requests with the credentials of -Credential (access key ASIAGIVEN).");
            Assert.DoesNotContain(result.Messages, m => m.Contains("given-secret") || m.Contains("given-session-token"));
        }

        [Fact]
        public void TheSessionKeepsResolvedTemporaryCredentialsOnlyForTheSameIdentity()
        {
            using var environment = new EnvironmentScope().Set("AWS_ACCESS_KEY_ID", "AKIDENVONE").Set("AWS_SECRET_ACCESS_KEY", "env-secret").Set("AWS_PROFILE", null);

            _host.Run("Get-CognitoUser -UserPoolId eu-west-1_Ab12 -EndpointUrl $url");
            environment.Set("AWS_ACCESS_KEY_ID", "AKIDENVTWO");
            _host.Run("Get-CognitoUser -UserPoolId eu-west-1_Ab12 -EndpointUrl $url");

            Assert.Equal(new[] { "AKIDENVONE", "AKIDENVTWO" }, _server.Requests.Select(r => r.Authorization!.Split("Credential=")[1].Split('/')[0]));
        }
    }
}
