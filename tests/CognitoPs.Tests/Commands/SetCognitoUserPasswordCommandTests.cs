using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>The cmdlet in a hosted runspace, against a loopback server that answers as Cognito does.</summary>
    public sealed class SetCognitoUserPasswordCommandTests : IDisposable
    {
        private const string Pool = "eu-west-1_Ab12";
        private const string Marker = "Mk-9f3e!Zq#Secret";
        private readonly FakeHttpServer _server;
        private readonly HostedRunspace _host;

        public SetCognitoUserPasswordCommandTests()
        {
            _server = new FakeHttpServer(Answer);
            _host = new HostedRunspace(_server.Url);
            _host.SetVariable("pw", Secrets.Secure(Marker));
        }

        public void Dispose()
        {
            _host.Dispose();
            _server.Dispose();
        }

        private static (int, string) Answer(CapturedRequest request)
        {
            using var body = JsonDocument.Parse(request.Body);
            var pool = body.RootElement.GetProperty("UserPoolId").GetString()!;
            var user = body.RootElement.GetProperty("Username").GetString();
            if (pool.EndsWith("_NoSuchPool", StringComparison.Ordinal))
            {
                return (400, $"{{\"__type\":\"ResourceNotFoundException\",\"message\":\"User pool {pool} does not exist.\"}}");
            }

            return user switch
            {
                "ghost" => (400, "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}"),
                "weak" => (400, "{\"__type\":\"InvalidPasswordException\",\"message\":\"Password does not conform to policy: Password not long enough\"}"),
                "echo" => (400, $"{{\"__type\":\"InvalidParameterException\",\"message\":\"Value '{Marker}' at 'password' failed to satisfy constraint\"}}"),
                _ => (200, "{}"),
            };
        }

        // Connection parameters every call needs: the loopback server and a test key.
        private const string Connection = "-EndpointUrl $url -Credential $cred";

        private HostedRunspace.Result Run(string script) => _host.Run(script);

        private List<JsonElement> SentBodies() => _server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();

        [Fact]
        public void PipedNamesGetATemporaryPasswordByDefault()
        {
            var result = Run($"'alice','bob' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw -PassThru {Connection}");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "alice", "bob" }, result.Output.Select(o => (string)o.Properties["Username"].Value));
            Assert.All(result.Output, o => Assert.Equal("FORCE_CHANGE_PASSWORD", o.Properties["Status"].Value));
            Assert.All(result.Output, o => Assert.Equal(Pool, o.Properties["UserPoolId"].Value));
            Assert.All(SentBodies(), b => Assert.False(b.GetProperty("Permanent").GetBoolean()));
            Assert.All(SentBodies(), b => Assert.Equal(Marker, b.GetProperty("Password").GetString()));
        }

        [Fact]
        public void PermanentSendsPermanentAndReportsConfirmed()
        {
            var result = Run($"Set-CognitoUserPassword alice,bob -UserPoolId {Pool} -Password $pw -Permanent -PassThru {Connection}");

            Assert.Equal(2, result.Output.Count);
            Assert.All(result.Output, o => Assert.Equal("CONFIRMED", o.Properties["Status"].Value));
            Assert.All(SentBodies(), b => Assert.True(b.GetProperty("Permanent").GetBoolean()));
        }

        [Fact]
        public void WithoutPassThruNothingIsWritten()
        {
            var result = Run($"'alice' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw {Connection}");

            Assert.Empty(result.Output);
            Assert.Empty(result.Errors);
            Assert.Single(_server.Requests);
        }

        [Fact]
        public void ObjectsBindUsernameAndUserPoolIdByPropertyName()
        {
            var result = Run(
                "[pscustomobject]@{ Username = 'carol'; UserPoolId = 'eu-west-1_Zz9' }, [pscustomobject]@{ UserName = 'dave'; UserPoolId = 'eu-west-1_Yy8' } " +
                $"| Set-CognitoUserPassword -Password $pw -PassThru {Connection}");

            Assert.Empty(result.Errors);
            Assert.Equal(new (string?, string?)[] { ("eu-west-1_Zz9", "carol"), ("eu-west-1_Yy8", "dave") },
                SentBodies().Select(b => (b.GetProperty("UserPoolId").GetString(), b.GetProperty("Username").GetString())));
        }

        [Fact]
        public void AUserPoolIdOnTheCommandLineWinsOverThePipedProperty()
        {
            Run($"[pscustomobject]@{{ Username = 'carol'; UserPoolId = 'eu-west-1_Other' }} | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw {Connection}");

            Assert.Equal(Pool, Assert.Single(SentBodies()).GetProperty("UserPoolId").GetString());
        }

        [Fact]
        public void WhatIfSendsNothing()
        {
            var result = Run($"'alice','bob' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw -Permanent -WhatIf -PassThru {Connection}");

            Assert.Empty(_server.Requests);
            Assert.Empty(result.Output);
            Assert.Empty(result.Errors);
        }

        [Fact]
        public void AnUnknownUserIsANonTerminatingErrorAndTheNextUserStillSucceeds()
        {
            var result = Run($"'alice','ghost','bob' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw -PassThru {Connection}");

            Assert.Null(result.Terminating);
            Assert.Equal(new[] { "alice", "bob" }, result.Output.Select(o => (string)o.Properties["Username"].Value));
            var error = Assert.Single(result.Errors);
            Assert.Equal("UserNotFound,CognitoPs.Commands.SetCognitoUserPasswordCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("ghost", error.TargetObject);
            Assert.IsType<Client.UserNotFoundException>(error.Exception);
            Assert.Contains("user 'ghost' in user pool 'eu-west-1_Ab12'", error.ErrorDetails.Message);
            Assert.Equal(3, _server.Requests.Count);
        }

        [Fact]
        public void ErrorActionStopEndsTheRunAtTheFirstError()
        {
            var result = Run($"'alice','ghost','bob' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw -ErrorAction Stop {Connection}");

            Assert.NotNull(result.Terminating);
            Assert.Equal(2, _server.Requests.Count);
        }

        [Fact]
        public void AnUnknownPoolOnTheCommandLineStopsTheCommand()
        {
            var result = Run($"'alice','bob' | Set-CognitoUserPassword -UserPoolId eu-west-1_NoSuchPool -Password $pw {Connection}");

            var terminating = Assert.IsType<ErrorRecord>(result.Terminating);
            Assert.Equal("ResourceNotFound,CognitoPs.Commands.SetCognitoUserPasswordCommand", terminating.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, terminating.CategoryInfo.Category);
            Assert.Equal("eu-west-1_NoSuchPool", terminating.TargetObject);
            Assert.Single(_server.Requests);
        }

        [Fact]
        public void AnUnknownPoolFromOnePipedObjectDoesNotStopTheOthers()
        {
            var result = Run(
                "[pscustomobject]@{ Username = 'a'; UserPoolId = 'eu-west-1_NoSuchPool' }, [pscustomobject]@{ Username = 'b'; UserPoolId = 'eu-west-1_Ab12' } " +
                $"| Set-CognitoUserPassword -Password $pw -PassThru {Connection}");

            Assert.Null(result.Terminating);
            Assert.Equal("eu-west-1_NoSuchPool", Assert.Single(result.Errors).TargetObject);
            Assert.Equal("b", Assert.Single(result.Output).Properties["Username"].Value);
        }

        [Fact]
        public void APipedObjectWithABlankUserPoolIdFailsAloneButNoPoolAtAllStops()
        {
            var blank = Run(
                "[pscustomobject]@{ Username = 'a'; UserPoolId = '' }, [pscustomobject]@{ Username = 'b'; UserPoolId = 'eu-west-1_Ab12' } " +
                $"| Set-CognitoUserPassword -Password $pw -PassThru {Connection}");

            Assert.Null(blank.Terminating);
            Assert.Equal("UserPoolIdMissing,CognitoPs.Commands.SetCognitoUserPasswordCommand", Assert.Single(blank.Errors).FullyQualifiedErrorId);
            Assert.Equal("b", Assert.Single(blank.Output).Properties["Username"].Value);

            var none = Run($"'c', 'd' | Set-CognitoUserPassword -Password $pw {Connection}");

            Assert.Equal("UserPoolIdMissing,CognitoPs.Commands.SetCognitoUserPasswordCommand", none.Terminating?.FullyQualifiedErrorId);
            Assert.Single(_server.Requests); // only b's
        }

        [Fact]
        public void BadUsernamesAreRefusedLocallyAndTheGoodOnesStillSucceed()
        {
            var result = Run($"'alice', '', '   ', ('x' * 129), \"tab`there\", $null, 'bob' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw -PassThru {Connection}");

            Assert.Null(result.Terminating);
            Assert.Equal(new[] { "alice", "bob" }, SentBodies().Select(b => b.GetProperty("Username").GetString()));
            Assert.Equal(
                new[] { "UsernameMissing", "UsernameMissing", "UsernameTooLong", "UsernameInvalidCharacter", "UsernameMissing" },
                result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
            Assert.Equal(2, result.Output.Count);
        }

        [Theory]
        [InlineData("-UserPoolId 'not a pool' -Password $pw", "InvalidUserPoolId")]
        [InlineData("-UserPoolId eu-west-1_Ab12 -Password (New-Object SecureString)", "PasswordEmpty")]
        [InlineData("-UserPoolId eu-west-1_Ab12 -Password (ConvertTo-SecureString ('p' * 257) -AsPlainText -Force)", "PasswordTooLong")]
        [InlineData("-UserPoolId eu-west-1_Ab12 -Password $pw -Region us-east-1", "RegionMismatch")]
        [InlineData("-UserPoolId eu-west-1_Ab12 -Password $pw -Region Ireland", "InvalidRegion")]
        public void InvalidCommandLineValuesStopBeforeAnyRequest(string parameters, string errorId)
        {
            var result = Run($"'alice','bob' | Set-CognitoUserPassword {parameters} {Connection}");

            var record = Assert.IsType<ErrorRecord>(result.Terminating);
            Assert.Equal(errorId, record.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
            Assert.Empty(_server.Requests);
        }

        [Fact]
        public void PlainHttpToAnotherHostIsRefusedBeforeAnyRequest()
        {
            var result = Run($"'alice' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw -EndpointUrl http://cognito.example.com -Credential $cred");

            var record = Assert.IsType<ErrorRecord>(result.Terminating);
            Assert.Equal("InsecureEndpointUrl,CognitoPs.Commands.SetCognitoUserPasswordCommand", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.SecurityError, record.CategoryInfo.Category);
        }

        [Fact]
        public void ForceSkipsTheConfirmationThatConfirmPreferenceWouldAsk()
        {
            // A hosted runspace has no UI: a confirmation prompt is answered "no" instead of waiting, which makes it observable.
            Run($"$ConfirmPreference = 'Low'; 'alice' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw {Connection}");
            Assert.Empty(_server.Requests);

            var forced = Run($"$ConfirmPreference = 'Low'; 'alice' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw -Force {Connection}");
            Assert.Null(forced.Terminating);
            Assert.Empty(forced.Errors);
            Assert.Single(_server.Requests);
        }

        [Fact]
        public void ForceDoesNotOverrideWhatIf()
        {
            Run($"'alice' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw -Force -WhatIf {Connection}");

            Assert.Empty(_server.Requests);
        }

        [Fact]
        public void ThePasswordAppearsInNoStreamRecordOrException()
        {
            var result = Run(
                $"'alice','weak','echo','ghost' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw -PassThru -Verbose -Debug {Connection}; " +
                $"'alice' | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw -WhatIf -Verbose {Connection}");

            Assert.Equal(3, result.Errors.Count);
            Assert.Contains(result.Messages, m => m.Contains("AdminSetUserPassword for user 'alice'"));
            var everything = result.Messages
                .Concat(result.Output.Select(o => string.Join("|", o.Properties.Select(p => $"{p.Name}={p.Value}"))))
                .Concat(result.Errors.SelectMany(e => new[] { e.ToString(), e.Exception.ToString(), e.ErrorDetails?.Message ?? "", $"{e.TargetObject}" }));
            Assert.All(everything, text => Assert.DoesNotContain(Marker, text));
            Assert.Equal(4, _server.Requests.Count); // the marker did reach the server, so the check above is not vacuous
        }

        [Fact]
        public void UsernameIsPositionalAndHasAUserAlias()
        {
            Run($"Set-CognitoUserPassword alice -UserPoolId {Pool} -Password $pw {Connection}; [pscustomobject]@{{ User = 'bob' }} | Set-CognitoUserPassword -UserPoolId {Pool} -Password $pw {Connection}");

            Assert.Equal(new[] { "alice", "bob" }, SentBodies().Select(b => b.GetProperty("Username").GetString()));
        }
    }
}
