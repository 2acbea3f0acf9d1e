using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>Ctrl+C, retry limits and pacing, through the cmdlet in a hosted runspace.</summary>
    public sealed class ReliabilityTests : IDisposable
    {
        private const string Throttled = "{\"__type\":\"TooManyRequestsException\",\"message\":\"Too many requests\"}";
        private readonly FakeHttpServer _stalling = new FakeHttpServer(_ => (0, ""));
        private readonly FakeHttpServer _throttling = new FakeHttpServer(_ => (400, Throttled));
        private readonly FakeHttpServer _fine = new FakeHttpServer(_ => (200, "{}"));
        private readonly HostedRunspace _host;

        public ReliabilityTests()
        {
            _host = new HostedRunspace(_fine.Url);
            _host.SetVariable("pw", Secrets.Secure("Temp-Passw0rd!"));
            _host.SetVariable("stalling", _stalling.Url);
            _host.SetVariable("throttling", _throttling.Url);
            _host.Run($"Import-Module '{typeof(TestCognitoEngineCommand).Assembly.Location}'");
        }

        public void Dispose()
        {
            _host.Dispose();
            _stalling.Dispose();
            _throttling.Dispose();
            _fine.Dispose();
        }

        private static void WaitFor(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "the expected request never arrived");
                Thread.Sleep(20);
            }
        }

        [Theory]
        [InlineData("stalling", "-TimeoutSec 120")]                 // Ctrl+C during a request the server never answers
        [InlineData("throttling", "-MaxRetries 20 -TimeoutSec 120")] // Ctrl+C during the backoff wait between retries
        public void StoppingCancelsInFlightRequestsAndBackoffWaits(string server, string options)
        {
            var requests = server == "stalling" ? _stalling.Requests : _throttling.Requests;
            var pool = "eu-west-1_Stop" + server;
            using var shell = _host.Start($"'a','b','c' | Test-CognitoEngine -UserPoolId {pool} -EndpointUrl ${server} -Credential $cred {options}");
            WaitFor(() => requests.Count >= (server == "stalling" ? 1 : 4)); // throttling: well into the backoff

            shell.Stop();

            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            // When Stop returns, nothing the command started is still running (request or backoff), so nothing more is sent.
            Assert.Equal(0, TestCognitoEngineCommand.InFlight[pool]);
            Assert.DoesNotContain(requests, r => r.Body.Contains("\"Username\":\"b\""));
        }

        [Theory]
        [InlineData(0, 1)]
        [InlineData(2, 3)]
        public void MaxRetriesBoundsTheAttempts(int maxRetries, int attempts)
        {
            var result = _host.Run($"'a' | Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -Password $pw -EndpointUrl $throttling -Credential $cred -MaxRetries {maxRetries} -Verbose");

            Assert.Equal(attempts, _throttling.Requests.Count);
            Assert.Equal("TooManyRequests,CognitoPs.Commands.SetCognitoUserPasswordCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal(maxRetries, result.Messages.Count(m => m.Contains("retrying in")));
        }

        [Fact]
        public async System.Threading.Tasks.Task MaxRequestsPerSecondAboveAThousandLetsEveryRequestGo()
        {
            // The old timer-based limiter's period truncated to 0 ms above 1,000/s: every request after the first waited
            // forever. The spacing itself is tested exactly on a hand-moved clock (RequestPacingTests); the rate achieved
            // on a real clock is benchmark B3b's.
            var run = System.Threading.Tasks.Task.Run(() => _host.Run(
                "1..200 | ForEach-Object { \"u$_\" } | Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -Password $pw -EndpointUrl $url -Credential $cred -ThrottleLimit 32 -MaxRequestsPerSecond 2000 -PassThru"));

            var finished = await System.Threading.Tasks.Task.WhenAny(run, System.Threading.Tasks.Task.Delay(TimeSpan.FromMinutes(2)));

            Assert.True(finished == run, "a run capped at 2,000 requests/s never finished");
            var result = await run;
            Assert.Empty(result.Errors);
            Assert.Equal(200, result.Output.Count);
            Assert.Equal(200, _fine.Requests.Count);
        }
    }
}
