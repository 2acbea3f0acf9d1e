using System;
using System.Diagnostics;
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
            using var shell = _host.Start($"'a','b','c' | Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -Password $pw -EndpointUrl ${server} -Credential $cred {options}");
            WaitFor(() => requests.Count >= (server == "stalling" ? 1 : 4)); // throttling: well into the backoff

            var stopping = Stopwatch.StartNew();
            shell.Stop();
            stopping.Stop();

            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"Stop took {stopping.ElapsedMilliseconds} ms");
            var sent = requests.Count;
            Thread.Sleep(300);
            Assert.Equal(sent, requests.Count); // nothing more is sent after the stop
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
        public void MaxRequestsPerSecondSpacesTheRequests()
        {
            // A lower bound only: five gaps of 1/20 s cannot take less than 250 ms. How close to the rate it gets is a benchmark's job.
            var timer = Stopwatch.StartNew();
            var result = _host.Run("1..6 | ForEach-Object { \"u$_\" } | Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -Password $pw -EndpointUrl $url -Credential $cred -MaxRequestsPerSecond 20");
            timer.Stop();

            Assert.Empty(result.Errors);
            Assert.Equal(6, _fine.Requests.Count);
            Assert.True(timer.Elapsed >= TimeSpan.FromMilliseconds(250), $"6 requests at 20/s took only {timer.ElapsedMilliseconds} ms");
        }
    }
}
