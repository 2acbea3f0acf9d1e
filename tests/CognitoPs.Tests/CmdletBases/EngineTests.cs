using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading;
using CognitoPs.Commands;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>The per-user engine's promises: early stop, stalls, throttling, order, progress, through cmdlets in a hosted runspace.</summary>
    public sealed class EngineTests : IDisposable
    {
        private const string Throttled = "{\"__type\":\"TooManyRequestsException\",\"message\":\"Too many requests\"}";
        private const string NotFound = "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}";
        private readonly FakeHttpServer _server;
        private readonly HostedRunspace _host;
        private Func<string, (int, string)> _answer = _ => (200, "{}");

        public EngineTests()
        {
            _server = new FakeHttpServer(request =>
            {
                var user = JsonDocument.Parse(request.Body).RootElement.GetProperty("Username").GetString()!;
                return _answer(user);
            });
            _host = new HostedRunspace(_server.Url);
            _host.Run($"Import-Module '{typeof(TestCognitoEngineCommand).Assembly.Location}'");
            _host.SetVariable("pw", Secrets.Secure("Temp-Passw0rd!"));
        }

        public void Dispose()
        {
            _host.Dispose();
            _server.Dispose();
        }

        private const string Connection = "-EndpointUrl $url -Credential $cred";

        // The issue's own scenario: user 3 of 20 is missing, 8 in flight, every call takes 300 ms.
        private const string TwentyWithMissingThird = "$users = 1..20 | ForEach-Object { if ($_ -eq 3) { 'missing0003' } else { 'user{0:000000}' -f $_ } }; ";

        private static string[] Names(HostedRunspace.Result result) => result.Output.Select(o => (string)o.Properties["Username"].Value).ToArray();

        [Fact]
        public void AfterErrorActionStopEveryRequestAlreadySentIsStillReported()
        {
            _answer = user => { Thread.Sleep(300); return user.StartsWith("missing", StringComparison.Ordinal) ? (400, NotFound) : (200, "{}"); };

            var result = _host.Run(TwentyWithMissingThird +
                $"$users | Set-CognitoUserPassword -UserPoolId us-east-1_X -Password $pw -ThrottleLimit 8 -PassThru -ErrorAction Stop {Connection}");

            Assert.Equal("UserNotFound,CognitoPs.Commands.SetCognitoUserPasswordCommand", result.Terminating?.FullyQualifiedErrorId);
            var sent = _server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("Username").GetString()!).OrderBy(n => n).ToArray();
            var warned = result.Messages.Where(m => m.Contains("could not be written")).ToArray();
            // Each user that was sent is reported exactly once: written, the error that stopped the run, or a warning.
            Assert.Equal(sent.Length, result.Output.Count + 1 + warned.Length);
            Assert.Equal(sent.Where(n => n != "missing0003"), Names(result).Concat(warned.Select(w => w.Split('\'')[1])).OrderBy(n => n));
            Assert.True(sent.Length < 20, "requests kept starting after the failure");
        }

        [Fact]
        public void AfterSelectObjectFirstEveryRequestAlreadySentIsReportedAsOutputOrWarning()
        {
            _answer = _ => { Thread.Sleep(300); return (200, "{}"); };

            var result = _host.Run(TwentyWithMissingThird.Replace("missing0003", "user000003") +
                $"$users | Set-CognitoUserPassword -UserPoolId us-east-1_X -Password $pw -ThrottleLimit 8 -PassThru {Connection} -InformationVariable summary | Select-Object -First 2");

            Assert.Null(result.Terminating);
            Assert.Equal(new[] { "user000001", "user000002" }, Names(result));
            var warnings = result.Messages.Where(m => m.Contains("could not be written")).ToList();
            Assert.Equal(_server.Requests.Count - 2, warnings.Count);
            Assert.All(warnings, w => Assert.Matches(@"^User 'user\d{6}' in user pool 'us-east-1_X': set, but the result could not be written", w));
            Assert.Contains(result.Messages, m => m.Contains($"{_server.Requests.Count} set, 0 failed") && m.Contains($"{warnings.Count} reported as warnings"));
        }

        [Fact]
        public void AFailingLaterCommandEndsTheRunAndTheOthersAreStillReported()
        {
            _answer = user => user == "a" ? (200, "{}") : (400, Throttled);

            var result = _host.Run($"'a','b','c','d' | Test-CognitoEngine -UserPoolId eu-west-1_Down -ThrottleLimit 4 -MaxRetries 1 -PassThru {Connection} | ForEach-Object {{ throw 'downstream broke' }}");

            Assert.Contains("downstream broke", result.Terminating?.ToString());
            Assert.Equal(new[] { "b", "c", "d" }, result.Errors.Select(e => (string)e.TargetObject));
            Assert.All(result.Errors, e => Assert.Equal("TooManyRequests,CognitoPs.Tests.TestCognitoEngineCommand", e.FullyQualifiedErrorId));
            Assert.Equal(0, TestCognitoEngineCommand.InFlight["eu-west-1_Down"]); // nothing the command started outlives it, so nothing more can be sent
        }

        [Fact]
        public void SecretsAreReleasedOnlyOnceTheRequestsThatUseThemHaveFinished()
        {
            // Ctrl+C while four requests are in flight; each takes a moment to wind down after the cancel, as a reply
            // already on its way would (and it is still read against the user's secret meanwhile).
            _answer = _ => (0, "");
            using var shell = _host.Start($"'s1','s2','s3','s4' | Test-CognitoEngine -UserPoolId eu-west-1_Drain -ThrottleLimit 4 -WindDownMs 300 -PassThru {Connection}");
            WaitFor(() => _server.Requests.Count >= 4);

            shell.Stop();

            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Equal(new[] { "s1", "s2", "s3", "s4" }, TestCognitoEngineCommand.Released["eu-west-1_Drain"].OrderBy(n => n));
            Assert.All(TestCognitoEngineCommand.ReleasedAfterFinish["eu-west-1_Drain"], Assert.True);
            Assert.Equal(0, TestCognitoEngineCommand.InFlight["eu-west-1_Drain"]);
        }

        private static void WaitFor(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "the expected requests never arrived");
                Thread.Sleep(20);
            }
        }

        [Fact]
        public void DisposingACommandCancelsWhatItStarted()
        {
            var command = new DisableCognitoUserCommand();
            var token = command.StopToken;

            command.Dispose();

            Assert.True(token.IsCancellationRequested);
        }

        [Fact]
        public void AStalledRequestHoldsOnlyItsOwnSlot()
        {
            // u03 is answered only once every other user has arrived. An engine that let u03 hold up the window would
            // never send them: u03 would then give up (after far longer than the run needs) and fail.
            using var othersArrived = new CountdownEvent(39);
            _answer = user =>
            {
                if (user == "u03")
                {
                    return othersArrived.Wait(TimeSpan.FromSeconds(60)) ? (200, "{}") : (500, "{\"__type\":\"InternalErrorException\",\"message\":\"the others never came\"}");
                }

                othersArrived.Signal();
                return (200, "{}");
            };

            var result = _host.Run($"1..40 | ForEach-Object {{ 'u{{0:00}}' -f $_ }} | Set-CognitoUserPassword -UserPoolId eu-west-1_Stall -Password $pw -ThrottleLimit 4 -TimeoutSec 120 -MaxRetries 0 -PassThru {Connection}");

            Assert.Empty(result.Errors);
            Assert.Equal(Enumerable.Range(1, 40).Select(i => $"u{i:00}"), Names(result)); // input order kept
        }

        [Fact]
        public void ThrottlingSlowsTheWholeCommandInsteadOfFailingUsers()
        {
            // A Cognito-style quota: at most 25 requests accepted in any second, the rest throttled.
            var accepted = new ConcurrentQueue<DateTime>();
            var gate = new object();
            _answer = _ =>
            {
                lock (gate)
                {
                    var now = DateTime.UtcNow;
                    while (accepted.TryPeek(out var oldest) && now - oldest >= TimeSpan.FromSeconds(1))
                    {
                        accepted.TryDequeue(out DateTime _);
                    }

                    if (accepted.Count >= 25)
                    {
                        return (400, Throttled);
                    }

                    accepted.Enqueue(now);
                }

                Thread.Sleep(20);
                return (200, "{}");
            };

            var result = _host.Run($"1..120 | ForEach-Object {{ \"q$_\" }} | Set-CognitoUserPassword -UserPoolId eu-west-1_Quota -Password $pw -ThrottleLimit 16 -Verbose {Connection}");

            Assert.Empty(result.Errors);
            Assert.Contains(result.Messages, m => m.Contains("is throttling: sending at most"));
        }

        [Fact]
        public void AnEmptySuccessBodyIsSuccessForAnOperationWithoutReplyMembers()
        {
            _answer = user => user == "garbage" ? (200, "<html>") : (200, user == "blank" ? " \r\n" : "");

            var result = _host.Run($"'empty','blank','garbage' | Set-CognitoUserPassword -UserPoolId eu-west-1_Empty -Password $pw -PassThru {Connection}");

            Assert.Equal(new[] { "empty", "blank" }, Names(result));
            Assert.Equal("MalformedReply", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        }

        [Fact]
        public void FailedAndUnwrittenUsersAreReleased()
        {
            // a1 answers last, so a2..a4 are in flight (sent) when its output stops the pipeline.
            _answer = user => user.StartsWith("ghost", StringComparison.Ordinal) ? (400, NotFound) : user == "a1" ? Slow() : (200, "{}");
            static (int, string) Slow()
            {
                Thread.Sleep(300);
                return (200, "{}");
            }

            _host.Run($"'ok1','ghost1','ok2' | Test-CognitoEngine -UserPoolId eu-west-1_Rel1 -PassThru {Connection}");
            _host.Run($"'a1','a2','a3','a4' | Test-CognitoEngine -UserPoolId eu-west-1_Rel2 -ThrottleLimit 4 -PassThru {Connection} | Select-Object -First 1");

            Assert.Equal(new[] { "ghost1" }, TestCognitoEngineCommand.Released["eu-west-1_Rel1"]);
            Assert.Equal(new[] { "a2", "a3", "a4" }, TestCognitoEngineCommand.Released["eu-west-1_Rel2"].OrderBy(n => n));
        }

        [Fact]
        public void ProgressActionOnTheCommandLineWinsOverProgressPreference()
        {
            var result = _host.Run(
                "$ProgressPreference = 'SilentlyContinue'; Set-CognitoUserPassword -Username (1..20 | ForEach-Object { \"p$_\" }) " +
                $"-UserPoolId eu-west-1_Ab12 -Password $pw -MaxRequestsPerSecond 20 -ProgressAction Continue {Connection}");

            Assert.NotEmpty(result.Progress);
        }

        [Fact]
        public void WhatIfNamesUserAndPoolForEveryLifecycleCmdletAndSendsNothing()
        {
            var cmdlets = new[]
            {
                "New-CognitoUser", "Remove-CognitoUser", "Enable-CognitoUser", "Disable-CognitoUser", "Reset-CognitoUserPassword",
                "Confirm-CognitoUser", "Revoke-CognitoUserSession",
            };
            foreach (var cmdlet in cmdlets)
            {
                var result = _host.Run($"'alice' | {cmdlet} -UserPoolId eu-west-1_Wif -WhatIf -Verbose {Connection}");
                Assert.Null(result.Terminating);
            }

            Assert.Empty(_server.Requests);
        }
    }
}
