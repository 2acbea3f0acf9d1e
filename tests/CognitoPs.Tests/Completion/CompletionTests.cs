using System;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>
    /// -UserPoolId completion asks as the command would (its own -Credential, -ProfileName, -Region, -EndpointUrl), keeps
    /// only listings that succeeded, and never shows one identity's pools to another.
    /// </summary>
    public sealed class CompletionTests : IDisposable
    {
        private readonly FakeHttpServer _server;
        private readonly HostedRunspace _host;
        private volatile bool _failing;

        public CompletionTests()
        {
            _server = new FakeHttpServer(request =>
            {
                if (_failing)
                {
                    return (400, "{\"__type\":\"ExpiredTokenException\",\"message\":\"The security token included in the request is expired\"}");
                }

                // Each identity has its own pool, named after its access key id.
                var key = request.Authorization!.Split("Credential=")[1].Split('/')[0];
                return (200, $"{{\"UserPools\":[{{\"Id\":\"eu-west-1_{key}\",\"Name\":\"pool of {key}\"}}]}}");
            });
            _host = new HostedRunspace(_server.Url);
            _host.SetVariable("credA", new PSCredential("AKIDA", Secrets.Secure("secret-a")));
            _host.SetVariable("credB", new PSCredential("AKIDB", Secrets.Secure("secret-b")));
        }

        public void Dispose()
        {
            _host.Dispose();
            _server.Dispose();
        }

        private string[] Complete(string credential)
        {
            var line = $"Get-CognitoUser -Region eu-west-1 -EndpointUrl $url -Credential ${credential} -UserPoolId ";
            var result = _host.Run($"(TabExpansion2 '{line}' {line.Length}).CompletionMatches.CompletionText");
            return result.Output.Where(o => o != null).Select(o => (string)o.BaseObject).ToArray();
        }

        private int Listings => _server.Requests.Count(r => r.Target!.EndsWith(".ListUserPools", StringComparison.Ordinal));

        [Fact]
        public void AFailedListingIsNotKeptTheNextTabAsksAgain()
        {
            _failing = true;
            Assert.Empty(Complete("credA"));

            _failing = false;
            Assert.Equal(new[] { "eu-west-1_AKIDA" }, Complete("credA"));
            Assert.Equal(2, Listings);
        }

        [Fact]
        public void AListingThatSucceededServesTheNextTabsOfTheSameIdentity()
        {
            Assert.Equal(new[] { "eu-west-1_AKIDA" }, Complete("credA"));
            Assert.Equal(new[] { "eu-west-1_AKIDA" }, Complete("credA"));

            Assert.Equal(1, Listings);
        }

        [Fact]
        public void AnotherIdentityGetsItsOwnListingNotTheFirstOnes()
        {
            Assert.Equal(new[] { "eu-west-1_AKIDA" }, Complete("credA"));

            Assert.Equal(new[] { "eu-west-1_AKIDB" }, Complete("credB"));
            Assert.Equal(2, Listings);
            Assert.Contains(_server.Requests, r => r.Authorization!.Contains("Credential=AKIDB/", StringComparison.Ordinal)); // asked as -Credential said
        }

        [Fact]
        public void AKeptListingExpiresAfterItsLifetime()
        {
            var now = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
            var cache = new CompletionCache<string>(TimeSpan.FromMinutes(5), () => now);
            cache.Keep("pools", new[] { "eu-west-1_A" });

            now = now.AddMinutes(4);
            Assert.True(cache.TryGet("pools", out var kept));
            Assert.Equal(new[] { "eu-west-1_A" }, kept);

            now = now.AddMinutes(1);
            Assert.False(cache.TryGet("pools", out _));
            Assert.False(cache.TryGet("groups", out _));
        }
    }
}
