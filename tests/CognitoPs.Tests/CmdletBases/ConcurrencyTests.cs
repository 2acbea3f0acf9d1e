using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text.Json;
using System.Threading;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>-ThrottleLimit, -GeneratePassword and progress, through the cmdlet in a hosted runspace.</summary>
    public sealed class ConcurrencyTests : IDisposable
    {
        private readonly FakeHttpServer _server;
        private readonly HostedRunspace _host;
        private readonly ConcurrentDictionary<string, string> _passwords = new ConcurrentDictionary<string, string>();
        private int _inFlight;
        private int _mostInFlight;

        public ConcurrencyTests()
        {
            _server = new FakeHttpServer(Answer);
            _host = new HostedRunspace(_server.Url);
            _host.SetVariable("pw", Secrets.Secure("Temp-Passw0rd!"));
        }

        public void Dispose()
        {
            _host.Dispose();
            _server.Dispose();
        }

        // Later users answer sooner (u01 waits longest), so finishing order is the reverse of input order.
        private (int, string) Answer(CapturedRequest request)
        {
            using var body = JsonDocument.Parse(request.Body);
            var input = body.RootElement;
            if (request.Target!.EndsWith(".DescribeUserPool", StringComparison.Ordinal))
            {
                return (200, "{\"UserPool\":{\"Id\":\"eu-west-1_Ab12\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":24,\"RequireUppercase\":true,\"RequireLowercase\":true,\"RequireNumbers\":true,\"RequireSymbols\":true}}}}");
            }

            var user = input.GetProperty("Username").GetString()!;
            _passwords[user] = input.GetProperty("Password").GetString()!;
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _mostInFlight, now);
            try
            {
                Thread.Sleep(user.StartsWith("u", StringComparison.Ordinal) ? 10 * (21 - int.Parse(user.Substring(1))) : 5);
                if (input.GetProperty("UserPoolId").GetString()!.EndsWith("_NoSuchPool", StringComparison.Ordinal))
                {
                    return (400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"User pool does not exist.\"}");
                }

                return user.StartsWith("ghost", StringComparison.Ordinal)
                    ? (400, "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}")
                    : (200, "{}");
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }

        private const string Users = "$users = 1..20 | ForEach-Object { 'u{0:00}' -f $_ }; ";

        [Fact]
        public void ThrottleLimitRunsRequestsSideBySideAndKeepsInputOrder()
        {
            var result = _host.Run(Users + "$users | Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -Password $pw -PassThru -ThrottleLimit 4 -EndpointUrl $url -Credential $cred");

            Assert.Empty(result.Errors);
            Assert.Equal(Enumerable.Range(1, 20).Select(i => $"u{i:00}"), result.Output.Select(o => (string)o.Properties["Username"].Value));
            Assert.Equal(20, _server.Requests.Count);
            Assert.Equal(4, _mostInFlight);
        }

        [Fact]
        public void TheDefaultIsOneRequestAtATime()
        {
            _host.Run(Users + "$users | Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -Password $pw -EndpointUrl $url -Credential $cred");

            Assert.Equal(20, _server.Requests.Count);
            Assert.Equal(1, _mostInFlight);
        }

        [Fact]
        public void EveryUserEndsWithExactlyOneResultOrOneError()
        {
            var result = _host.Run(
                "$users = 1..20 | ForEach-Object { if ($_ % 5 -eq 0) { 'ghost{0:00}' -f $_ } else { 'u{0:00}' -f $_ } }; " +
                "$users | Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -Password $pw -PassThru -ThrottleLimit 8 -EndpointUrl $url -Credential $cred");

            var succeeded = result.Output.Select(o => (string)o.Properties["Username"].Value).ToList();
            var failed = result.Errors.Select(e => (string)e.TargetObject).ToList();
            Assert.Equal(new[] { "ghost05", "ghost10", "ghost15", "ghost20" }, failed);
            Assert.Equal(16, succeeded.Count);
            Assert.Empty(succeeded.Intersect(failed));
            Assert.Equal(succeeded.OrderBy(n => n, StringComparer.Ordinal), succeeded);
        }

        [Fact]
        public void WhatIfIsAskedPerUserAndSendsNothing()
        {
            var result = _host.Run(Users + "$users | Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -Password $pw -ThrottleLimit 8 -WhatIf -EndpointUrl $url -Credential $cred");

            Assert.Empty(_server.Requests);
            Assert.Empty(result.Errors);
        }

        [Fact]
        public void ATerminatingErrorReportsTheRequestsAlreadySentThenStops()
        {
            var result = _host.Run(Users + "$users | Set-CognitoUserPassword -UserPoolId eu-west-1_NoSuchPool -Password $pw -PassThru -ThrottleLimit 4 -EndpointUrl $url -Credential $cred");

            Assert.Equal("ResourceNotFound,CognitoPs.Commands.SetCognitoUserPasswordCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Equal(4, _server.Requests.Count); // the first four were in flight; nothing was started after the failure
            Assert.Equal(3, result.Errors.Count); // the other three in-flight users are accounted for, not dropped
        }

        [Fact]
        public void StoppingCancelsEveryRequestInFlight()
        {
            using var stalling = new FakeHttpServer(_ => (0, ""));
            _host.SetVariable("stalling", stalling.Url);
            _host.Run($"Import-Module '{typeof(TestCognitoEngineCommand).Assembly.Location}'");
            using var shell = _host.Start(Users + "$users | Test-CognitoEngine -UserPoolId eu-west-1_Stop8 -ThrottleLimit 8 -TimeoutSec 120 -EndpointUrl $stalling -Credential $cred");
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (stalling.Requests.Count < 8)
            {
                Assert.True(DateTime.UtcNow < deadline, "8 requests never arrived");
                Thread.Sleep(20);
            }

            shell.Stop();

            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            // When Stop returns, nothing the command started is still running, so nothing more can be sent.
            Assert.Equal(0, TestCognitoEngineCommand.InFlight["eu-west-1_Stop8"]);
            Assert.Equal(8, stalling.Requests.Count);
        }

        [Fact]
        public void GeneratePasswordSetsAUniquePolicyPasswordPerUserAndReturnsItOnlyInPassThru()
        {
            var result = _host.Run(Users + "$users | Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -GeneratePassword -PassThru -ThrottleLimit 4 -EndpointUrl $url -Credential $cred -Verbose");

            Assert.Empty(result.Errors);
            Assert.Single(_server.Requests, r => r.Target!.EndsWith(".DescribeUserPool", StringComparison.Ordinal)); // the policy is read once
            Assert.Equal(20, _passwords.Count);
            Assert.Equal(20, _passwords.Values.Distinct().Count());
            Assert.All(_passwords.Values, p => Assert.Equal(24, p.Length)); // the pool's minimum, over the default 20
            foreach (var output in result.Output)
            {
                var user = (string)output.Properties["Username"].Value;
                var returned = Assert.IsType<SecureString>(output.Properties["Password"].Value);
                Assert.Equal(_passwords[user], PasswordGeneratorTests.Reveal(returned));
                Assert.Equal("FORCE_CHANGE_PASSWORD", output.Properties["Status"].Value);
            }

            Assert.All(result.Messages, m => Assert.DoesNotContain(m, _passwords.Values));
        }

        [Fact]
        public void GeneratePasswordWithoutPassThruIsRefusedBeforeAnyRequest()
        {
            var result = _host.Run("'u01' | Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -GeneratePassword -EndpointUrl $url -Credential $cred");

            Assert.Equal("GeneratedPasswordNeedsPassThru,CognitoPs.Commands.SetCognitoUserPasswordCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Empty(_server.Requests);
        }

        [Fact]
        public void LongRunsShowProgressWithAPercentageAndEndWithASummary()
        {
            var result = _host.Run(
                "$ProgressPreference = 'Continue'; Set-CognitoUserPassword -Username (1..20 | ForEach-Object { 'u{0:00}' -f $_ }) " +
                "-UserPoolId eu-west-1_Ab12 -Password $pw -MaxRequestsPerSecond 20 -EndpointUrl $url -Credential $cred");

            Assert.NotEmpty(result.Progress);
            Assert.Contains(result.Progress, p => p.PercentComplete > 0 && p.StatusDescription.Contains("of 20 users"));
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
            Assert.Matches(@"^20 set, 0 failed in \d+\.\d s$", Assert.Single(result.Messages, m => m.Contains(" set, ")));
        }

        [Fact]
        public void NoProgressWhenProgressPreferenceIsSilentlyContinue()
        {
            var result = _host.Run(
                "$ProgressPreference = 'SilentlyContinue'; Set-CognitoUserPassword -Username (1..20 | ForEach-Object { 'u{0:00}' -f $_ }) " +
                "-UserPoolId eu-west-1_Ab12 -Password $pw -MaxRequestsPerSecond 20 -EndpointUrl $url -Credential $cred");

            Assert.Empty(result.Progress);
            Assert.Equal(20, _server.Requests.Count);
        }
    }
}
